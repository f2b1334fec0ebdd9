import { newRouter } from "../http/env.ts";
import {
  adminNotificationsRoute,
  getPreferencesRoute,
  myNotificationsRoute,
  setPreferencesRoute,
} from "./contracts.ts";
import { listMyNotifications, listOccurrences } from "./notifications.ts";
import { presentOccurrence, presentReminderPreferences, presentSentNotification } from "./present.ts";
import { getReminderPreferences } from "./queries.ts";
import { setReminderPreferences } from "./set-preferences.ts";

/** Reminder preferences (each person only their own), what was sent to me, and the admins' view. */
export function reminderPreferenceRoutes() {
  const router = newRouter();
  router.openapi(getPreferencesRoute, async (c) => {
    const preferences = await getReminderPreferences({ ctx: c.get("ctx") });
    return c.json(presentReminderPreferences(preferences, c.get("lang")), 200);
  });
  router.openapi(setPreferencesRoute, async (c) => {
    const preferences = await setReminderPreferences({ ctx: c.get("ctx"), input: c.req.valid("json") });
    return c.json(presentReminderPreferences(preferences, c.get("lang")), 200);
  });
  router.openapi(myNotificationsRoute, async (c) => {
    const page = await listMyNotifications({ ctx: c.get("ctx"), input: c.req.valid("query") });
    return c.json({ items: page.items.map(presentSentNotification), nextCursor: page.nextCursor }, 200);
  });
  router.openapi(adminNotificationsRoute, async (c) => {
    const page = await listOccurrences({ ctx: c.get("ctx"), input: c.req.valid("query") });
    return c.json({ items: page.items.map(presentOccurrence), nextCursor: page.nextCursor }, 200);
  });
  return router;
}
