import type { ObjectId } from "mongodb";
import { agreementsAdministeredBy } from "../agreements/queries.ts";
import { organisationsRepresentedBy } from "../designations/queries.ts";
import type { Collections } from "../shared/collections.ts";
import type { Actor } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";
import { tablesCoordinatedBy } from "../tables/queries.ts";

/**
 * Loads a person's roles: installation admin flag, agreements administered, tables coordinated,
 * organisations represented today. Only standing designations make a referent: a single-sitting
 * delegate (Reggio Emilia art. 1) is convened to that sitting and may answer, check in and read it,
 * but must never act for the organisation (edit it, designate, withdraw it, see the table's material).
 */
export async function loadActor(c: Collections, personId: ObjectId, now: Date): Promise<Actor | null> {
  const today = romeDate(now);
  const [person, adminOf, coordinated, represented] = await Promise.all([
    c.people.findOne({ _id: personId }),
    agreementsAdministeredBy({ c }, personId),
    tablesCoordinatedBy({ c }, personId),
    organisationsRepresentedBy({ c }, personId, today),
  ]);
  // An erased person keeps a record but no access: no credential, however it raced the erasure, acts.
  if (!person || person.erasedAt) return null;
  return {
    personId: person._id,
    name: person.name,
    isInstallationAdmin: person.isInstallationAdmin,
    agreementAdminOf: adminOf.map((id) => id.toHexString()),
    coordinatorOf: coordinated.map((id) => id.toHexString()),
    referentFor: [...new Set(represented.map((id) => id.toHexString()))],
  };
}
