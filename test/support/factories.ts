import { ObjectId } from "mongodb";
import type { OrganisationDoc } from "../../server/src/organisations/documents.ts";
import type { TestServer } from "./server.ts";

let counter = 0;

/** Creates an agreement through the API as the given admin. */
export async function makeAgreement(
  s: TestServer,
  adminToken: string,
  overrides: Partial<{
    adhesionDelayDays: number;
    withdrawalNotice: { amount: number; unit: "days" | "months" };
  }> = {},
) {
  counter += 1;
  const response = await s.api("POST", "/api/v1/agreements", {
    token: adminToken,
    body: {
      slug: `accordo-${counter}-${Date.now()}`,
      title: `Accordo di prova ${counter}`,
      shortName: `Prova ${counter}`,
      adhesionDelayDays: 15,
      withdrawalNotice: { amount: 3, unit: "months" },
      ...overrides,
    },
  });
  if (response.status !== 201) throw new Error(`agreement: ${JSON.stringify(response.body)}`);
  return response.body as { id: string };
}

/** Inserts an organisation directly (the organisations API has its own tests). */
export async function makeOrganisation(
  s: TestServer,
  name: string,
  kind = "comune",
): Promise<OrganisationDoc> {
  const id = new ObjectId();
  const doc: OrganisationDoc = {
    _id: id,
    key: `tavoli:${id.toHexString()}`,
    name,
    kind,
    istatCode: null,
    ipaCode: null,
    region: null,
    province: null,
    provinceCode: null,
    plate: null,
    cadastralCode: null,
    population: null,
    website: null,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
  await s.c.organisations.insertOne(doc);
  return doc;
}

/** Creates a table through the API as an agreement admin. */
export async function makeTable(
  s: TestServer,
  token: string,
  agreementId: string,
  body: Record<string, unknown> = {},
) {
  counter += 1;
  const response = await s.api("POST", `/api/v1/agreements/${agreementId}/tables`, {
    token,
    body: { name: `Tavolo ${counter}`, kind: "tavolo_di_lavoro", ...body },
  });
  if (response.status !== 201) throw new Error(`table: ${JSON.stringify(response.body)}`);
  return response.body as { id: string };
}

/** Makes a person a referent of an organisation on a table from a day (direct insert: designations have their own tests). */
export async function makeReferent(
  s: TestServer,
  input: { agreementId: string; tableId: string; organisationId: ObjectId; personId: string; from: string },
) {
  await s.c.designations.insertOne({
    _id: new ObjectId(),
    agreementId: new ObjectId(input.agreementId),
    tableId: new ObjectId(input.tableId),
    organisationId: input.organisationId,
    personId: new ObjectId(input.personId),
    kind: "standing",
    meetingRef: null,
    from: input.from,
    to: null,
    substitutedById: null,
    substitutesId: null,
    createdAt: new Date(),
    createdBy: null,
  });
}
