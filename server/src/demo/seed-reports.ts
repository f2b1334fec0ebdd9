import { DateTime } from "luxon";
import { type Db, ObjectId } from "mongodb";
import type { AttendanceDoc } from "../attendance/documents.ts";
import type { MeetingDoc } from "../meetings/documents.ts";
import { ZONE } from "../meetings/local-time.ts";
import { tableMemberIds } from "../memberships/queries.ts";
import { loadActor } from "../people/load-actor.ts";
import { issueReport } from "../reports/issue.ts";
import { collections } from "../shared/collections.ts";
import { createCtx } from "../shared/context.ts";
import type { EventBus } from "../shared/events.ts";

const AGREEMENT = "calatino-smart-community";
const ADMIN_EMAIL = "giulia.ferrara@comune-caltagirone.example.it";

/** The last half-year that has ended before `now` (Rome): H1 of this year from July, else H2 of last year. */
export function lastEndedHalf(now: Date): { year: number; half: 1 | 2 } {
  const today = DateTime.fromJSDate(now, { zone: ZONE });
  return today.month >= 7 ? { year: today.year, half: 1 } : { year: today.year - 1, half: 2 };
}

/**
 * "A ready half-yearly report": the Calatino agreement's tables get the sittings of the last ended
 * half-year (the second Tuesday of every other month, 10:00–12:00, online and in person), with the
 * attendance of the designated referents, and its admin issues the half-yearly report of the agreement
 * through the use case (snapshot, audit entry, `report.issued`). The past sittings are written directly,
 * as the rest of the demo data is: the use cases refuse to convene in the past. Runs last in the seed.
 */
export async function seedDemoReports(deps: {
  db: Db;
  bus: EventBus;
  now: Date;
}): Promise<{ reports: number }> {
  const c = collections(deps.db);
  const agreement = await c.agreements.findOne({ slug: AGREEMENT });
  const admin = await c.people.findOne({ email: ADMIN_EMAIL });
  if (!agreement || !admin) return { reports: 0 };
  const { year, half } = lastEndedHalf(deps.now);
  const tables = await c.tables.find({ agreementId: agreement._id }).sort({ _id: 1 }).toArray();
  const systemCtx = createCtx({ db: deps.db, bus: deps.bus, now: () => deps.now });
  const meetings: MeetingDoc[] = [];
  const attendance: AttendanceDoc[] = [];
  for (const [t, table] of tables.entries()) {
    const designations = await c.designations.find({ tableId: table._id }).toArray();
    for (const [n, monthOffset] of [0, 2, 4].entries()) {
      const month = DateTime.fromObject(
        { year, month: (half - 1) * 6 + 1 + monthOffset, day: 1 },
        { zone: ZONE },
      );
      const secondTuesday = month.plus({ days: ((2 - month.weekday + 7) % 7) + 7 + t });
      const startsAt = secondTuesday.set({ hour: 10, minute: 0 }).toJSDate();
      const meeting: MeetingDoc = {
        _id: new ObjectId(),
        agreementId: agreement._id,
        tableId: table._id,
        seriesId: null,
        title: `${table.name}: seduta ${n + 1} del ${half}° semestre`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
        mode: n === 1 ? "in_presenza" : "online",
        place: n === 1 ? { address: "Piazza Municipio 5, Caltagirone", room: "Sala consiliare" } : null,
        videoLink: null,
        agenda: [
          {
            _id: new ObjectId(),
            title: "Stato di avanzamento",
            presenter: null,
            attachments: [],
            confidential: false,
          },
        ],
        rsvpDeadline: null,
        quorum: { kind: "majority" },
        status: "convened",
        sequence: 0,
        checkInCode: String(100000 + ((t * 7 + n * 13) % 900000)),
        cancellation: null,
        register: null,
        createdBy: admin._id,
        createdAt: deps.now,
        updatedAt: deps.now,
      };
      meetings.push(meeting);
      const members = new Set(
        (await tableMemberIds(systemCtx, table, secondTuesday.toISODate() ?? "")).map((id) =>
          id.toHexString(),
        ),
      );
      for (const [k, d] of designations.entries()) {
        // Most referents attend; every third misses one sitting in turn.
        if (!members.has(d.organisationId.toHexString()) || (k + n) % 3 === 2) continue;
        attendance.push({
          _id: new ObjectId(),
          meetingId: meeting._id,
          personId: d.personId,
          organisationId: d.organisationId,
          mode: meeting.mode === "online" || k % 2 ? "remoto" : "presenza",
          arrivedLate: false,
          leftEarly: false,
          source: "coordinator",
          recordedBy: admin._id,
          recordedAt: meeting.endsAt,
        });
      }
    }
  }
  if (meetings.length) await c.meetings.insertMany(meetings);
  if (attendance.length) await c.attendance.insertMany(attendance);
  const actor = await loadActor(c, admin._id, deps.now);
  const ctx = createCtx({ db: deps.db, bus: deps.bus, actor, now: () => deps.now });
  await issueReport({
    ctx,
    input: { ref: { agreementId: agreement._id }, query: { preset: "semestrale", year, half } },
  });
  // And the progress report (SAL) since then, which holds the demo's proposal and action items.
  await issueReport({ ctx, input: { ref: { agreementId: agreement._id }, query: { preset: "sal" } } });
  return { reports: 2 };
}
