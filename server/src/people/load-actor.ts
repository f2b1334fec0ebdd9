import type { ObjectId } from "mongodb";
import { standingInForceOn } from "../designations/in-force.ts";
import type { Collections } from "../shared/collections.ts";
import type { Actor } from "../shared/context.ts";
import { romeDate } from "../shared/dates.ts";

/**
 * Loads a person's roles: installation admin flag, agreements administered, tables coordinated,
 * organisations represented today. Only standing designations make a referent: a single-sitting
 * delegate (Reggio Emilia art. 1) is convened to that sitting and may answer, check in and read it,
 * but must never act for the organisation (edit it, designate, withdraw it, see the table's material).
 */
export async function loadActor(c: Collections, personId: ObjectId, now: Date): Promise<Actor | null> {
  const today = romeDate(now);
  const [person, adminOf, coordinated, designations] = await Promise.all([
    c.people.findOne({ _id: personId }),
    c.agreementAdmins.find({ personId }, { projection: { agreementId: 1 } }).toArray(),
    c.tables.find({ coordinatorIds: personId }, { projection: { _id: 1 } }).toArray(),
    c.designations
      .find({ personId, ...standingInForceOn(today) })
      .project<{ organisationId: ObjectId }>({ organisationId: 1 })
      .toArray(),
  ]);
  // An erased person keeps a record but no access: no credential, however it raced the erasure, acts.
  if (!person || person.erasedAt) return null;
  return {
    personId: person._id,
    name: person.name,
    isInstallationAdmin: person.isInstallationAdmin,
    agreementAdminOf: adminOf.map((a) => a.agreementId.toHexString()),
    coordinatorOf: coordinated.map((t) => t._id.toHexString()),
    referentFor: [...new Set(designations.map((d) => d.organisationId.toHexString()))],
  };
}
