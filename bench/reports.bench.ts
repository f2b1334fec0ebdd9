// Reports: the half-yearly report of an agreement (`GET /agreements/{id}/report?preset=semestrale…`) in
// JSON and PDF, on a year of sittings: 20 organisations on an open table meeting every week (52 sittings,
// 26 in the half), a steering table meeting monthly, three in four referents present at each, and 240
// contributions. Data are inserted straight through the driver; the report goes through the API.
import { ObjectId } from "mongodb";
import type { AttendanceDoc } from "../server/src/attendance/documents.ts";
import type { ContributionDoc } from "../server/src/contributions/documents.ts";
import type { MeetingDoc } from "../server/src/meetings/documents.ts";
import { type BenchApp, type BenchEnv, type BenchRow, ms, timeCalls } from "./harness.ts";

const ORGANISATIONS = 20;
// Targets are this bench's own yardstick for a report asked for interactively, not a contract.
const JSON_TARGET_MS = 500;
const PDF_TARGET_MS = 1500;
const RUNS = 20;
const YEAR = new Date().getUTCFullYear() - 1;

async function seed(app: BenchApp) {
  const now = new Date();
  const agreementId = new ObjectId();
  await app.c.agreements.insertOne({
    _id: agreementId,
    slug: `bench-${agreementId.toHexString()}`,
    title: "Accordo per la transizione digitale del territorio",
    shortName: "Bench",
    kind: "accordo",
    description: "",
    signedOn: `${YEAR - 1}-01-01`,
    adhesionDelayDays: 0,
    withdrawalNotice: { amount: 30, unit: "days" },
    sourceRef: null,
    createdAt: now,
    updatedAt: now,
  });
  const orgIds = Array.from({ length: ORGANISATIONS }, () => new ObjectId());
  await app.c.organisations.insertMany(
    orgIds.map((_id, i) => ({
      ...{
        _id,
        key: `tavoli:${_id.toHexString()}`,
        name: `Comune di Prova ${String(i + 1).padStart(2, "0")}`,
      },
      ...{ kind: "comune", istatCode: null, ipaCode: null, region: null, province: null, provinceCode: null },
      ...{
        plate: null,
        cadastralCode: null,
        population: null,
        website: null,
        createdAt: now,
        updatedAt: now,
      },
    })),
  );
  await app.c.memberships.insertMany(
    orgIds.map((organisationId, i) => ({
      ...{ _id: new ObjectId(), agreementId, organisationId, seq: 0, founding: i < 5 },
      ...{
        receivedOn: `${YEAR - 1}-01-01`,
        operativeFrom: `${YEAR - 1}-01-01`,
        withdrawal: null,
        createdAt: now,
      },
    })),
  );
  const table = (name: string, kind: string, access: "open" | "founders") => ({
    ...{ _id: new ObjectId(), agreementId, name, kind, theme: null, access, description: "" },
    ...{ coordinatorIds: [], materials: [], createdAt: now, updatedAt: now },
  });
  const tables = [
    table("WP1 Servizi digitali", "tavolo di lavoro", "open"),
    table("Cabina di regia", "cabina_di_regia", "founders"),
  ];
  await app.c.tables.insertMany(tables);
  const meetings: MeetingDoc[] = [];
  const attendance: AttendanceDoc[] = [];
  const person = new ObjectId();
  const sitting = (t: (typeof tables)[number], startsAt: Date, n: number) => {
    const meeting: MeetingDoc = {
      ...{ _id: new ObjectId(), agreementId, tableId: t._id, seriesId: null, title: `Seduta ${n + 1}` },
      ...{ startsAt, endsAt: new Date(startsAt.getTime() + 7200_000), mode: n % 3 ? "online" : "ibrida" },
      ...{ place: null, videoLink: null, agenda: [], rsvpDeadline: null, quorum: { kind: "majority" } },
      ...{ status: n % 13 === 12 ? "cancelled" : "convened", sequence: 0, checkInCode: "123456" },
      ...{ cancellation: null, register: null, createdBy: person, createdAt: now, updatedAt: now },
    } as MeetingDoc;
    meetings.push(meeting);
    const members = t.access === "open" ? orgIds : orgIds.slice(0, 5);
    members.forEach((organisationId, k) => {
      if ((k + n) % 4 === 3) return;
      attendance.push({
        ...{ _id: new ObjectId(), meetingId: meeting._id, personId: new ObjectId(), organisationId },
        ...{ mode: k % 2 ? "remoto" : "presenza", arrivedLate: false, leftEarly: false },
        ...{ source: "coordinator", recordedBy: person, recordedAt: meeting.endsAt },
      });
    });
  };
  const first = new Date(Date.UTC(YEAR, 0, 6, 9));
  for (let week = 0; week < 52; week += 1)
    sitting(tables[0] as (typeof tables)[number], new Date(first.getTime() + week * 7 * 86400_000), week);
  for (let month = 0; month < 12; month += 1)
    sitting(tables[1] as (typeof tables)[number], new Date(Date.UTC(YEAR, month, 15, 9)), month);
  await app.c.meetings.insertMany(meetings);
  await app.c.attendance.insertMany(attendance);
  const kinds = ["documento", "buona_pratica", "dataset", "soluzione", "commento"] as const;
  const contributions: ContributionDoc[] = Array.from({ length: 240 }, (_, i) => {
    const at = new Date(Date.UTC(YEAR, i % 12, 1 + (i % 27), 10));
    return {
      ...{
        _id: new ObjectId(),
        tableId: (tables[i % 7 === 0 ? 1 : 0] as (typeof tables)[number])._id,
        agreementId,
      },
      ...{
        organisationId: orgIds[i % ORGANISATIONS] as ObjectId,
        meetingId: null,
        kind: kinds[i % 5] as (typeof kinds)[number],
      },
      ...{
        title: `Contributo ${i + 1} sulla migrazione dei servizi`,
        description: "",
        url: null,
        confidential: i % 9 === 0,
      },
      ...{
        source: "api",
        authorId: person,
        authorName: "Bench",
        createdAt: at,
        updatedAt: at,
        withdrawnAt: null,
      },
    } as ContributionDoc;
  });
  await app.c.contributions.insertMany(contributions);
  return { agreementId: agreementId.toHexString(), meetings: meetings.length, attendance: attendance.length };
}

export async function run(env: BenchEnv): Promise<BenchRow[]> {
  const app = await env.startApp();
  try {
    const data = await seed(app);
    const base = `${app.url}/api/v1/agreements/${data.agreementId}/report?preset=semestrale&year=${YEAR}&half=1`;
    let bytes = 0;
    const call = (format: string) => async () => {
      const response = await fetch(`${base}&format=${format}`, {
        headers: { authorization: `Bearer ${app.adminToken}` },
      });
      if (response.status !== 200) throw new Error(`${format}: ${response.status} ${await response.text()}`);
      bytes = (await response.arrayBuffer()).byteLength;
    };
    const json = await timeCalls(call("json"), RUNS, 3);
    const jsonBytes = bytes;
    const pdf = await timeCalls(call("pdf"), RUNS, 3);
    const scale = `${data.meetings} sittings, ${data.attendance} attendance rows, ${ORGANISATIONS} orgs`;
    return [
      {
        bench: "reports",
        measure: `half-yearly agreement report JSON p50 (${scale})`,
        value: `${ms(json.p50)} (${jsonBytes} bytes)`,
        target: `≤ ${JSON_TARGET_MS} ms`,
        ok: json.p50 <= JSON_TARGET_MS,
      },
      { bench: "reports", measure: "half-yearly agreement report JSON p99", value: ms(json.p99) },
      {
        bench: "reports",
        measure: "half-yearly agreement report PDF p50",
        value: `${ms(pdf.p50)} (${bytes} bytes)`,
        target: `≤ ${PDF_TARGET_MS} ms`,
        ok: pdf.p50 <= PDF_TARGET_MS,
      },
      { bench: "reports", measure: "half-yearly agreement report PDF p99", value: ms(pdf.p99) },
    ];
  } finally {
    await app.close();
  }
}
