import { countStoredEvents } from "../../../test/support/records.ts";
import type { TestServer } from "../../../test/support/server.ts";

/** A valid contribution body for an organisation: a public document, overridable. */
export function contributionBody(organisationId: string, overrides: Record<string, unknown> = {}) {
  return {
    organisationId,
    kind: "documento",
    title: "Linee guida per la migrazione al cloud",
    description: "Il documento adottato dal Comune, riusabile dagli altri enti.",
    url: "https://example.it/linee-guida.pdf",
    ...overrides,
  };
}

/** Logs a contribution through the API and returns the response. */
export function contribute(s: TestServer, token: string, tableId: string, body: unknown) {
  return s.api("POST", `/api/v1/tables/${tableId}/contributions`, { token, body });
}

/** Everything a refused write must leave as it was. */
export async function snapshot(s: TestServer) {
  return {
    contributions: await s.c.contributions.find().sort({ _id: 1 }).toArray(),
    audit: await s.c.audit.countDocuments(),
    events: await countStoredEvents(s.c),
  };
}
