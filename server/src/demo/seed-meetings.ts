import { DateTime } from "luxon";
import type { Db, ObjectId } from "mongodb";
import { meetingInput, seriesInput } from "../meetings/contracts.ts";
import { conveneMeeting, conveneSeries } from "../meetings/convene.ts";
import { ZONE } from "../meetings/local-time.ts";
import { loadActor } from "../people/load-actor.ts";
import { answerRsvp } from "../rsvps/answer.ts";
import { collections } from "../shared/collections.ts";
import { type Ctx, createCtx } from "../shared/context.ts";
import type { EventBus } from "../shared/events.ts";
import { type DemoMeeting, type DemoWhen, demoMeetings, demoRsvps } from "./demo-meetings.ts";

/** The calendar day in Italy (YYYY-MM-DD) a demo sitting falls on, counted from the seeding instant; always after today. */
export function demoDay(when: Exclude<DemoWhen, { inMinutes: number }>, now: Date): string {
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf("day");
  if ("inWeeks" in when) {
    return today.plus({ weeks: when.inWeeks }).set({ weekday: when.weekday }).toISODate() ?? "";
  }
  const month = today.plus({ months: when.inMonths }).startOf("month");
  return month.plus({ days: (when.firstWeekday - month.weekday + 7) % 7 }).toISODate() ?? "";
}

/** Start and end as wall-clock times in Italy (YYYY-MM-DDTHH:mm), as the meetings API takes them. */
function wallClock(m: DemoMeeting, now: Date): { startsAt: string; endsAt: string } {
  if (!("inMinutes" in m.when)) {
    const day = demoDay(m.when, now);
    return { startsAt: `${day}T${m.from}`, endsAt: `${day}T${m.to}` };
  }
  const length = DateTime.fromISO(`2000-01-01T${m.to}`).diff(DateTime.fromISO(`2000-01-01T${m.from}`));
  // On the next whole five minutes, as a person would set it.
  const at = DateTime.fromJSDate(now, { zone: ZONE }).plus({ minutes: m.when.inMinutes });
  const start = at.set({ minute: Math.ceil(at.minute / 5) * 5, second: 0, millisecond: 0 });
  const format = "yyyy-MM-dd'T'HH:mm";
  return { startsAt: start.toFormat(format), endsAt: start.plus(length).toFormat(format) };
}

function fields(m: DemoMeeting, now: Date) {
  return {
    title: m.title,
    ...wallClock(m, now),
    mode: m.mode,
    place: m.place,
    videoLink: m.videoLink,
    agenda: m.agenda,
  };
}

/**
 * Convenes the demo sittings through the real use cases, each acting as the table's coordinator (or the
 * demo admin when a table has none), then lets a few referents answer for themselves, so the audit log
 * and the events are the ones real use leaves. Returns how many sittings and answers were created.
 */
export async function seedDemoMeetings(deps: {
  db: Db;
  bus: EventBus;
  now: Date;
  jitsiBaseUrl: string;
  /** "agreementSlug/tableRef" → table id. */
  tableIds: Map<string, ObjectId>;
  /** Demo person ref → person id ("admin" is the fallback organiser). */
  personIds: Map<string, ObjectId>;
}): Promise<{ meetings: number; rsvps: number }> {
  const c = collections(deps.db);
  const contexts = new Map<string, Ctx>();
  async function actingAs(personId: ObjectId): Promise<Ctx> {
    const key = personId.toHexString();
    let ctx = contexts.get(key);
    if (!ctx) {
      const actor = await loadActor(c, personId, deps.now);
      ctx = createCtx({ db: deps.db, bus: deps.bus, actor, now: () => deps.now });
      contexts.set(key, ctx);
    }
    return ctx;
  }

  const person = (ref: string) => {
    const id = deps.personIds.get(ref);
    if (!id) throw new Error(`demo meetings: unknown person ${ref}`);
    return id;
  };
  const firstByTitle = new Map<string, ObjectId>();
  let created = 0;
  for (const m of demoMeetings) {
    const tableId = deps.tableIds.get(`${m.agreementSlug}/${m.tableRef}`);
    if (!tableId) throw new Error(`demo meetings: unknown table ${m.agreementSlug}/${m.tableRef}`);
    const table = await c.tables.findOne({ _id: tableId }, { projection: { coordinatorIds: 1 } });
    const ctx = await actingAs(table?.coordinatorIds[0] ?? person("admin"));
    const { jitsiBaseUrl } = deps;
    if (m.rrule) {
      const series = seriesInput.parse({ ...fields(m, deps.now), rrule: m.rrule });
      const { meetings } = await conveneSeries({ ctx, input: { tableId, series, jitsiBaseUrl } });
      if (meetings[0]) firstByTitle.set(m.title, meetings[0]._id);
      created += meetings.length;
    } else {
      const meeting = meetingInput.parse(fields(m, deps.now));
      const doc = await conveneMeeting({ ctx, input: { tableId, meeting, jitsiBaseUrl } });
      if (!firstByTitle.has(m.title)) firstByTitle.set(m.title, doc._id);
      created += 1;
    }
  }
  for (const r of demoRsvps) {
    const meetingId = firstByTitle.get(r.meeting);
    if (!meetingId) throw new Error(`demo rsvps: unknown sitting ${r.meeting}`);
    const ctx = await actingAs(person(r.personRef));
    await answerRsvp({ ctx, input: { meetingId, personId: "me", answer: r.answer, delegateId: null } });
  }
  return { meetings: created, rsvps: demoRsvps.length };
}
