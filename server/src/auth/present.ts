import type { PersonDoc } from "../people/documents.ts";
import type { Actor } from "../shared/context.ts";
import type { OutboxMailDoc } from "../shared/documents.ts";
import type { ApiTokenDoc } from "./documents.ts";

/** The logged-in person as their own session sees them. */
export function presentSession(input: { person: PersonDoc; actor: Actor; csrfToken: string }) {
  const { person, actor } = input;
  return {
    person: { id: person._id.toHexString(), name: person.name, email: person.email, locale: person.locale },
    roles: {
      isInstallationAdmin: actor.isInstallationAdmin,
      agreementAdminOf: actor.agreementAdminOf,
      coordinatorOf: actor.coordinatorOf,
      referentFor: actor.referentFor,
    },
    csrfToken: input.csrfToken,
  };
}

/** An API token without its secret. */
export function presentApiToken(doc: ApiTokenDoc) {
  return {
    id: doc._id.toHexString(),
    name: doc.name,
    createdAt: doc.createdAt.toISOString(),
    lastUsedAt: doc.lastUsedAt?.toISOString() ?? null,
    revokedAt: doc.revokedAt?.toISOString() ?? null,
  };
}

/** A dev-outbox mail. */
export function presentMail(doc: OutboxMailDoc) {
  return {
    id: doc._id.toHexString(),
    to: doc.to,
    subject: doc.subject,
    text: doc.text,
    createdAt: doc.createdAt.toISOString(),
  };
}
