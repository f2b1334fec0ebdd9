import { newRouter } from "../http/env.ts";
import { romeDate } from "../shared/dates.ts";
import { parseId } from "../shared/schemas.ts";
import { createFeedRoute, feedRoute, feedStatusRoute, inviteRoute, revokeFeedRoute } from "./contracts.ts";
import { createCalendarFeed } from "./create-feed.ts";
import { langOf } from "./describe.ts";
import { calendarFeed } from "./feed.ts";
import { buildFeedIcs, buildMeetingIcs } from "./ics.ts";
import { meetingInvite } from "./invite.ts";
import { calendarFeedStatus } from "./queries.ts";
import { revokeCalendarFeed } from "./revoke-feed.ts";

const ICS_TYPE = "text/calendar; charset=utf-8";

/** Calendar: one sitting as an .ics, and each person's subscribable feed behind a revocable token. */
export function calendarRoutes() {
  const router = newRouter();
  router.openapi(inviteRoute, async (c) => {
    const ctx = c.get("ctx");
    const config = c.get("config");
    const id = parseId(c.req.valid("param").id);
    const { meeting, table, showLink, attendee } = await meetingInvite({ ctx, input: { id } });
    const ics = buildMeetingIcs(meeting, table, {
      method: meeting.status === "cancelled" ? "CANCEL" : "REQUEST",
      showLink,
      attendees: attendee ? [attendee] : [],
      lang: c.get("lang"),
      publicUrl: config.publicUrl,
      mailFrom: config.mailFrom,
      now: ctx.now(),
    });
    const filename = `tavoli-${romeDate(meeting.startsAt)}-${meeting._id.toHexString()}.ics`;
    return c.body(ics, 200, {
      "content-type": ICS_TYPE,
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    });
  });
  router.openapi(createFeedRoute, async (c) => {
    const { token, doc } = await createCalendarFeed({ ctx: c.get("ctx") });
    const url = `${c.get("config").publicUrl}/api/v1/calendar/feeds/${token}.ics`;
    return c.json({ url, createdAt: doc.createdAt.toISOString() }, 201);
  });
  router.openapi(feedStatusRoute, async (c) => {
    const status = await calendarFeedStatus({ ctx: c.get("ctx") });
    return c.json({ active: status.active, createdAt: status.createdAt?.toISOString() ?? null }, 200);
  });
  router.openapi(revokeFeedRoute, async (c) => {
    await revokeCalendarFeed({ ctx: c.get("ctx") });
    return c.body(null, 204);
  });
  router.openapi(feedRoute, async (c) => {
    const ctx = c.get("ctx");
    const config = c.get("config");
    const token = c.req.valid("param").token.replace(/\.ics$/, "");
    const { person, entries } = await calendarFeed({ ctx, input: { token } });
    const ics = buildFeedIcs(entries, {
      name: "Tavoli",
      lang: langOf(person.locale),
      publicUrl: config.publicUrl,
      mailFrom: config.mailFrom,
      now: ctx.now(),
    });
    return c.body(ics, 200, { "content-type": ICS_TYPE, "cache-control": "private, max-age=300" });
  });
  return router;
}
