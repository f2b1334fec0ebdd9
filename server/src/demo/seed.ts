import { type Db, ObjectId } from "mongodb";
import type { Config } from "../config.ts";
import type { OrganisationDoc } from "../organisations/documents.ts";
import { collections } from "../shared/collections.ts";
import { createCtx } from "../shared/context.ts";
import { addDays } from "../shared/dates.ts";
import { isDuplicateKey } from "../shared/errors.ts";
import type { EventBus } from "../shared/events.ts";
import { recordChange } from "../shared/record.ts";
import { demoAgreements, demoDesignations, demoOrganisations, demoPeople } from "./demo-data.ts";
import { seedDemoActionItems } from "./seed-action-items.ts";
import { seedDemoMeetings } from "./seed-meetings.ts";
import { seedDemoProposals } from "./seed-proposals.ts";
import { seedDemoReports } from "./seed-reports.ts";
import { seedDemoServices } from "./seed-services.ts";
import { seedDemoWorkPlans } from "./seed-work-plans.ts";

/** Email of the demo installation administrator (the start-up prints a login link for them). */
export const DEMO_ADMIN_EMAIL = "admin@tavoli.example.it";
/** A referent of the demo data (Comune di Caltagirone, Calatino), for trying the app's referent side. */
export const DEMO_REFERENT_EMAIL = "giulia.ferrara@comune-caltagirone.example.it";

function need<T>(map: Map<string, T>, ref: string): T {
  const value = map.get(ref);
  if (value === undefined) throw new Error(`demo data: unknown ref ${ref}`);
  return value;
}

function organisationDoc(o: (typeof demoOrganisations)[number], now: Date): OrganisationDoc {
  const _id = new ObjectId();
  const key = o.istatCode
    ? `istat:${o.istatCode}`
    : o.ipaCode
      ? `ipa:${o.ipaCode}`
      : `tavoli:${_id.toHexString()}`;
  return {
    _id,
    key,
    name: o.name,
    kind: o.kind,
    istatCode: o.istatCode ?? null,
    ipaCode: o.ipaCode ?? null,
    region: o.region ?? null,
    province: o.province ?? null,
    provinceCode: null,
    plate: null,
    cadastralCode: null,
    population: null,
    website: o.website ?? null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Loads the five source agreements, their members, tables, demo people, designations and upcoming
 * sittings into an empty database. Runs once across instances: the `locks` document with a fixed _id lets only one win.
 */
export async function seedDemoIfEmpty(deps: {
  db: Db;
  bus: EventBus;
  config: Config;
}): Promise<{ seeded: boolean }> {
  const c = collections(deps.db);
  if ((await c.agreements.estimatedDocumentCount()) > 0) return { seeded: false };
  try {
    await c.locks.insertOne({ _id: "demo-seed", takenAt: new Date(), owner: `pid:${process.pid}` });
  } catch (error) {
    if (isDuplicateKey(error)) return { seeded: false };
    throw error;
  }
  const now = new Date();
  const orgs = demoOrganisations.map((o) => organisationDoc(o, now));
  // Comuni may already be there from an ISTAT import: keep those documents, add the rest.
  const existing = await c.organisations.find({ key: { $in: orgs.map((o) => o.key) } }).toArray();
  const byKey = new Map(existing.map((o) => [o.key, o._id]));
  const fresh = orgs.filter((o) => !byKey.has(o.key));
  if (fresh.length > 0) await c.organisations.insertMany(fresh);
  const orgId = new Map(
    demoOrganisations.map((o, i) => [o.ref, byKey.get(orgs[i]?.key ?? "") ?? orgs[i]?._id]),
  );

  const people = demoPeople.map((p) => ({
    _id: new ObjectId(),
    name: p.name,
    email: p.email.toLowerCase(),
    locale: p.locale,
    isInstallationAdmin: p.isInstallationAdmin ?? false,
    createdAt: now,
    updatedAt: now,
  }));
  await c.people.insertMany(people);
  const personId = new Map(demoPeople.map((p, i) => [p.ref, people[i]?._id as ObjectId]));

  const tableId = new Map<string, ObjectId>();
  for (const a of demoAgreements) {
    const agreementId = new ObjectId();
    const { members, tables, admins, ...terms } = a;
    await c.agreements.insertOne({ _id: agreementId, ...terms, createdAt: now, updatedAt: now });
    await c.memberships.insertMany(
      members.map((m) => ({
        _id: new ObjectId(),
        agreementId,
        organisationId: need(orgId, m.orgRef) as ObjectId,
        seq: 0,
        founding: m.founding,
        receivedOn: m.receivedOn,
        operativeFrom: addDays(m.receivedOn, a.adhesionDelayDays),
        withdrawal: null,
        createdAt: now,
      })),
    );
    for (const t of tables) {
      const _id = new ObjectId();
      tableId.set(`${a.slug}/${t.ref}`, _id);
      await c.tables.insertOne({
        _id,
        agreementId,
        name: t.name,
        kind: t.kind,
        theme: t.theme ?? null,
        access: t.access,
        description: t.description,
        coordinatorIds: t.coordinatorRefs.map((ref) => need(personId, ref)),
        materials: (t.materials ?? []).map((m) => ({ _id: new ObjectId(), ...m, addedAt: now })),
        createdAt: now,
        updatedAt: now,
      });
    }
    if (admins.length > 0) {
      await c.agreementAdmins.insertMany(
        admins.map((ref) => ({
          _id: new ObjectId(),
          agreementId,
          personId: need(personId, ref),
          createdAt: now,
        })),
      );
    }
  }
  const agreementIds = new Map(
    (await c.agreements.find({}, { projection: { slug: 1 } }).toArray()).map((a) => [a.slug, a._id]),
  );
  await c.designations.insertMany(
    demoDesignations.map((d) => ({
      _id: new ObjectId(),
      agreementId: need(agreementIds, d.agreementSlug),
      tableId: need(tableId, `${d.agreementSlug}/${d.tableRef}`),
      organisationId: need(orgId, d.orgRef) as ObjectId,
      personId: need(personId, d.personRef),
      kind: "standing" as const,
      meetingRef: null,
      from: d.from,
      to: null,
      substitutedById: null,
      substitutesId: null,
      createdAt: now,
      createdBy: null,
    })),
  );
  // Upcoming sittings and a few answers go through the use cases, so they carry real audit entries and events.
  const { meetings, rsvps } = await seedDemoMeetings({
    db: deps.db,
    bus: deps.bus,
    now,
    jitsiBaseUrl: deps.config.jitsiBaseUrl,
    tableIds: tableId,
    personIds: personId,
  });
  await seedDemoProposals({
    db: deps.db,
    bus: deps.bus,
    now,
    tableIds: tableId,
    personIds: personId,
    organisationIds: orgId,
  });
  await recordChange(createCtx({ db: deps.db, bus: deps.bus, now: () => now }), {
    systemActorName: "sistema (dati dimostrativi)",
    action: "demo.seeded",
    entity: "installation",
    entityId: new ObjectId(),
    agreementId: null,
    before: null,
    after: {
      agreements: demoAgreements.length,
      organisations: orgs.length,
      people: people.length,
      meetings,
      rsvps,
    },
  });
  // The Lombardia tavolo tecnico's work plan, presented, approved by the cabina di regia and monitored.
  await seedDemoWorkPlans({
    db: deps.db,
    bus: deps.bus,
    now,
    tableIds: tableId,
    personIds: personId,
    organisationIds: orgId,
  });
  // The Rete CST Piemonte's shared services, and issue reports escalated to its steering body.
  await seedDemoServices({
    db: deps.db,
    bus: deps.bus,
    now,
    tableIds: tableId,
    personIds: personId,
    orgIds: orgId,
  });
  // Held sitting, approved minutes, action items (one done, one overdue): issue 15's action items.
  await seedDemoActionItems({
    db: deps.db,
    bus: deps.bus,
    now,
    jitsiBaseUrl: deps.config.jitsiBaseUrl,
    tableIds: tableId,
    personIds: personId,
  });
  // Last: a ready half-yearly report of the Calatino agreement, issued from the data seeded above.
  await seedDemoReports({ db: deps.db, bus: deps.bus, now });
  return { seeded: true };
}
