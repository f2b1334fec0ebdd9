import { ObjectId } from "mongodb";
import { presentAttendanceItems } from "../attendance/present.ts";
import { namesOf, registerRows } from "../attendance/queries.ts";
import type { MeetingDoc } from "../meetings/documents.ts";
import type { Ctx } from "../shared/context.ts";
import type { MinutesAttendee } from "./documents.ts";

/**
 * Who attended, copied from the sitting's attendance register (DOMAIN rule 6: the minutes list who
 * attended), in the register's order: by organisation, coordinators without one last, then by name.
 */
export async function attendeesFromRegister(ctx: Ctx, meeting: MeetingDoc): Promise<MinutesAttendee[]> {
  const rows = await registerRows(ctx, meeting._id);
  const items = presentAttendanceItems(rows, await namesOf(ctx, rows));
  return items.map((item) => ({
    personId: new ObjectId(item.personId),
    name: item.name,
    organisationId: item.organisationId ? new ObjectId(item.organisationId) : null,
    organisationName: item.organisationName,
    mode: item.mode,
    arrivedLate: item.arrivedLate,
    leftEarly: item.leftEarly,
  }));
}
