import { ObjectId } from "mongodb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakePush, startFakePush } from "../../../test/support/fake-push.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";
import { planUpcomingSittings } from "./backfill.ts";

// meetingBody's sitting: 24 March 2026 10:00 Rome = 09:00Z; the world's clock starts on 10 March 09:00Z.
const START = new Date("2026-03-24T09:00:00Z");
const MIN = 60_000;
const ahead = (start: Date, minutes: number) => new Date(start.getTime() - minutes * MIN);

describe("reminders as stored occurrences, sent once when due", () => {
  let s: TestServer;
  let push: FakePush;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeEach(async () => {
    push = await startFakePush();
    s = await startTestServer({ pushAgent: push.agent });
    w = await meetingWorld(s);
  });
  afterEach(async () => {
    await s.close();
    await push.close();
  });

  const emailOf = (person: { person: { email: string } }) => person.person.email;
  /** The mails in the dev outbox to this person whose subject starts so. */
  const mailsTo = (person: { person: { email: string } }, prefix: string) =>
    s.c.outbox.find({ to: emailOf(person), subject: { $regex: `^${prefix}` } }).toArray();

  async function convened(overrides: Record<string, unknown> = {}) {
    const res = await convene(s, w.coordinator.token, w.openTable, overrides);
    expect(res.status).toBe(201);
    await s.drain();
    return res.body.id as string;
  }

  async function moveTo(instant: Date) {
    s.clock.now = instant;
    await s.drain();
  }

  it("plans each lead time on each channel, and sends a reminder due at T once, at T", async () => {
    const id = await convened();
    const mine = await s.c.reminderOccurrences
      .find({ meetingId: new ObjectId(id), personId: new ObjectId(w.refA.id) })
      .toArray();
    // Defaults: a day and an hour before, by e-mail and Slack, and one confirm (no answer yet).
    expect(mine.map((o) => `${o.kind}:${o.leadMinutes}:${o.channel}`).sort()).toEqual([
      "before:1440:email",
      "before:1440:slack",
      "before:60:email",
      "before:60:slack",
      "confirm:null:slack",
    ]);
    await moveTo(new Date(ahead(START, 1440).getTime() - 1000));
    expect(await mailsTo(w.refA, "Promemoria")).toHaveLength(0);
    await moveTo(ahead(START, 1440));
    const sent = await mailsTo(w.refA, "Promemoria");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toBe(
      "Promemoria: WP1 Servizi digitali – Seduta ordinaria, martedì 24 marzo 2026, 10:00",
    );
    expect(sent[0]?.icalEvent?.method).toBe("REQUEST");
    await moveTo(new Date(ahead(START, 1440).getTime() + 5 * MIN));
    expect(await mailsTo(w.refA, "Promemoria")).toHaveLength(1);
    // Slack is not configured here: its occurrence is skipped, e-mail being planned already.
    const slack = await s.c.reminderOccurrences.findOne({
      personId: new ObjectId(w.refA.id),
      leadMinutes: 1440,
      channel: "slack",
    });
    expect(slack?.state).toBe("skipped");
  });

  it("quiet hours: a reminder due in them waits for their end, and moves when they change", async () => {
    // The sitting is at 10:00 in Rome: "1 hour before" is 09:00, inside 08:00–09:30, so it goes at 09:30.
    const quiet = (quietHours: unknown) =>
      s.api("PUT", "/api/v1/people/me/reminder-preferences", {
        token: w.refA.token,
        body: { quietHours, leadMinutes: [60] },
      });
    expect((await quiet({ from: "08:00", to: "09:30" })).status).toBe(200);
    const id = await convened();
    const hourBefore = { meetingId: new ObjectId(id), personId: new ObjectId(w.refA.id), leadMinutes: 60 };
    const planned = await s.c.reminderOccurrences.find(hourBefore).toArray();
    expect(planned.map((o) => o.scheduledFor.toISOString())).toEqual([
      "2026-03-24T08:30:00.000Z",
      "2026-03-24T08:30:00.000Z",
    ]);
    // Changed: the pending ones are planned again, at the new end (09:15 in Rome).
    expect((await quiet({ from: "08:30", to: "09:15" })).status).toBe(200);
    await s.drain();
    await moveTo(ahead(START, 60));
    expect(await mailsTo(w.refA, "Promemoria")).toHaveLength(0);
    await moveTo(new Date("2026-03-24T08:15:00Z"));
    expect(await mailsTo(w.refA, "Promemoria")).toHaveLength(1);
  });

  it("a table's lead times apply to whoever keeps the tables' ones, a person's own list to them alone", async () => {
    const leads = { reminderLeadMinutes: [10080, 1440, 60] };
    const patched = await s.api("PATCH", `/api/v1/tables/${w.openTable}`, {
      token: w.admin.token,
      body: leads,
    });
    expect(patched.status).toBe(200);
    expect(patched.body.reminderLeadMinutes).toEqual([10080, 1440, 60]);
    await s.api("PUT", "/api/v1/people/me/reminder-preferences", {
      token: w.refB.token,
      body: { leadMinutes: [30] },
    });
    const id = await convened();
    const leadsOf = async (person: { id: string }) =>
      [
        ...new Set(
          (
            await s.c.reminderOccurrences
              .find({ meetingId: new ObjectId(id), personId: new ObjectId(person.id), kind: "before" })
              .toArray()
          ).map((o) => o.leadMinutes),
        ),
      ].sort((a, b) => (b ?? 0) - (a ?? 0));
    expect(await leadsOf(w.refA)).toEqual([10080, 1440, 60]);
    expect(await leadsOf(w.refB)).toEqual([30]);
    // Back to the tables' lead times: refB's sitting is planned again with the table's.
    const back = await s.api("PUT", "/api/v1/people/me/reminder-preferences", {
      token: w.refB.token,
      body: { leadMinutes: null },
    });
    expect(back.body).toMatchObject({ leadMinutesFrom: "tables", leadMinutes: [1440, 60] });
    await s.drain();
    const pending = await s.c.reminderOccurrences
      .find({
        meetingId: new ObjectId(id),
        personId: new ObjectId(w.refB.id),
        kind: "before",
        state: "pending",
      })
      .toArray();
    expect([...new Set(pending.map((o) => o.leadMinutes))].sort((a, b) => (b ?? 0) - (a ?? 0))).toEqual([
      10080, 1440, 60,
    ]);
    const bad = await s.api("PATCH", `/api/v1/tables/${w.openTable}`, {
      token: w.admin.token,
      body: { reminderLeadMinutes: [1] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("reminder_lead_time_invalid");
  });

  it("the one-time backfill plans sittings convened before reminders existed, and adds nothing twice", async () => {
    const id = await convened();
    const planned = await s.c.reminderOccurrences.countDocuments({ meetingId: new ObjectId(id) });
    expect(planned).toBeGreaterThan(0);
    // As in a database from before reminders: the sitting is there, its occurrences are not.
    await s.c.reminderOccurrences.deleteMany({});
    const deps = { db: s.db, bus: s.bus, now: () => new Date(s.clock.now) };
    expect(await planUpcomingSittings(deps)).toBe(1);
    expect(await s.c.reminderOccurrences.countDocuments({ meetingId: new ObjectId(id) })).toBe(planned);
    await planUpcomingSittings(deps);
    expect(await s.c.reminderOccurrences.countDocuments({ meetingId: new ObjectId(id) })).toBe(planned);
  });

  it("due while the server was down and the sitting has started: dropped, not sent", async () => {
    await convened();
    await moveTo(new Date(START.getTime() + MIN));
    expect(await mailsTo(w.refA, "Promemoria")).toHaveLength(0);
    const late = await s.c.reminderOccurrences
      .find({ personId: new ObjectId(w.refA.id), channel: "email" })
      .toArray();
    expect(late.map((o) => [o.kind, o.state, o.reason])).toContainEqual(["before", "dropped", "started"]);
  });

  it("sends once per key with two senders on one database", async () => {
    await convened();
    const second = s.newReminderSender("second-instance");
    s.clock.now = ahead(START, 60);
    await Promise.all([s.drain(), second.drain(), s.reminderSender.drain()]);
    expect(await mailsTo(w.refA, "Promemoria")).toHaveLength(2); // the day before and the hour before
    const delivered = await s.c.reminderDeliveries.find({ status: "delivered" }).toArray();
    const perKey = new Map<string, number>();
    for (const d of delivered) perKey.set(d.key, (perKey.get(d.key) ?? 0) + 1);
    expect([...perKey.values()].every((n) => n === 1)).toBe(true);
    expect(delivered.length).toBeGreaterThan(0);
  });

  it("still sends once after a restart between planning and the due time", async () => {
    await convened();
    await s.restartReminderSender();
    await moveTo(ahead(START, 60));
    await moveTo(ahead(START, 30));
    expect(await mailsTo(w.refA, "Promemoria")).toHaveLength(2);
  });

  it("moved: the old time stays silent, the new time fires", async () => {
    const id = await convened();
    const moved = await s.api("POST", `/api/v1/meetings/${id}/reschedule`, {
      token: w.coordinator.token,
      body: { startsAt: "2026-03-26T10:00", endsAt: "2026-03-26T12:00" },
    });
    expect(moved.status).toBe(200);
    await s.drain();
    // Dropped by the planner at once, not only when they fall due.
    const old = await s.c.reminderOccurrences
      .find({ meetingId: new ObjectId(id), meetingSequence: 0 })
      .toArray();
    expect(old.length).toBeGreaterThan(0);
    expect(old.every((o) => o.state === "dropped" || o.state === "skipped")).toBe(true);
    await moveTo(ahead(START, 60));
    expect(await mailsTo(w.refA, "Promemoria")).toHaveLength(0);
    const newStart = new Date("2026-03-26T09:00:00Z");
    await moveTo(ahead(newStart, 60));
    const sent = await mailsTo(w.refA, "Promemoria");
    expect(sent).toHaveLength(2);
    expect(sent.every((m) => m.subject.includes("giovedì 26 marzo 2026, 10:00"))).toBe(true);
  });

  it("moved before the planner ran: the sender's re-check of the SEQUENCE keeps the old time silent", async () => {
    const id = await convened();
    await s.dispatcher.stop({ waitMs: 1000 });
    const moved = await s.api("POST", `/api/v1/meetings/${id}/reschedule`, {
      token: w.coordinator.token,
      body: { startsAt: "2026-03-26T10:00", endsAt: "2026-03-26T12:00" },
    });
    expect(moved.status).toBe(200);
    s.clock.now = ahead(START, 60);
    await s.reminderSender.drain();
    expect(await mailsTo(w.refA, "Promemoria")).toHaveLength(0);
    const stale = await s.c.reminderOccurrences
      .find({ meetingId: new ObjectId(id), state: "dropped" })
      .toArray();
    expect(stale.map((o) => o.reason)).toContain("moved");
    s.dispatcher.start();
  });

  it("convened close to the start: a lead already past is not created", async () => {
    s.clock.now = ahead(START, 90);
    await convened();
    const planned = await s.c.reminderOccurrences.find({ personId: new ObjectId(w.refA.id) }).toArray();
    expect(planned.map((o) => `${o.kind}:${o.leadMinutes}:${o.channel}`).sort()).toEqual([
      "before:60:email",
      "before:60:slack",
    ]);
    expect(await mailsTo(w.refA, "Promemoria")).toHaveLength(0);
    await moveTo(ahead(START, 60));
    expect(await mailsTo(w.refA, "Promemoria")).toHaveLength(1);
  });

  it("cancelled: no reminder, and one cancellation notice per person, not two", async () => {
    const id = await convened();
    const cancelled = await s.api("POST", `/api/v1/meetings/${id}/cancel`, {
      token: w.coordinator.token,
      body: { reason: "Sala non disponibile" },
    });
    expect(cancelled.status).toBe(200);
    await s.drain();
    // Dropped by the planner at once (the sender's re-check would catch them only when due).
    const dropped = await s.c.reminderOccurrences
      .find({ meetingId: new ObjectId(id), kind: "before" })
      .toArray();
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.every((o) => o.state === "dropped" && o.reason === "cancelled")).toBe(true);
    await moveTo(ahead(START, 60));
    expect(await mailsTo(w.refA, "Promemoria")).toHaveLength(0);
    // The cancellation mail says it, with its CANCEL invitation; the reminders add no second mail (their
    // notice goes by push only, to people who take reminders by push: none here).
    const notices = await mailsTo(w.refA, "Riunione annullata");
    expect(notices).toHaveLength(1);
    expect(notices[0]?.icalEvent?.method).toBe("CANCEL");
    expect(await mailsTo(w.refB, "Riunione annullata")).toHaveLength(1);
    expect(await mailsTo(w.refA, "Annullata")).toHaveLength(0);
    expect(await mailsTo(w.refB, "Annullata")).toHaveLength(0);
  });

  it("assente: no 'starting soon' reminder, the earlier one still comes", async () => {
    const id = await convened();
    const answered = await s.api("PUT", `/api/v1/meetings/${id}/rsvps/me`, {
      token: w.refA.token,
      body: { answer: "assente" },
    });
    expect(answered.status).toBe(200);
    await s.drain();
    await moveTo(ahead(START, 1440));
    expect(await mailsTo(w.refA, "Promemoria")).toHaveLength(1);
    await moveTo(ahead(START, 60));
    expect(await mailsTo(w.refA, "Promemoria")).toHaveLength(1);
    expect(await mailsTo(w.refB, "Promemoria")).toHaveLength(2);
  });

  it("no answer by the eve of the deadline: one confirm reminder, none for who answered", async () => {
    const id = await convened({ rsvpDeadline: "2026-03-20T12:00" });
    await s.api("PUT", `/api/v1/meetings/${id}/rsvps/me`, {
      token: w.refB.token,
      body: { answer: "presenza" },
    });
    await s.drain();
    const eve = ahead(new Date("2026-03-20T11:00:00Z"), 1440);
    await moveTo(new Date(eve.getTime() - 1000));
    expect(await mailsTo(w.refA, "Conferma la tua presenza")).toHaveLength(0);
    await moveTo(eve);
    await moveTo(new Date(eve.getTime() + 3600_000));
    expect(await mailsTo(w.refA, "Conferma la tua presenza")).toHaveLength(1);
    expect(await mailsTo(w.refB, "Conferma la tua presenza")).toHaveLength(0);
  });

  it("pushes to a subscribed browser without confidential text, falls back to e-mail, and lists what was sent", async () => {
    const key = (await s.api("GET", "/api/v1/push/vapid-public-key")).body.publicKey;
    const browser = push.subscribe(key);
    const subscribed = await s.api("POST", "/api/v1/people/me/push-subscriptions", {
      token: w.refA.token,
      body: browser,
    });
    expect(subscribed.status).toBe(201);
    const pushOnly = { channels: { push: true, email: false, slack: false }, leadMinutes: [60] };
    for (const person of [w.refA, w.refB])
      expect(
        (
          await s.api("PUT", "/api/v1/people/me/reminder-preferences", {
            token: person.token,
            body: pushOnly,
          })
        ).status,
      ).toBe(200);
    const id = await convened();
    await moveTo(ahead(START, 60));
    // The confirm reminder (due the day before, no answer yet) and the hour-before one, each once.
    const received = push.received.filter((p) => p.endpoint === browser.endpoint);
    const titles = received.map((p) => JSON.parse(p.plaintext ?? "{}").title);
    expect(titles.sort()).toEqual([
      "Conferma la tua presenza: Seduta ordinaria",
      "Promemoria: Seduta ordinaria",
    ]);
    const last = received.find((p) => p.plaintext?.includes("Promemoria"));
    expect(last?.refusal).toBeNull();
    expect(last?.urgency).toBe("high");
    expect(JSON.parse(last?.plaintext ?? "{}").meetingId).toBe(id);
    // refB has no browser subscribed: the push falls back to e-mail.
    expect(await mailsTo(w.refB, "Promemoria")).toHaveLength(1);
    expect(await mailsTo(w.refA, "Promemoria")).toHaveLength(0);
    const everything = [
      ...push.received.map((p) => p.plaintext ?? ""),
      ...(await s.c.outbox.find().toArray()).map((m) => m.subject),
    ];
    expect(everything.some((text) => text.includes("CANARY"))).toBe(false);

    const mine = await s.api("GET", "/api/v1/people/me/notifications?limit=10", { token: w.refA.token });
    expect(mine.status).toBe(200);
    // Both fell due at the same instant and went out concurrently: newest first is the delivery log's
    // own order, whichever of the two finished last.
    const logged = await s.c.reminderDeliveries
      .find({ personId: new ObjectId(w.refA.id) })
      .sort({ _id: -1 })
      .toArray();
    expect(mine.body.items.map((n: { id: string }) => n.id)).toEqual(logged.map((d) => d._id.toHexString()));
    expect(mine.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "before", channel: "push", meetingId: id, leadMinutes: 60 }),
        expect.objectContaining({ kind: "confirm", channel: "push", meetingId: id, leadMinutes: null }),
      ]),
    );
    expect(mine.body.items).toHaveLength(2);
    const firstPage = await s.api("GET", "/api/v1/people/me/notifications?limit=1", { token: w.refA.token });
    expect(firstPage.body.items).toEqual([mine.body.items[0]]);
    const secondPage = await s.api(
      "GET",
      `/api/v1/people/me/notifications?limit=1&cursor=${firstPage.body.nextCursor}`,
      { token: w.refA.token },
    );
    expect(secondPage.body.items).toEqual([mine.body.items[1]]);
    const theirs = await s.api("GET", "/api/v1/people/me/notifications", { token: w.refB.token });
    expect(theirs.body.items.map((n: { channel: string }) => n.channel)).toEqual(["email", "email"]);
    const failed = await s.api("GET", "/api/v1/admin/notifications?state=failed", { token: w.admin.token });
    expect(failed.status).toBe(200);
    expect(failed.body.items).toEqual([]);
    const refused = await s.api("GET", "/api/v1/admin/notifications", { token: w.refA.token });
    expect(refused.status).toBe(403);
  });
});
