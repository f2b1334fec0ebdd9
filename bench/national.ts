// National-scale data for `npm run bench -- scale`: the 7,904 comuni through the real importer, then bulk
// inserts (insertMany in batches) of documents shaped as the use cases write them: 100 agreements of about
// 79 comuni each, 20 tables per agreement (2,000), 5 referents per comune (40,000 people, 80,000 standing
// designations), and 50 sittings per table (100,000) from a year ago to a year ahead.
import { type Collection, type Document, ObjectId, type OptionalUnlessRequiredId } from "mongodb";
import type { DesignationDoc } from "../server/src/designations/documents.ts";
import type { MeetingDoc } from "../server/src/meetings/documents.ts";
import type { MembershipDoc } from "../server/src/memberships/documents.ts";
import { importIstatComuni, loadComuni } from "../server/src/organisations/import-istat.ts";
import type { TableDoc } from "../server/src/tables/documents.ts";
import type { BenchApp } from "./harness.ts";
import { standingDesignation } from "./meetings-setup.ts";

const AGREEMENTS = 100;
const TABLES_PER_AGREEMENT = 20;
const PEOPLE_PER_COMUNE = 5;
/** Each referent sits on two tables of their comune's agreement. */
const SEATS_PER_PERSON = 2;
const SITTINGS_PER_TABLE = 50;
// Large batches: every command commits the H2 store, and each commit rewrites the touched pages.
const BATCH = 10_000;
const DAY_MS = 86_400_000;
const SINCE = "2024-01-01";

/** Inserts `docs` in batches of BATCH (one insertMany each). */
async function insertInBatches<T extends Document>(
  collection: Collection<T>,
  docs: OptionalUnlessRequiredId<T>[],
) {
  for (let i = 0; i < docs.length; i += BATCH) await collection.insertMany(docs.slice(i, i + BATCH));
}

function meetingDoc(table: TableDoc, n: number, createdBy: ObjectId): MeetingDoc {
  const now = Date.now();
  // Spread evenly from a year ago to a year ahead, every table at its own hour so sittings interleave.
  const startsAt = new Date(
    now +
      ((n - SITTINGS_PER_TABLE / 2) * 365 * 2 * DAY_MS) / SITTINGS_PER_TABLE +
      (table._id.getTimestamp().getTime() % 86) * 600_000,
  );
  return {
    _id: new ObjectId(),
    agreementId: table.agreementId,
    tableId: table._id,
    seriesId: null,
    title: `Seduta ${n + 1} – ${table.name}`,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
    mode: "online",
    place: null,
    videoLink: { url: `https://meet.jit.si/Tavoli-${table._id}-${n}`, provider: "jitsi", generated: true },
    agenda: ["Approvazione del verbale", "Stato dei lavori", "Varie"].map((title) => ({
      _id: new ObjectId(),
      title,
      presenter: null,
      attachments: [],
      confidential: false,
    })),
    rsvpDeadline: null,
    quorum: { kind: "majority" },
    status: "convened",
    sequence: 0,
    checkInCode: "123456",
    cancellation: null,
    register: null,
    createdBy,
    createdAt: new Date(now),
    updatedAt: new Date(now),
  };
}

/** Loads the national data set; returns the counts and how long it took. */
export async function loadNational(app: BenchApp) {
  const started = performance.now();
  await importIstatComuni({ ctx: app.adminCtx, input: { comuni: await loadComuni() } });
  const comuni = await app.c.organisations.find({}, { projection: { _id: 1, name: 1 } }).toArray();
  const now = new Date();
  const agreements = Array.from({ length: AGREEMENTS }, (_, i) => ({
    _id: new ObjectId(),
    slug: `nazionale-${i + 1}`,
    title: `Accordo territoriale ${i + 1}`,
    shortName: `Accordo ${i + 1}`,
    kind: "accordo di collaborazione",
    description: "Dati generati per il benchmark su scala nazionale.",
    signedOn: SINCE,
    adhesionDelayDays: 15,
    withdrawalNotice: { amount: 3, unit: "months" as const },
    sourceRef: null,
    createdAt: now,
    updatedAt: now,
  }));
  await app.c.agreements.insertMany(agreements);
  const agreementOf = (i: number) => agreements[i % AGREEMENTS]?._id as ObjectId;
  const tables: TableDoc[] = agreements.flatMap((a, ai) =>
    Array.from({ length: TABLES_PER_AGREEMENT }, (_, t) => ({
      _id: new ObjectId(),
      agreementId: a._id,
      name: `Tavolo WP${t + 1}`,
      kind: "tavolo_di_lavoro",
      theme: { code: `WP${t + 1}`, title: `Area tematica ${t + 1} (${ai + 1})` },
      access: "open" as const,
      description: "Tavolo generato per il benchmark.",
      coordinatorIds: [],
      materials: [],
      createdAt: now,
      updatedAt: now,
    })),
  );
  const memberships: MembershipDoc[] = comuni.map((o, i) => ({
    _id: new ObjectId(),
    agreementId: agreementOf(i),
    organisationId: o._id,
    seq: 0,
    founding: i < AGREEMENTS * 10,
    receivedOn: SINCE,
    operativeFrom: SINCE,
    withdrawal: null,
    createdAt: now,
  }));
  const people = comuni.flatMap((o, i) =>
    Array.from({ length: PEOPLE_PER_COMUNE }, (_, p) => ({
      _id: new ObjectId(),
      name: `Referente ${p + 1} di ${o.name}`,
      email: `referente-${i}-${p}@comuni.bench.example.it`,
      locale: "it" as const,
      isInstallationAdmin: false,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const designations: DesignationDoc[] = people.flatMap((person, k) => {
    const i = Math.floor(k / PEOPLE_PER_COMUNE);
    const organisationId = comuni[i]?._id as ObjectId;
    const ai = i % AGREEMENTS;
    return Array.from({ length: SEATS_PER_PERSON }, (_, s) =>
      standingDesignation(
        {
          agreementId: agreementOf(i),
          tableId: tables[ai * TABLES_PER_AGREEMENT + ((k + s * 7) % TABLES_PER_AGREEMENT)]?._id as ObjectId,
          organisationId,
          personId: person._id,
        },
        now,
      ),
    );
  });
  const adminId = app.adminCtx.actor?.personId as ObjectId;
  const meetings = tables.flatMap((t) =>
    Array.from({ length: SITTINGS_PER_TABLE }, (_, n) => meetingDoc(t, n, adminId)),
  );
  await insertInBatches(app.c.tables, tables);
  await insertInBatches(app.c.memberships, memberships);
  await insertInBatches(app.c.people, people);
  await insertInBatches(app.c.designations, designations);
  await insertInBatches(app.c.meetings, meetings);
  return {
    counts: {
      comuni: comuni.length,
      people: people.length,
      tables: tables.length,
      designations: designations.length,
      sittings: meetings.length,
    },
    ms: performance.now() - started,
  };
}
