import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countStoredEvents } from "../../../test/support/records.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { loadActor } from "../people/load-actor.ts";
import { createCtx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { DEFAULT_REMINDER_PREFERENCES, getReminderPreferences } from "./queries.ts";
import { setReminderPreferences } from "./set-preferences.ts";

const PATH = "/api/v1/people/me/reminder-preferences";

describe("reminder preferences (promemoria)", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    s.clock.now = new Date("2026-03-10T09:00:00Z");
  });
  afterAll(() => s.close());

  const put = (token: string, body: unknown, lang?: string) => s.api("PUT", PATH, { token, body, lang });
  const snapshot = async () => ({
    preferences: await s.c.reminderPreferences.find().sort({ _id: 1 }).toArray(),
    audit: await s.c.audit.countDocuments(),
    events: await countStoredEvents(s.c),
  });

  it("starts from the privacy-friendly defaults without storing anything", async () => {
    const person = await s.createPerson();
    const res = await s.api("GET", PATH, { token: person.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      leadMinutes: [1440, 60],
      leadLabels: ["1 giorno prima", "1 ora prima"],
      leadMinutesFrom: "tables",
      channels: { email: true, slack: true, push: false },
      paused: false,
      quietHours: null,
    });
    expect(DEFAULT_REMINDER_PREFERENCES).toEqual({
      leadMinutes: [1440, 60],
      ownLeadMinutes: false,
      channels: { email: true, slack: true, push: false },
      paused: false,
      quietHours: null,
    });
    const en = await s.api("GET", PATH, { token: person.token, lang: "en" });
    expect(en.body.leadLabels).toEqual(["1 day before", "1 hour before"]);
    expect(await s.c.reminderPreferences.countDocuments()).toBe(0);
  });

  it("keeps quiet hours, clears them with null, and refuses malformed ones with their own code", async () => {
    const person = await s.createPerson();
    const set = await put(person.token, { quietHours: { from: "22:00", to: "07:00" } });
    expect(set.status).toBe(200);
    expect(set.body.quietHours).toEqual({ from: "22:00", to: "07:00" });
    expect((await s.api("GET", PATH, { token: person.token })).body.quietHours).toEqual({
      from: "22:00",
      to: "07:00",
    });
    const before = await snapshot();
    for (const quietHours of [
      { from: "7", to: "22:00" },
      { from: "08:00", to: "08:00" },
    ]) {
      const bad = await put(person.token, { quietHours }, "en");
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe("reminder_quiet_hours_invalid");
      expect(bad.body.error.message).toMatch(/HH:MM/);
    }
    expect(await snapshot()).toEqual(before);
    const cleared = await put(person.token, { quietHours: null });
    expect(cleared.body.quietHours).toBeNull();
  });

  it("changes only the fields given, reads them back, and records who changed what", async () => {
    const person = await s.createPerson({ name: "Paola Promemoria" });
    const before = s.events.length;
    const first = await put(person.token, {
      leadMinutes: [30, 2880, 30, 120],
      channels: { email: false, slack: true, push: true },
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      leadMinutes: [2880, 120, 30],
      leadLabels: ["2 giorni prima", "2 ore prima", "30 minuti prima"],
      leadMinutesFrom: "person",
      channels: { email: false, slack: true, push: true },
      paused: false,
      quietHours: null,
    });
    const paused = await put(person.token, { paused: true });
    expect(paused.body).toMatchObject({
      leadMinutes: [2880, 120, 30],
      channels: { email: false },
      paused: true,
    });
    const read = await s.api("GET", PATH, { token: person.token });
    expect(read.body).toEqual(paused.body);

    expect(s.events.slice(before).map((e) => [e.type, e.payload, e.actorId?.toHexString()])).toEqual([
      ["reminder_preferences.changed", { personId: person.id }, person.id],
      ["reminder_preferences.changed", { personId: person.id }, person.id],
    ]);
    const audit = await s.c.audit
      .find({ entity: "reminderPreferences", entityId: person.person._id })
      .sort({ _id: 1 })
      .toArray();
    expect(audit.map((a) => [a.action, a.actorId?.toHexString(), a.actorName])).toEqual([
      ["reminder_preferences.changed", person.id, "Paola Promemoria"],
      ["reminder_preferences.changed", person.id, "Paola Promemoria"],
    ]);
    expect([audit[0]?.before, audit[1]?.before, audit[1]?.after]).toEqual([
      null,
      {
        leadMinutes: [2880, 120, 30],
        ownLeadMinutes: true,
        channels: { email: false, slack: true, push: true },
        paused: false,
        quietHours: null,
      },
      {
        leadMinutes: [2880, 120, 30],
        ownLeadMinutes: true,
        channels: { email: false, slack: true, push: true },
        paused: true,
        quietHours: null,
      },
    ]);

    const unchanged = await put(person.token, { paused: true, leadMinutes: [30, 120, 2880] });
    expect(unchanged.body).toEqual(paused.body);
    expect(s.events.length - before).toBe(2);
    const none = await put(person.token, { leadMinutes: [] });
    expect(none.body).toMatchObject({ leadMinutes: [], leadLabels: [] });
  });

  it("refuses lead times out of bounds or too many, in Italian or English, changing nothing", async () => {
    const person = await s.createPerson();
    await put(person.token, { leadMinutes: [15] });
    const before = await snapshot();
    const cases: [unknown, number, string][] = [
      [{ leadMinutes: [0] }, 400, "reminder_lead_time_invalid"],
      [{ leadMinutes: [4] }, 400, "reminder_lead_time_invalid"],
      [{ leadMinutes: [60, 20000] }, 400, "reminder_lead_time_invalid"],
      [{ leadMinutes: [10081] }, 400, "reminder_lead_time_invalid"],
      [{ leadMinutes: [-60] }, 400, "reminder_lead_time_invalid"],
      [{ leadMinutes: [7.5] }, 400, "reminder_lead_time_invalid"],
      [{ leadMinutes: [5, 10, 15, 20, 25] }, 400, "reminder_too_many"],
      [{ leadMinutes: [5, 10, 15, 20, 25], paused: true }, 400, "reminder_too_many"],
      [{ leadMinutes: ["60"] }, 400, "validation_failed"],
      [{ channels: { email: false } }, 400, "validation_failed"],
      [{ paused: "yes" }, 400, "validation_failed"],
      [{ snooze: true }, 400, "validation_failed"],
      [{}, 400, "validation_failed"],
    ];
    for (const [body, status, code] of cases) {
      const res = await put(person.token, body);
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const italian = await put(person.token, { leadMinutes: [20000] });
    expect(italian.body.error.message).toBe(
      "Ogni promemoria va da 5 minuti a 7 giorni (10080 minuti) prima della riunione, in minuti interi.",
    );
    const en = await put(person.token, { leadMinutes: [5, 10, 15, 20, 25] }, "en");
    expect(en.body.error.message).toBe("At most 4 reminders per meeting can be set.");
    expect(await snapshot()).toEqual(before);

    // Duplicates are normalised before counting: five entries, four distinct lead times, accepted.
    const dupes = await put(person.token, { leadMinutes: [10080, 5, 60, 5, 1440] });
    expect([dupes.status, dupes.body.leadMinutes]).toEqual([200, [10080, 1440, 60, 5]]);
  });

  it("is documented in the OpenAPI description", async () => {
    const doc = await s.api("GET", "/api/v1/openapi.json");
    const path = doc.body.paths["/people/me/reminder-preferences"];
    expect(Object.keys(path).sort()).toEqual(["get", "put"]);
    expect(Object.keys(doc.body.components.schemas)).toEqual(
      expect.arrayContaining(["ReminderPreferences", "ReminderPreferencesPatch", "ReminderChannels"]),
    );
  });

  it("needs a login", async () => {
    const before = await snapshot();
    expect((await s.api("GET", PATH)).status).toBe(401);
    const res = await s.api("PUT", PATH, { body: { paused: true } });
    expect([res.status, res.body.error.code]).toEqual([401, "unauthenticated"]);
    expect(await snapshot()).toEqual(before);
  });

  it("keeps every field when the same person changes different ones at once", async () => {
    // Several rounds: one round of racing requests does not always interleave their reads and writes.
    for (let round = 0; round < 5; round++) {
      const person = await s.createPerson();
      const results = await Promise.all([
        put(person.token, { paused: true }),
        put(person.token, { leadMinutes: [45] }),
        put(person.token, { channels: { email: true, slack: false, push: true } }),
      ]);
      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
      const read = await s.api("GET", PATH, { token: person.token });
      expect(read.body).toMatchObject({
        leadMinutes: [45],
        channels: { email: true, slack: false, push: true },
        paused: true,
      });
      expect(await s.c.reminderPreferences.countDocuments({ _id: person.person._id })).toBe(1);
      // Each change was computed on the state the previous one left: the audit's before/after form one
      // chain from "nothing stored" through all three changes.
      const entries = await s.c.audit
        .find({ action: "reminder_preferences.changed", entityId: person.person._id })
        .toArray();
      expect(entries).toHaveLength(3);
      let state: unknown = null;
      for (let step = 0; step < entries.length; step++) {
        const from = JSON.stringify(state);
        const next = entries.filter((e) => JSON.stringify(e.before) === from);
        expect(next, `step ${step} from ${from}`).toHaveLength(1);
        state = next[0]?.after;
      }
      const { ownLeadMinutes, ...shown } = state as { ownLeadMinutes: boolean };
      expect(read.body).toMatchObject({ ...shown, leadMinutesFrom: ownLeadMinutes ? "person" : "tables" });
    }
  });

  it("serves the Slack bot through the same use cases, for the linked person only", async () => {
    const person = await s.createPerson({ name: "Bot Utente" });
    const actor = await loadActor(s.c, person.person._id, s.clock.now);
    const ctx = createCtx({ db: s.db, bus: s.bus, actor, now: () => s.clock.now });
    expect(await getReminderPreferences({ ctx })).toEqual(DEFAULT_REMINDER_PREFERENCES);
    const stored = await setReminderPreferences({ ctx, input: { leadMinutes: [10, 60], paused: true } });
    expect(stored).toEqual({
      ...DEFAULT_REMINDER_PREFERENCES,
      leadMinutes: [60, 10],
      ownLeadMinutes: true,
      paused: true,
    });
    const api = await s.api("GET", PATH, { token: person.token });
    expect(api.body).toMatchObject({ leadMinutes: [60, 10], paused: true });
    await expect(setReminderPreferences({ ctx, input: { leadMinutes: [1] } })).rejects.toMatchObject({
      code: "reminder_lead_time_invalid",
    });
    const anonymous = createCtx({ db: s.db, bus: s.bus, actor: null });
    await expect(getReminderPreferences({ ctx: anonymous })).rejects.toBeInstanceOf(AppError);
  });

  it("goes into the personal data export and is erased with the person", async () => {
    const person = await s.createPerson();
    await put(person.token, { leadMinutes: [120], channels: { email: false, slack: false, push: true } });
    const exported = await s.api("GET", "/api/v1/people/me/export", { token: person.token });
    expect(exported.body.reminderPreferences).toEqual({
      leadMinutes: [120],
      ownLeadMinutes: true,
      channels: { email: false, slack: false, push: true },
      paused: false,
      quietHours: null,
      updatedAt: "2026-03-10T09:00:00.000Z",
    });
    expect(exported.body.auditEntries).toContainEqual(
      expect.objectContaining({
        action: "reminder_preferences.changed",
        entityId: person.id,
        byMe: true,
        after: expect.objectContaining({ leadMinutes: [120] }),
      }),
    );
    const fresh = await s.createPerson();
    const empty = await s.api("GET", "/api/v1/people/me/export", { token: fresh.token });
    expect(empty.body.reminderPreferences).toBeNull();

    expect((await s.api("DELETE", "/api/v1/people/me", { token: person.token })).status).toBe(204);
    expect(await s.c.reminderPreferences.countDocuments({ _id: person.person._id })).toBe(0);
    const audit = await s.c.audit
      .find({ entity: "reminderPreferences", entityId: person.person._id })
      .toArray();
    expect(audit.map((a) => [a.before, a.after])).toEqual([[null, { erased: true }]]);
  });
});
