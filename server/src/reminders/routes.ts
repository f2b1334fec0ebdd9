import { newRouter } from "../http/env.ts";
import { getPreferencesRoute, setPreferencesRoute } from "./contracts.ts";
import { presentReminderPreferences } from "./present.ts";
import { getReminderPreferences } from "./queries.ts";
import { setReminderPreferences } from "./set-preferences.ts";

/** Reminder preferences: each person reads and changes only their own. */
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
  return router;
}
