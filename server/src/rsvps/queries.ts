import type { ObjectId } from "mongodb";
import { loadMeeting, loadMeetingTable } from "../meetings/access.ts";
import { type ConvenedPerson, convenedPeople } from "../meetings/convened.ts";
import { organisationNames } from "../organisations/queries.ts";
import { personNames } from "../people/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import type { TableDoc } from "../tables/documents.ts";
import { canSeeConfidential } from "../tables/visibility.ts";
import { answersTo } from "./answers-given.ts";
import { presentMeetingRsvps } from "./present.ts";

/**
 * Who may read everyone's answers: the people convened, and the table's circle (organisers and
 * referents of organisations sitting on it), the same circle that sees its confidential material.
 */
async function requireMayReadAnswers(ctx: Ctx, table: TableDoc, convened: ConvenedPerson[]) {
  const actor = requireActor(ctx);
  if (convened.some((p) => p.personId.equals(actor.personId))) return;
  if (!(await canSeeConfidential(ctx, table))) throw new AppError("forbidden");
}

/** Every answer to a sitting, by person and by organisation (is each organisation represented?). */
export async function meetingRsvps({ ctx, input }: { ctx: Ctx; input: { id: ObjectId } }) {
  requireActor(ctx);
  // One read of the answers serves the delegations and the list.
  const [meeting, rsvps] = await Promise.all([loadMeeting(ctx, input.id), answersTo(ctx, input.id)]);
  const table = await loadMeetingTable(ctx, meeting);
  const convened = await convenedPeople(ctx, meeting, table, rsvps);
  await requireMayReadAnswers(ctx, table, convened);
  // Names: one batched $in per collection.
  const personIds = [
    ...convened.map((p) => p.personId),
    ...rsvps.flatMap((r) => (r.delegateId ? [r.delegateId] : [])),
  ];
  const organisationIds = convened.flatMap((p) => (p.organisationId ? [p.organisationId] : []));
  const [people, organisations] = await Promise.all([
    personNames(ctx, personIds),
    organisationNames(ctx, organisationIds),
  ]);
  return presentMeetingRsvps({ convened, rsvps, people, organisations });
}
