import type { ObjectId } from "mongodb";
import type { MeetingDoc } from "../meetings/documents.ts";
import { romeIso } from "../meetings/local-time.ts";
import { heldNewestFirst } from "../meetings/queries.ts";
import type { MembershipDoc } from "../memberships/documents.ts";
import { membershipsOf } from "../memberships/queries.ts";
import { getOrganisation } from "../organisations/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { isAgreementAdmin, requireActor } from "../shared/policy.ts";
import type { TableDoc } from "../tables/documents.ts";
import { tablesOfAgreements } from "../tables/queries.ts";
import { seatsOnTable } from "../tables/sits-on-table.ts";
import { namesOf } from "./queries.ts";

const MAX_ITEMS = 200;

/** True when one of the organisation's memberships puts it on the table on that day. */
function satOn(memberships: MembershipDoc[], table: TableDoc, day: string): boolean {
  return memberships.some((m) => seatsOnTable(m, table, day));
}

/**
 * The agreements whose sittings the actor may see for the organisation: all of them for its own
 * referents and installation admins, those they administer for agreement admins, else 403.
 */
function agreementsInScope(ctx: Ctx, organisationId: ObjectId, memberships: MembershipDoc[]): ObjectId[] {
  const actor = requireActor(ctx);
  const all = memberships.map((m) => m.agreementId);
  if (actor.isInstallationAdmin || actor.referentFor.includes(organisationId.toHexString())) return all;
  const administered = all.filter((id) => isAgreementAdmin(actor, id));
  if (administered.length === 0) throw new AppError("forbidden", { requiredRole: "organisation_referent" });
  return administered;
}

/**
 * An organisation's attendance history: every sitting held (started, not cancelled) on a table it sat on
 * that day, newest first, at most 200, with who attended for it and whether it was represented.
 */
export async function organisationAttendance({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { organisationId: ObjectId; from?: Date; to?: Date };
}) {
  requireActor(ctx);
  const organisation = await getOrganisation({ ctx, input: { id: input.organisationId } });
  const memberships = await membershipsOf(ctx, organisation._id);
  const agreementIds = agreementsInScope(ctx, organisation._id, memberships);
  const now = ctx.now();
  const until = input.to && input.to < now ? input.to : now;
  if (input.from && input.from >= until) throw new AppError("date_order");
  const tables = await tablesOfAgreements(ctx, agreementIds);
  const tableById = new Map(tables.map((t) => [t._id.toHexString(), t]));
  const cursor = heldNewestFirst(ctx, { tableIds: tables.map((t) => t._id), from: input.from, until });
  const held: { meeting: MeetingDoc; table: TableDoc }[] = [];
  for await (const meeting of cursor) {
    const table = tableById.get(meeting.tableId.toHexString());
    if (table && satOn(memberships, table, romeDate(meeting.startsAt))) held.push({ meeting, table });
    if (held.length === MAX_ITEMS) break;
  }
  const rows = await ctx.c.attendance
    .find({ organisationId: organisation._id, meetingId: { $in: held.map((h) => h.meeting._id) } })
    .toArray();
  const names = await namesOf(ctx, rows);
  return {
    items: held.map(({ meeting, table }) => {
      const attendees = rows
        .filter((row) => row.meetingId.equals(meeting._id))
        .map((row) => ({
          personId: row.personId.toHexString(),
          name: names.people.get(row.personId.toHexString()) ?? "",
          mode: row.mode,
        }))
        .sort((a, b) => a.name.localeCompare(b.name, "it"));
      return {
        meetingId: meeting._id.toHexString(),
        title: meeting.title,
        tableId: table._id.toHexString(),
        tableName: table.name,
        startsAt: meeting.startsAt.toISOString(),
        startsAtLocal: romeIso(meeting.startsAt),
        represented: attendees.length > 0,
        attendees,
      };
    }),
  };
}
