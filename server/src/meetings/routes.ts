import { newRouter } from "../http/env.ts";
import { parseId } from "../shared/schemas.ts";
import { cancelMeeting, rescheduleMeeting, updateMeeting } from "./change.ts";
import {
  cancelRoute,
  conveneRoute,
  conveneSeriesRoute,
  getMeetingRoute,
  myMeetingsRoute,
  rescheduleRoute,
  tableCalendarRoute,
  updateMeetingRoute,
} from "./contracts.ts";
import { conveneMeeting, conveneSeries } from "./convene.ts";
import { parseMeetingTime } from "./local-time.ts";
import { presentMeeting } from "./present.ts";
import { getMeeting, myUpcomingMeetings, tableCalendar } from "./queries.ts";

const DAY_MS = 24 * 3600_000;

/** Meetings: convening, rescheduling, cancelling and the calendars clients show. */
export function meetingRoutes() {
  const router = newRouter();
  router.openapi(conveneRoute, async (c) => {
    const ctx = c.get("ctx");
    const input = {
      tableId: parseId(c.req.valid("param").id),
      meeting: c.req.valid("json"),
      jitsiBaseUrl: c.get("config").jitsiBaseUrl,
    };
    const doc = await conveneMeeting({ ctx, input });
    return c.json(await getMeeting({ ctx, input: { id: doc._id } }), 201);
  });
  router.openapi(conveneSeriesRoute, async (c) => {
    const ctx = c.get("ctx");
    const input = {
      tableId: parseId(c.req.valid("param").id),
      series: c.req.valid("json"),
      jitsiBaseUrl: c.get("config").jitsiBaseUrl,
    };
    const { seriesId, meetings, table } = await conveneSeries({ ctx, input });
    const view = { convened: false, organiser: true, seeConfidential: true };
    const items = meetings.map((m) => presentMeeting(m, table, view));
    return c.json({ seriesId: seriesId.toHexString(), items }, 201);
  });
  router.openapi(tableCalendarRoute, async (c) => {
    const ctx = c.get("ctx");
    const query = c.req.valid("query");
    const from = query.from
      ? parseMeetingTime(query.from, "from")
      : new Date(ctx.now().getTime() - 30 * DAY_MS);
    const to = query.to ? parseMeetingTime(query.to, "to") : new Date(from.getTime() + 366 * DAY_MS);
    const items = await tableCalendar({
      ctx,
      input: { tableId: parseId(c.req.valid("param").id), from, to },
    });
    return c.json({ items }, 200);
  });
  router.openapi(myMeetingsRoute, async (c) => {
    const ctx = c.get("ctx");
    const query = c.req.valid("query");
    const from = query.from ? parseMeetingTime(query.from, "from") : undefined;
    return c.json({ items: await myUpcomingMeetings({ ctx, input: { from, limit: query.limit } }) }, 200);
  });
  router.openapi(getMeetingRoute, async (c) => {
    const id = parseId(c.req.valid("param").id);
    return c.json(await getMeeting({ ctx: c.get("ctx"), input: { id } }), 200);
  });
  router.openapi(updateMeetingRoute, async (c) => {
    const ctx = c.get("ctx");
    const id = parseId(c.req.valid("param").id);
    await updateMeeting({ ctx, input: { id, patch: c.req.valid("json") } });
    return c.json(await getMeeting({ ctx, input: { id } }), 200);
  });
  router.openapi(rescheduleRoute, async (c) => {
    const ctx = c.get("ctx");
    const id = parseId(c.req.valid("param").id);
    const change = c.req.valid("json");
    await rescheduleMeeting({ ctx, input: { id, change, jitsiBaseUrl: c.get("config").jitsiBaseUrl } });
    return c.json(await getMeeting({ ctx, input: { id } }), 200);
  });
  router.openapi(cancelRoute, async (c) => {
    const ctx = c.get("ctx");
    const id = parseId(c.req.valid("param").id);
    await cancelMeeting({ ctx, input: { id, cancel: c.req.valid("json") } });
    return c.json(await getMeeting({ ctx, input: { id } }), 200);
  });
  return router;
}
