import { makeOrganisation, makeTable } from "../../../test/support/factories.ts";
import { countStoredEvents } from "../../../test/support/records.ts";
import type { TestServer } from "../../../test/support/server.ts";

/** The day the Lombardia-like protocol of these tests is signed. */
export const SIGNED_ON = "2026-02-02";

/**
 * An agreement shaped like the Lombardia protocol (seed 002): three founding parties, signed on SIGNED_ON,
 * a cabina di regia (founders only, coordinated by `steeringCoord`) and a tavolo tecnico (coordinated by
 * `coord`) on which `refA` represents Regione. Built through the API on the day of signing.
 */
export async function lombardiaWorld(s: TestServer) {
  s.clock.now = new Date(`${SIGNED_ON}T09:00:00+01:00`);
  const api = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await s.api(method, `/api/v1${path}`, { token, body });
    if (response.status >= 300)
      throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const root = await s.createPerson({ name: "Irene Installazione", admin: true });
  const admin = await s.createPerson({ name: "Andrea Brambilla" });
  const steeringCoord = await s.createPerson({ name: "Paola Regia" });
  const coord = await s.createPerson({ name: "Valentina Sala" });
  const refA = await s.createPerson({ name: "Marco Referente Regione" });
  const refB = await s.createPerson({ name: "Laura Referente ANCI" });
  const outsider = await s.createPerson({ name: "Olga Esterna" });
  const agreement = (
    await api("POST", "/agreements", root.token, {
      slug: `lombardia-${Date.now()}-${Math.random().toString(16).slice(2, 6)}`,
      title: "Protocollo d'intesa per la digitalizzazione dei Comuni lombardi",
      shortName: "Comuni lombardi",
      signedOn: SIGNED_ON,
      adhesionDelayDays: 0,
      withdrawalNotice: { amount: 30, unit: "days" },
    })
  ).id as string;
  await api("POST", `/agreements/${agreement}/admins`, root.token, { personId: admin.id });
  const orgs = [];
  for (const name of ["Regione Lombardia", "ANCI", "ANCI Lombardia"]) {
    const org = (await makeOrganisation(s, name, "regione"))._id.toHexString();
    await api("POST", `/agreements/${agreement}/adhesions`, admin.token, {
      organisationId: org,
      founding: true,
    });
    orgs.push(org);
  }
  const [orgA, orgB, orgC] = orgs as [string, string, string];
  const steering = (
    await makeTable(s, admin.token, agreement, {
      name: "Cabina di regia",
      kind: "cabina_di_regia",
      access: "founders",
      coordinatorIds: [steeringCoord.id],
    })
  ).id;
  const tavolo = (
    await makeTable(s, admin.token, agreement, {
      name: "Tavolo tecnico operativo",
      kind: "tavolo_tecnico",
      theme: { code: "AC1", title: "Razionalizzazione data center" },
      coordinatorIds: [coord.id],
    })
  ).id;
  await api("POST", `/tables/${tavolo}/designations`, admin.token, {
    organisationId: orgA,
    personId: refA.id,
    from: SIGNED_ON,
  });
  await api("POST", `/tables/${tavolo}/designations`, admin.token, {
    organisationId: orgB,
    personId: refB.id,
    from: SIGNED_ON,
  });
  return {
    api,
    root,
    admin,
    steeringCoord,
    coord,
    refA,
    refB,
    outsider,
    agreement,
    orgA,
    orgB,
    orgC,
    steering,
    tavolo,
  };
}

/** Two activities of a plan, the second confidential, overridable. */
export function activities(ownerOrganisationId: string, overrides: Record<string, unknown>[] = []) {
  const base = [
    {
      title: "Censimento dei data center comunali",
      description: "Rilevazione di sale server e contratti nei Comuni pilota.",
      ownerOrganisationId,
      startOn: "2026-02-15",
      dueOn: "2026-04-30",
    },
    {
      title: "Valutazione delle offerte cloud qualificate",
      description: "Confronto riservato dei preventivi ricevuti.",
      ownerOrganisationId,
      startOn: "2026-03-01",
      dueOn: "2026-06-30",
      confidential: true,
    },
  ];
  return base.map((a, i) => ({ ...a, ...(overrides[i] ?? {}) }));
}

/** Everything a refused write must leave as it was. */
export async function snapshot(s: TestServer) {
  return {
    plans: await s.c.workPlans.find().sort({ _id: 1 }).toArray(),
    audit: await s.c.audit.countDocuments(),
    events: await countStoredEvents(s.c),
  };
}
