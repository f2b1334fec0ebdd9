import { newRouter } from "../http/env.ts";
import { parseMeetingTime } from "../meetings/local-time.ts";
import { parseId } from "../shared/schemas.ts";
import { checkIn } from "./check-in.ts";
import { closeRegister } from "./close-register.ts";
import {
  checkInRoute,
  closeRegisterRoute,
  getAttendanceRoute,
  organisationAttendanceRoute,
  recordAttendanceRoute,
  removeAttendanceRoute,
} from "./contracts.ts";
import { organisationAttendance } from "./history.ts";
import { presentAttendanceItem } from "./present.ts";
import { meetingAttendance, namesOf } from "./queries.ts";
import { recordAttendance, removeAttendance } from "./record.ts";

/** Attendance: the register of each sitting, self check-in, the quorum and each organisation's history. */
export function attendanceRoutes() {
  const router = newRouter();
  router.openapi(recordAttendanceRoute, async (c) => {
    const ctx = c.get("ctx");
    const params = c.req.valid("param");
    const input = {
      meetingId: parseId(params.id),
      personId: parseId(params.personId),
      entry: c.req.valid("json"),
    };
    const row = await recordAttendance({ ctx, input });
    return c.json(presentAttendanceItem(row, await namesOf(ctx, [row])), 200);
  });
  router.openapi(removeAttendanceRoute, async (c) => {
    const params = c.req.valid("param");
    const input = { meetingId: parseId(params.id), personId: parseId(params.personId) };
    await removeAttendance({ ctx: c.get("ctx"), input });
    return c.body(null, 204);
  });
  router.openapi(checkInRoute, async (c) => {
    const ctx = c.get("ctx");
    const input = { meetingId: parseId(c.req.valid("param").id), ...c.req.valid("json") };
    const row = await checkIn({ ctx, input });
    return c.json(presentAttendanceItem(row, await namesOf(ctx, [row])), 200);
  });
  router.openapi(getAttendanceRoute, async (c) => {
    const id = parseId(c.req.valid("param").id);
    return c.json(await meetingAttendance({ ctx: c.get("ctx"), input: { id } }), 200);
  });
  router.openapi(closeRegisterRoute, async (c) => {
    const ctx = c.get("ctx");
    const id = parseId(c.req.valid("param").id);
    await closeRegister({ ctx, input: { meetingId: id } });
    return c.json(await meetingAttendance({ ctx, input: { id } }), 200);
  });
  router.openapi(organisationAttendanceRoute, async (c) => {
    const query = c.req.valid("query");
    const input = {
      organisationId: parseId(c.req.valid("param").id),
      from: query.from ? parseMeetingTime(query.from, "from") : undefined,
      to: query.to ? parseMeetingTime(query.to, "to") : undefined,
    };
    return c.json(await organisationAttendance({ ctx: c.get("ctx"), input }), 200);
  });
  return router;
}
