// Data for the meetings benchmarks, written straight to the database (fast); only the sitting the RSVP
// bench answers to is convened through the real use case, so it has exactly the shape the API creates.
import { ObjectId } from "mongodb";
import { hashToken, newToken } from "../server/src/auth/secrets.ts";
import type { DesignationDoc } from "../server/src/designations/documents.ts";
import { meetingInput } from "../server/src/meetings/contracts.ts";
import { conveneMeeting } from "../server/src/meetings/convene.ts";
import type { MeetingDoc } from "../server/src/meetings/documents.ts";
import type { TableDoc } from "../server/src/tables/documents.ts";
import type { BenchApp } from "./harness.ts";

const DAY_MS = 86_400_000;
const SINCE = "2024-01-01";

/** A referent of the bench: their id and a personal API token. */
export type BenchPerson = { id: ObjectId; token: string };

/** A standing designation since the bench's start date, shaped as `designate` writes one. */
export function standingDesignation(
  seat: Pick<DesignationDoc, "agreementId" | "tableId" | "organisationId" | "personId">,
  now: Date,
): DesignationDoc {
  return {
    _id: new ObjectId(),
    ...seat,
    kind: "standing",
    meetingRef: null,
    from: SINCE,
    to: null,
    substitutedById: null,
    substitutesId: null,
    createdAt: now,
    createdBy: null,
  };
}

/** An agreement of the bench, signed on its start date. */
export async function agreement(app: Pick<BenchApp, "c">): Promise<ObjectId> {
  const _id = new ObjectId();
  const now = new Date();
  await app.c.agreements.insertOne({
    _id,
    slug: `bench-${_id.toHexString()}`,
    title: "Accordo di collaborazione (benchmark)",
    shortName: "Benchmark",
    kind: "accordo di collaborazione",
    description: "Dati generati per i benchmark.",
    signedOn: SINCE,
    adhesionDelayDays: 0,
    withdrawalNotice: { amount: 30, unit: "days" },
    sourceRef: null,
    createdAt: now,
    updatedAt: now,
  });
  return _id;
}

/** An open table of that agreement, shaped as the use case writes one. */
export function tableDoc(agreementId: ObjectId, n: number): TableDoc {
  const now = new Date();
  return {
    _id: new ObjectId(),
    agreementId,
    name: `Tavolo di lavoro ${n}`,
    kind: "tavolo_di_lavoro",
    theme: { code: `WP${n}`, title: `Area tematica ${n}` },
    access: "open",
    description: "Tavolo generato per i benchmark.",
    coordinatorIds: [],
    materials: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** `count` member organisations, each with one referent (with an API token) designated on every table. */
export async function referents(
  app: Pick<BenchApp, "c">,
  agreementId: ObjectId,
  tables: TableDoc[],
  count: number,
): Promise<BenchPerson[]> {
  const now = new Date();
  const rows = Array.from({ length: count }, (_, i) => ({
    n: i + 1,
    organisationId: new ObjectId(),
    personId: new ObjectId(),
    token: newToken("tvl_"),
  }));
  await app.c.organisations.insertMany(
    rows.map(({ n, organisationId }) => ({
      _id: organisationId,
      key: `tavoli:${organisationId.toHexString()}`,
      name: `Ente ${n}`,
      kind: "comune",
      ...{ istatCode: null, ipaCode: null, region: null, province: null, provinceCode: null },
      ...{ plate: null, cadastralCode: null, population: null, website: null },
      createdAt: now,
      updatedAt: now,
    })),
  );
  await app.c.memberships.insertMany(
    rows.map(({ organisationId }) => ({
      _id: new ObjectId(),
      agreementId,
      organisationId,
      seq: 0,
      founding: true,
      receivedOn: SINCE,
      operativeFrom: SINCE,
      withdrawal: null,
      createdAt: now,
    })),
  );
  await app.c.people.insertMany(
    rows.map(({ n, personId }) => ({
      _id: personId,
      name: `Referente ${n}`,
      email: `referente-${personId.toHexString()}@bench.example.it`,
      locale: "it" as const,
      isInstallationAdmin: false,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await app.c.apiTokens.insertMany(
    rows.map(({ personId, token }) => ({
      _id: new ObjectId(),
      tokenHash: hashToken(token),
      personId,
      name: "bench",
      createdAt: now,
      lastUsedAt: null,
      revokedAt: null,
    })),
  );
  await app.c.designations.insertMany(
    rows.flatMap(({ organisationId, personId }) =>
      tables.map((t) => standingDesignation({ agreementId, tableId: t._id, organisationId, personId }, now)),
    ),
  );
  return rows.map(({ personId, token }) => ({ id: personId, token }));
}

/** One open table with `count` referents from `count` organisations, all convened to one sitting in two weeks. */
export async function rsvpWorld(app: BenchApp, count: number, jitsiBaseUrl: string) {
  const agreementId = await agreement(app);
  const table = tableDoc(agreementId, 1);
  await app.c.tables.insertOne(table);
  const people = await referents(app, agreementId, [table], count);
  const startsAt = new Date(Date.now() + 14 * DAY_MS);
  const meeting = meetingInput.parse({
    title: "Seduta plenaria",
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    mode: "online",
    videoLink: { generate: true },
    agenda: [{ title: "Piano di lavoro" }, { title: "Varie ed eventuali" }],
  });
  const doc = await conveneMeeting({
    ctx: app.adminCtx,
    input: { tableId: table._id, meeting, jitsiBaseUrl },
  });
  return { meetingId: doc._id, people };
}

/**
 * One referent on `tableCount` open tables with `meetingCount` sittings spread over them, one every 17
 * hours from about five weeks ago: a tenth are over, the rest run about ten months ahead.
 */
export async function calendarWorld(app: BenchApp, tableCount: number, meetingCount: number) {
  const agreementId = await agreement(app);
  const tables = Array.from({ length: tableCount }, (_, i) => tableDoc(agreementId, i + 1));
  await app.c.tables.insertMany(tables);
  const [person] = await referents(app, agreementId, tables, 1);
  if (!person) throw new Error("no referent");
  const now = Date.now();
  const past = Math.floor(meetingCount / 10);
  const meetings: MeetingDoc[] = Array.from({ length: meetingCount }, (_, i) => {
    const table = tables[i % tableCount] as TableDoc;
    const startsAt = new Date(now + (i - past) * 17 * 3600_000 + 3600_000);
    return {
      _id: new ObjectId(),
      agreementId,
      tableId: table._id,
      seriesId: null,
      title: `Seduta ${i + 1} – ${table.name}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
      mode: "online",
      place: null,
      videoLink: { url: `https://meet.jit.si/Tavoli-bench-${i}`, provider: "jitsi", generated: true },
      agenda: ["Approvazione del verbale", "Piano di lavoro", "Punto riservato"].map((title, n) => ({
        _id: new ObjectId(),
        title,
        presenter: null,
        attachments: [],
        confidential: n === 2,
      })),
      rsvpDeadline: null,
      quorum: { kind: "majority" },
      status: "convened",
      sequence: 0,
      checkInCode: "123456",
      cancellation: null,
      register: null,
      createdBy: app.adminCtx.actor?.personId ?? new ObjectId(),
      createdAt: new Date(now),
      updatedAt: new Date(now),
    };
  });
  await app.c.meetings.insertMany(meetings);
  return { person, upcoming: meetingCount - past };
}
