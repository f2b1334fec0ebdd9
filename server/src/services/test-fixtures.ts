import { ObjectId } from "mongodb";
import { makeOrganisation } from "../../../test/support/factories.ts";
import type { TestServer } from "../../../test/support/server.ts";
import { meetingWorld } from "../meetings/test-fixtures.ts";

/**
 * meetingWorld plus the agreement's società in house, a member since 2020, whose referent sits on the
 * open table: the provider of the services under test.
 */
export async function serviceWorld(s: TestServer) {
  const w = await meetingWorld(s);
  const provider = (await makeOrganisation(s, "Consorzio Informatico Calatino", "societa_in_house"))._id;
  await s.c.memberships.insertOne({
    ...{ _id: new ObjectId(), agreementId: new ObjectId(w.agreementId), organisationId: provider, seq: 0 },
    ...{ founding: false, receivedOn: "2020-01-01", operativeFrom: "2020-01-01", withdrawal: null },
    createdAt: new Date(),
  });
  const providerRef = await s.createPerson({ name: "Paola Fornitrice" });
  await s.c.designations.insertOne({
    ...{ _id: new ObjectId(), agreementId: new ObjectId(w.agreementId), tableId: new ObjectId(w.openTable) },
    ...{
      organisationId: provider,
      personId: new ObjectId(providerRef.id),
      kind: "standing",
      meetingRef: null,
    },
    ...{ from: "2026-01-01", to: null, substitutedById: null, substitutesId: null },
    ...{ createdAt: new Date(), createdBy: null },
  });
  return { ...w, provider: provider.toHexString(), providerRef };
}

/** A valid service body, overridable. */
export function serviceBody(providerId: string, overrides: Record<string, unknown> = {}) {
  return {
    name: "Conservazione sostitutiva",
    description: "Conservazione a norma dei documenti informatici dei comuni aderenti.",
    providerId,
    status: "attivo",
    levels: { availabilityPercent: 99.5, responseHours: 8, resolutionHours: 72 },
    ...overrides,
  };
}

/** Creates a service through the API and returns the response. */
export function createServiceVia(s: TestServer, token: string, agreementId: string, body: unknown) {
  return s.api("POST", `/api/v1/agreements/${agreementId}/services`, { token, body });
}

/** Everything a refused write must leave as it was. */
export async function serviceSnapshot(s: TestServer) {
  return {
    services: await s.c.sharedServices.find().sort({ _id: 1 }).toArray(),
    reports: await s.c.issueReports.countDocuments(),
    audit: await s.c.audit.countDocuments(),
  };
}
