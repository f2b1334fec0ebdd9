// The realistic data set of the default bench: the 7,904 ISTAT comuni through the real importer, the five
// demo agreements through the real seed, their tables staffed as in a working year, and a past year of
// sittings on the demo tables. The demo seed designates 41 referents on its 29 tables, about 1.5 a
// sitting; in a working year every organisation sitting on a table sends a referent, so each one without
// a referent on a table gets one there (304 seats in all, 3 to 15 a table, about 10 a sitting): a new
// colleague for every four seats an organisation fills in an agreement, registered and designated
// through the real use cases (createPerson, designateReferent) by the agreement's admin, a month before
// the year's first convocation. One sitting per table is then held through the real use cases (convene,
// answer, attendance, register, minutes), each at a simulated instant so every rule holds as it would
// have; the rest of the year are copies of those documents moved in time (new ids, every date shifted),
// so every copy convenes and lists the same people as its model, and the audit log is topped up to a
// year's volume with copies of the RSVP entries. The copies keep the load under a minute on this engine
// (40-55 s on two busy shared cores, from about 20 s with the seed's referents alone), where each use
// case commits several writes; they are exactly the documents the use cases wrote.
import { type Db, ObjectId } from "mongodb";
import { closeRegister } from "../server/src/attendance/close-register.ts";
import { recordAttendance } from "../server/src/attendance/record.ts";
import type { Config } from "../server/src/config.ts";
import { seedDemoIfEmpty } from "../server/src/demo/seed.ts";
import { designationInput } from "../server/src/designations/contracts.ts";
import { designateReferent } from "../server/src/designations/designate.ts";
import { meetingInput } from "../server/src/meetings/contracts.ts";
import { conveneMeeting } from "../server/src/meetings/convene.ts";
import { convenedPeople } from "../server/src/meetings/convened.ts";
import { tableMemberIds } from "../server/src/memberships/queries.ts";
import { approveMinutes } from "../server/src/minutes/approve.ts";
import { minutesInput } from "../server/src/minutes/contracts.ts";
import { draftMinutes } from "../server/src/minutes/draft.ts";
import { submitMinutesForReview } from "../server/src/minutes/review.ts";
import { importIstatComuni, loadComuni } from "../server/src/organisations/import-istat.ts";
import { personInput } from "../server/src/people/contracts.ts";
import { createPerson } from "../server/src/people/create.ts";
import { loadActor } from "../server/src/people/load-actor.ts";
import { answerRsvp } from "../server/src/rsvps/answer.ts";
import type { RsvpAnswer } from "../server/src/rsvps/documents.ts";
import { collections } from "../server/src/shared/collections.ts";
import { type Ctx, createCtx } from "../server/src/shared/context.ts";
import { romeDate } from "../server/src/shared/dates.ts";
import { EventBus } from "../server/src/shared/events.ts";
import type { TableDoc } from "../server/src/tables/documents.ts";
import type { BenchApp } from "./harness.ts";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** The yardsticks for a year of the five demo agreements. */
export const YEAR = { sittings: 200, answers: 2000, auditEntries: 20_000 };
const ANSWERS: RsvpAnswer[] = ["presenza", "remoto", "remoto", "presenza", "assente"];

/** How many tables of one agreement a new referent sits on before the organisation names another colleague. */
const TABLES_PER_REFERENT = 4;
const FIRST_NAMES = "Anna Marco Giovanna Luigi Sara Davide Marta Stefano Ilaria Fabio Silvia Nicola";
const LAST_NAMES = "Moretti Colombo Ricci Barbieri Fontana Santoro Mariani Rinaldi Caruso Gatti Testa Monti";

/** The i-th new colleague's name: distinct for the first 144 (each first name meets every surname once). */
function colleagueName(i: number): [first: string, last: string] {
  const first = FIRST_NAMES.split(" ");
  const last = LAST_NAMES.split(" ");
  const n = first.length;
  return [first[i % n] as string, last[(i + Math.floor(i / n)) % n] as string];
}

/** "Comune di Sant'Anna d'Alfaedo" → "comune-di-sant-anna-d-alfaedo", for a fictional mail domain. */
const slug = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * Every organisation sitting on a table on the day of `at` that has no referent there yet designates one,
 * as its agreement's admin records the acts: a new colleague, registered through createPerson, for each
 * TABLES_PER_REFERENT seats of the organisation in the agreement, designated through designateReferent
 * from that day (no backdating: the act is entered on the day it takes effect).
 */
async function staffTables(db: Db, bus: EventBus, tables: TableDoc[], fallbackAdmin: ObjectId, at: Date) {
  const c = collections(db);
  const day = romeDate(at);
  const clock = { at };
  const admins = new Map<string, Ctx>();
  const adminOf = async (agreementId: ObjectId) => {
    const key = agreementId.toHexString();
    const found = admins.get(key);
    if (found) return found;
    const admin = await c.agreementAdmins.findOne({ agreementId }, { sort: { _id: 1 } });
    const ctx = await actingOn(db, bus, admin?.personId ?? fallbackAdmin, clock);
    admins.set(key, ctx);
    return ctx;
  };
  const members = { _id: { $in: await c.memberships.distinct("organisationId") } };
  const organisations = await c.organisations.find(members, { projection: { name: 1 } }).toArray();
  const names = new Map(organisations.map((o) => [o._id.toHexString(), o.name]));
  // Per agreement and organisation: the colleague named last and how many seats the organisation filled.
  const staff = new Map<string, { personId: ObjectId; seats: number }>();
  let registered = 0;
  for (const table of tables) {
    const ctx = await adminOf(table.agreementId);
    const seated = await c.designations.distinct("organisationId", { tableId: table._id, kind: "standing" });
    const taken = new Set(seated.map((id) => id.toHexString()));
    for (const organisationId of await tableMemberIds(ctx, table, day)) {
      if (taken.has(organisationId.toHexString())) continue;
      const key = `${table.agreementId.toHexString()}:${organisationId.toHexString()}`;
      let own = staff.get(key);
      if (!own || own.seats % TABLES_PER_REFERENT === 0) {
        const [first, last] = colleagueName(registered++);
        const domain = slug(names.get(organisationId.toHexString()) ?? organisationId.toHexString());
        const input = personInput.parse({
          name: `${first} ${last}`,
          email: `${first}.${last}@${domain}.example.it`,
        });
        own = { personId: (await createPerson({ ctx, input }))._id, seats: own?.seats ?? 0 };
        staff.set(key, own);
      }
      own.seats += 1;
      const designation = designationInput.parse({
        organisationId: organisationId.toHexString(),
        personId: own.personId.toHexString(),
        from: day,
      });
      await designateReferent({ ctx, input: { tableId: table._id, designation } });
    }
  }
}

/** What was loaded, counted from the database afterwards. */
export type DemoYear = {
  comuni: number;
  /** Standing designations (a referent's seat on a table) and the distinct people holding them. */
  seats: number;
  referents: number;
  sittings: number;
  answers: number;
  auditEntries: number;
  ms: number;
};

/** A person's roles loaded once (they do not change within one sitting's fortnight) on a clock the caller moves. */
async function actingOn(db: Db, bus: EventBus, personId: ObjectId, clock: { at: Date }): Promise<Ctx> {
  const actor = await loadActor(collections(db), personId, clock.at);
  return createCtx({ db, bus, actor, now: () => clock.at });
}

/** One past sitting, as the organiser and the convened would have made it, from convocation to approved minutes. */
export async function pastSitting(
  db: Db,
  bus: EventBus,
  table: TableDoc,
  organiserId: ObjectId,
  startsAt: Date,
  n: number,
) {
  const endsAt = new Date(startsAt.getTime() + 2 * HOUR_MS);
  const clock = { at: startsAt };
  const set = (offsetMs: number) => {
    clock.at = new Date(startsAt.getTime() + offsetMs);
  };
  set(-21 * DAY_MS);
  const organiser = await actingOn(db, bus, organiserId, clock);
  const meeting = await conveneMeeting({
    ctx: organiser,
    input: {
      tableId: table._id,
      jitsiBaseUrl: "https://meet.jit.si",
      meeting: meetingInput.parse({
        title: `Seduta ${n} – ${table.name}`,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        mode: "online",
        videoLink: { generate: true },
        agenda: [{ title: "Approvazione del verbale" }, { title: "Stato dei lavori" }, { title: "Varie" }],
      }),
    },
  });
  set(-2 * DAY_MS);
  const convened = await convenedPeople(organiser, meeting, table, []);
  const present: ObjectId[] = [];
  for (const [i, person] of convened.entries()) {
    const answer = ANSWERS[(n + i) % ANSWERS.length] as RsvpAnswer;
    const ctx = await actingOn(db, bus, person.personId, clock);
    await answerRsvp({ ctx, input: { meetingId: meeting._id, personId: "me", answer, delegateId: null } });
    if (answer !== "assente") present.push(person.personId);
  }
  set(HOUR_MS);
  for (const personId of present) {
    const entry = { mode: "remoto" as const, arrivedLate: false, leftEarly: false };
    await recordAttendance({ ctx: organiser, input: { meetingId: meeting._id, personId, entry } });
  }
  set(2 * HOUR_MS);
  await closeRegister({ ctx: organiser, input: { meetingId: meeting._id } });
  set(DAY_MS);
  const items = meeting.agenda.map((item) => ({
    agendaItemId: item._id.toHexString(),
    summary: `Discusso: ${item.title}.`,
  }));
  const content = minutesInput.parse({ items, decisions: [{ text: "Approvato il piano." }] });
  const meetingId = meeting._id;
  const { minutes } = await draftMinutes({ ctx: organiser, input: { meetingId, content } });
  const review = await submitMinutesForReview({
    ctx: organiser,
    input: { meetingId, version: minutes.version },
  });
  set(7 * DAY_MS);
  await approveMinutes({ ctx: organiser, input: { meetingId, version: review.version } });
  return meetingId;
}

/** A copy of a value with every Date moved by `deltaMs` (the copies of a held sitting keep its timeline). */
function shifted<T>(value: T, deltaMs: number): T {
  if (value instanceof Date) return new Date(value.getTime() + deltaMs) as T;
  if (value instanceof ObjectId || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => shifted(v, deltaMs)) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shifted(v, deltaMs)])) as T;
}

/** The held sitting's meeting, answers, attendance rows and minutes again, starting at `startsAt`. */
async function copySitting(db: Db, heldId: ObjectId, startsAt: Date): Promise<void> {
  const c = collections(db);
  const held = await c.meetings.findOne({ _id: heldId });
  if (!held) throw new Error("held sitting vanished");
  const delta = startsAt.getTime() - held.startsAt.getTime();
  const meetingId = new ObjectId();
  const copy = <T extends { _id: ObjectId }>(doc: T) => ({
    ...shifted(doc, delta),
    _id: new ObjectId(),
    meetingId,
  });
  const [rsvps, rows, minutes] = await Promise.all([
    c.rsvps.find({ meetingId: heldId }).toArray(),
    c.attendance.find({ meetingId: heldId }).toArray(),
    c.minutes.find({ meetingId: heldId }).toArray(),
  ]);
  await c.meetings.insertOne({ ...shifted(held, delta), _id: meetingId });
  if (rsvps.length > 0) await c.rsvps.insertMany(rsvps.map(copy));
  if (rows.length > 0) await c.attendance.insertMany(rows.map(copy));
  if (minutes.length > 0) await c.minutes.insertMany(minutes.map(copy));
}

/** Copies of the RSVP audit records (each carries its event), spread over the year, up to `target`. */
async function topUpAudit(db: Db, target: number): Promise<void> {
  const c = collections(db);
  const missing = target - (await c.audit.estimatedDocumentCount());
  const models = await c.audit.find({ action: "rsvp.answered" }).toArray();
  if (missing <= 0 || models.length === 0) return;
  for (let done = 0; done < missing; done += 1000) {
    const batch = Array.from({ length: Math.min(1000, missing - done) }, (_, i) => done + i);
    const at = (i: number) => new Date(Date.now() - (i % 365) * DAY_MS);
    await c.audit.insertMany(
      batch.map((i) => {
        const model = models[i % models.length] as (typeof models)[number];
        // A stream of its own per copy: (stream, seq) is unique, as recordChange numbers them.
        return { ...model, _id: new ObjectId(), at: at(i), stream: `${model.stream}:copy-${i}`, seq: 1 };
      }),
    );
  }
}

/**
 * Loads the comuni, the demo agreements, the referents of every seat and a past year of their sittings
 * into the app's database, so that with the demo's upcoming sittings there are about YEAR.sittings;
 * returns the counts.
 */
export async function loadDemoYear(app: BenchApp, config: Config): Promise<DemoYear> {
  const started = performance.now();
  const bus = new EventBus();
  await importIstatComuni({ ctx: app.adminCtx, input: { comuni: await loadComuni() } });
  await seedDemoIfEmpty({ db: app.db, bus, config });
  const tables = await app.c.tables.find().sort({ _id: 1 }).toArray();
  const past = YEAR.sittings - (await app.c.meetings.countDocuments());
  const adminId = app.adminCtx.actor?.personId as ObjectId;
  // Weekdays at 10:00 Rome (09:00 UTC in winter, near enough), from eleven months ago to last week.
  const firstDay = Math.floor(Date.now() / DAY_MS) - 335;
  const startOf = (n: number) => {
    let day = firstDay + Math.floor((n * 328) / past);
    while ([0, 6].includes(new Date(day * DAY_MS).getUTCDay())) day += 1;
    return new Date(day * DAY_MS + 9 * HOUR_MS);
  };
  // The seats are filled a month before the year's first convocation, so every sitting convenes them.
  await staffTables(app.db, bus, tables, adminId, new Date((firstDay - 30) * DAY_MS + 9 * HOUR_MS));
  const held: ObjectId[] = [];
  for (let n = 0; n < past; n++) {
    const table = tables[n % tables.length] as TableDoc;
    if (n < tables.length) {
      held.push(await pastSitting(app.db, bus, table, table.coordinatorIds[0] ?? adminId, startOf(n), n + 1));
    } else {
      await copySitting(app.db, held[n % tables.length] as ObjectId, startOf(n));
    }
  }
  await topUpAudit(app.db, YEAR.auditEntries);
  const standing = { kind: "standing" as const, to: null };
  return {
    comuni: await app.c.organisations.countDocuments({ kind: "comune", istatCode: { $ne: null } }),
    seats: await app.c.designations.countDocuments(standing),
    referents: (await app.c.designations.distinct("personId", standing)).length,
    sittings: await app.c.meetings.countDocuments(),
    answers: await app.c.rsvps.countDocuments(),
    auditEntries: await app.c.audit.countDocuments(),
    ms: performance.now() - started,
  };
}

/** Each loaded count against its YEAR yardstick, and whether all are within ±`tolerance` (a fraction). */
export function againstYear(year: DemoYear, tolerance = 0.2) {
  const figures = (["sittings", "answers", "auditEntries"] as const).map((key) => ({
    key,
    loaded: year[key],
    target: YEAR[key],
    within: Math.abs(year[key] - YEAR[key]) <= tolerance * YEAR[key],
  }));
  return { figures, within: figures.every((f) => f.within) };
}
