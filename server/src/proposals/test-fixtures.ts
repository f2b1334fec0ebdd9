import { countStoredEvents } from "../../../test/support/records.ts";
import type { TestServer } from "../../../test/support/server.ts";

/** A valid draft body: a public proposal drafted directly, overridable. */
export function proposalBody(overrides: Record<string, unknown> = {}) {
  return {
    title: "Adottare il modello comune di piano di migrazione al cloud",
    text: "Il tavolo propone agli enti di adottare il modello allegato entro giugno.",
    ...overrides,
  };
}

/** The act of an adoption by the Giunta, dated `date`. */
export function actOf(date: string, number = "45/2026") {
  return { kind: "delibera_di_giunta", number, date, url: "https://comune.example.it/atti/45-2026" };
}

/** POST /tables/{id}/proposals */
export function draft(s: TestServer, token: string, tableId: string, body: unknown = proposalBody()) {
  return s.api("POST", `/api/v1/tables/${tableId}/proposals`, { token, body });
}

/** POST /proposals/{id}/{approve|address|withdraw} */
export function move(
  s: TestServer,
  token: string,
  id: string,
  step: "approve" | "address" | "withdraw",
  body?: unknown,
) {
  return s.api("POST", `/api/v1/proposals/${id}/${step}`, { token, body });
}

/** PUT /proposals/{id}/adoptions/{organisationId} */
export function adopt(s: TestServer, token: string, id: string, organisationId: string, body: unknown) {
  return s.api("PUT", `/api/v1/proposals/${id}/adoptions/${organisationId}`, { token, body });
}

/** Drafts, approves and addresses a proposal as the coordinator; returns its id. */
export async function addressedProposal(
  s: TestServer,
  token: string,
  tableId: string,
  body: unknown = proposalBody(),
  addressing?: unknown,
): Promise<string> {
  const drafted = await draft(s, token, tableId, body);
  if (drafted.status !== 201) throw new Error(`draft: ${JSON.stringify(drafted.body)}`);
  const id = drafted.body.id as string;
  await move(s, token, id, "approve");
  const addressed = await move(s, token, id, "address", addressing);
  if (addressed.status !== 200) throw new Error(`address: ${JSON.stringify(addressed.body)}`);
  return id;
}

/** Proposals, audit entries and events, to prove a refused request changed nothing. */
export async function proposalSnapshot(s: TestServer) {
  return {
    proposals: await s.c.proposals.find().sort({ _id: 1 }).toArray(),
    audit: await s.c.audit.countDocuments(),
    events: await countStoredEvents(s.c),
  };
}
