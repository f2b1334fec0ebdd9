import { countStoredEvents } from "../../../test/support/records.ts";
import type { TestServer } from "../../../test/support/server.ts";

/** A valid report body for an organisation, overridable. */
export function reportBody(organisationId: string, overrides: Record<string, unknown> = {}) {
  return {
    organisationId,
    title: "Il portale SUAP non accetta la firma CAdES",
    description: "Da lunedì le pratiche firmate con CAdES vengono rifiutate dal portale regionale.",
    severity: "media",
    ...overrides,
  };
}

/** Raises a report through the API and returns the response. */
export function raise(s: TestServer, token: string, tableId: string, body: unknown) {
  return s.api("POST", `/api/v1/tables/${tableId}/issue-reports`, { token, body });
}

/** Moves a report to a status through the API and returns the response. */
export function triage(s: TestServer, token: string, id: string, status: string, note?: string | null) {
  return s.api("POST", `/api/v1/issue-reports/${id}/status`, { token, body: { status, note } });
}

/** Everything a refused write must leave as it was. */
export async function snapshot(s: TestServer) {
  return {
    reports: await s.c.issueReports.find().sort({ _id: 1 }).toArray(),
    audit: await s.c.audit.countDocuments(),
    events: await countStoredEvents(s.c),
  };
}
