import type { ObjectId } from "mongodb";
import { colleaguesOf } from "../designations/colleagues.ts";
import { loadMeeting, loadMeetingTable } from "../meetings/access.ts";
import { type ConvenedPerson, convenedPeople } from "../meetings/convened.ts";
import { namesOfActivePeople } from "../people/queries.ts";
import type { Actor, Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import { mayDelegate } from "./rules.ts";

/**
 * The organisations for which the actor may name a delegate to this sitting: those of the people
 * convened who may delegate (mayDelegate) and whom the actor may answer for, being that person, a
 * referent of their organisation or an installation admin (requireAnsweringFor's rule).
 */
function delegatingOrganisations(actor: Actor, convened: ConvenedPerson[]): ObjectId[] {
  const found = new Map<string, ObjectId>();
  for (const person of convened) {
    if (!mayDelegate(person)) continue;
    const hex = person.organisationId.toHexString();
    if (
      person.personId.equals(actor.personId) ||
      actor.isInstallationAdmin ||
      actor.referentFor.includes(hex)
    )
      found.set(hex, person.organisationId);
  }
  return [...found.values()];
}

/**
 * Whom the actor may name with `delega` for the sitting: the colleagues of their organisation (people
 * it has designated, the set checkDelegation accepts), themself excepted, by name. 403 for anyone
 * who may not delegate there (not convened as a referent, nor a referent of an organisation convened).
 */
export async function delegateCandidates({ ctx, input }: { ctx: Ctx; input: { meetingId: ObjectId } }) {
  const actor = requireActor(ctx);
  const meeting = await loadMeeting(ctx, input.meetingId);
  const table = await loadMeetingTable(ctx, meeting);
  const organisationIds = delegatingOrganisations(actor, await convenedPeople(ctx, meeting, table));
  if (organisationIds.length === 0) throw new AppError("forbidden", { reason: "cannot_delegate" });
  const colleagues = (await Promise.all(organisationIds.map((id) => colleaguesOf(ctx, id)))).flat();
  const names = await namesOfActivePeople(
    ctx,
    colleagues.filter((id) => !id.equals(actor.personId)),
  );
  const items = [...names].map(([personId, name]) => ({ personId, name }));
  items.sort((a, b) => a.name.localeCompare(b.name, "it"));
  return { items };
}
