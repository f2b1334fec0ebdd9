import type { ErrorEntry } from "../shared/errors.ts";

/** The error codes the services feature refuses with (merged into shared/errors.ts's one catalogue). */
export const serviceErrors = {
  service_organisation_not_member: {
    status: 409,
    it: "L'ente non è (o non è più) membro dell'accordo: non può fornire né sottoscrivere i suoi servizi condivisi.",
    en: "The organisation is not (or no longer) a member of the agreement: it cannot provide or subscribe to its shared services.",
  },
  service_table_not_of_agreement: {
    status: 400,
    it: "Il tavolo indicato non appartiene all'accordo del servizio.",
    en: "The table named does not belong to the service's agreement.",
  },
  service_name_taken: {
    status: 409,
    it: "L'accordo ha già un servizio condiviso con questo nome.",
    en: "The agreement already has a shared service with this name.",
  },
  service_already_subscribed: {
    status: 409,
    it: "L'ente ha già sottoscritto questo servizio.",
    en: "The organisation already subscribes to this service.",
  },
  service_not_subscribed: {
    status: 409,
    it: "L'ente non ha sottoscritto questo servizio.",
    en: "The organisation does not subscribe to this service.",
  },
  service_dismissed: {
    status: 409,
    it: "Il servizio è dismesso: non accetta nuove sottoscrizioni né misurazioni.",
    en: "The service is decommissioned: it takes no new subscriptions or measurements.",
  },
  service_not_of_agreement: {
    status: 400,
    it: "Il servizio indicato non è un servizio condiviso dell'accordo di questo tavolo.",
    en: "The service named is not a shared service of this table's agreement.",
  },
} as const satisfies Record<string, ErrorEntry>;
