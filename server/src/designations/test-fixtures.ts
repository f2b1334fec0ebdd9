import { ObjectId } from "mongodb";
import type { TestServer } from "../../../test/support/server.ts";

/** The fixed "today" of designation tests: 10 March 2026, mid-morning in Rome. */
export const TODAY = "2026-03-10";
export const TOMORROW = "2026-03-11";
export const YESTERDAY = "2026-03-09";

/**
 * An agreement with three member organisations (A founding, B and C not), an open table and a
 * founders-only table, an installation admin and an agreement admin; inserted directly, as the
 * agreement, membership and table features have their own tests.
 */
export async function designationWorld(s: TestServer) {
  s.clock.now = new Date(`${TODAY}T09:00:00Z`);
  const now = new Date();
  const agreementId = new ObjectId();
  await s.c.agreements.insertOne({
    _id: agreementId,
    slug: `acc-${agreementId.toHexString()}`,
    title: "Accordo di prova",
    shortName: "Prova",
    kind: "accordo",
    description: "",
    signedOn: "2020-01-01",
    adhesionDelayDays: 0,
    withdrawalNotice: { amount: 30, unit: "days" },
    sourceRef: null,
    createdAt: now,
    updatedAt: now,
  });
  const org = async (name: string, founding: boolean) => {
    const _id = new ObjectId();
    await s.c.organisations.insertOne({
      ...{ _id, key: `tavoli:${_id.toHexString()}`, name, kind: "comune", istatCode: null, ipaCode: null },
      ...{
        region: null,
        province: null,
        provinceCode: null,
        plate: null,
        cadastralCode: null,
        population: null,
      },
      ...{ website: null, createdAt: now, updatedAt: now },
    });
    await s.c.memberships.insertOne({
      ...{ _id: new ObjectId(), agreementId, organisationId: _id, seq: 0, founding },
      ...{ receivedOn: "2020-01-01", operativeFrom: "2020-01-01", withdrawal: null, createdAt: now },
    });
    return _id.toHexString();
  };
  const table = async (name: string, access: "open" | "founders") => {
    const _id = new ObjectId();
    await s.c.tables.insertOne({
      ...{ _id, agreementId, name, kind: "tavolo di lavoro", theme: null, access, description: "" },
      ...{ coordinatorIds: [], materials: [], createdAt: now, updatedAt: now },
    });
    return _id.toHexString();
  };
  const admin = await s.createPerson({ admin: true, name: "Amministratrice" });
  const agreementAdmin = await s.createPerson({ name: "Gestore accordo" });
  await s.c.agreementAdmins.insertOne({
    _id: new ObjectId(),
    agreementId,
    personId: new ObjectId(agreementAdmin.id),
    createdAt: now,
  });
  return {
    agreementId: agreementId.toHexString(),
    orgA: await org("Comune di Caltagirone", true),
    orgB: await org("Comune di Mineo", false),
    openTable: await table("WP1 Servizi digitali", "open"),
    foundersTable: await table("Cabina di regia", "founders"),
    admin,
    agreementAdmin,
  };
}

/** Designates through the API as `token` and returns the response. */
export function designate(
  s: TestServer,
  token: string,
  tableId: string,
  body: { organisationId: string; personId: string; from: string; kind?: string; meetingRef?: string },
) {
  return s.api("POST", `/api/v1/tables/${tableId}/designations`, { token, body });
}
