import type { Actor } from "../shared/context.ts";
import type { PersonDoc } from "./documents.ts";

/** A person with their contact data: only for themselves and for admins entitled to see it. */
export function presentPerson(doc: PersonDoc) {
  return {
    id: doc._id.toHexString(),
    name: doc.name,
    email: doc.email,
    locale: doc.locale,
    isInstallationAdmin: doc.isInstallationAdmin,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

/** The acting person's own view: their data plus the roles they hold today. */
export function presentMe(doc: PersonDoc, actor: Actor) {
  return {
    ...presentPerson(doc),
    agreementAdminOf: actor.agreementAdminOf,
    coordinatorOf: actor.coordinatorOf,
    referentFor: actor.referentFor,
  };
}
