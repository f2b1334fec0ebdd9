import type { ObjectId } from "mongodb";
import { organisationsOf } from "../designations/colleagues.ts";
import { requireChangeable } from "../meetings/access.ts";
import type { ConvenedPerson } from "../meetings/convened.ts";
import type { MeetingDoc } from "../meetings/documents.ts";
import { personExists } from "../people/queries.ts";
import type { Actor, Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { requireActingFor, requireActor } from "../shared/policy.ts";
import type { RsvpAnswer } from "./documents.ts";

/** Answers are taken until the RSVP deadline (default: the start) of a sitting still on. */
export function requireRsvpOpen(meeting: MeetingDoc, now: Date): void {
  requireChangeable(meeting, now);
  const deadline = meeting.rsvpDeadline ?? meeting.startsAt;
  if (now > deadline)
    throw new AppError("rsvp_closed", {
      meetingId: meeting._id.toHexString(),
      deadline: deadline.toISOString(),
    });
}

/**
 * DOMAIN rule 4: the person themself, a referent of the organisation they represent at this sitting,
 * or an installation admin may answer. A coordinator convened without organisation answers alone.
 */
export function requireAnsweringFor(ctx: Ctx, person: ConvenedPerson): Actor {
  const actor = requireActor(ctx);
  if (actor.personId.equals(person.personId)) return actor;
  if (person.organisationId) return requireActingFor(ctx, person.organisationId);
  if (actor.isInstallationAdmin) return actor;
  throw new AppError("forbidden");
}

/** The person proposed as delegate, with the organisations whose colleague they are (see organisationsOf). */
export type DelegateCandidate = { personId: ObjectId; organisationIds: ObjectId[] };

/** Loads a proposed delegate (null when no such person); one round trip, two parallel queries. */
export async function loadDelegate(ctx: Ctx, personId: ObjectId): Promise<DelegateCandidate | null> {
  const [person, organisationIds] = await Promise.all([
    personExists(ctx, personId),
    organisationsOf(ctx, personId),
  ]);
  if (!person) return null;
  return { personId, organisationIds };
}

/**
 * Only a referent delegates: a delegate cannot pass it on, a coordinator has no organisation to be
 * represented. Said once for the check below and for the list of candidates.
 */
export function mayDelegate(person: ConvenedPerson): person is ConvenedPerson & { organisationId: ObjectId } {
  return person.role === "referent" && person.organisationId !== null;
}

/**
 * DOMAIN rule 3: an organisation may send someone else to one sitting. Only a referent delegates
 * (mayDelegate), never to themself, and only to a colleague of the same organisation (someone it has
 * designated): a stranger, another organisation's referent or an admin would otherwise be convened
 * and read confidential items. delegate-candidates.ts lists the same colleagues.
 */
export function checkDelegation(
  person: ConvenedPerson,
  input: { answer: RsvpAnswer; delegateId: ObjectId | null },
  delegate: DelegateCandidate | null,
): void {
  if (input.answer !== "delega") {
    if (input.delegateId) throw new AppError("delegate_invalid", { reason: "delegate_without_delega" });
    return;
  }
  if (!input.delegateId) throw new AppError("delegate_required");
  if (input.delegateId.equals(person.personId)) throw new AppError("delegate_invalid", { reason: "self" });
  if (!mayDelegate(person))
    throw new AppError("delegate_invalid", { reason: `${person.role}_cannot_delegate` });
  if (!delegate) throw new AppError("not_found", { entity: "person", id: input.delegateId.toHexString() });
  const organisationId = person.organisationId;
  if (!delegate.organisationIds.some((id) => id.equals(organisationId)))
    throw new AppError("delegate_other_organisation", {
      delegateId: input.delegateId.toHexString(),
      organisationId: organisationId.toHexString(),
    });
}
