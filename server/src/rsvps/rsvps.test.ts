import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countStoredEvents } from "../../../test/support/records.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";

describe("answering a convocation", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  const answer = (token: string, meetingId: string, personId: string, body: unknown, lang?: string) =>
    s.api("PUT", `/api/v1/meetings/${meetingId}/rsvps/${personId}`, { token, body, lang });
  const newMeeting = async (overrides: Record<string, unknown> = {}) =>
    (await convene(s, w.coordinator.token, w.openTable, overrides)).body.id as string;
  /** Everything a refused answer must leave as it was. */
  const snapshot = async () => ({
    rsvps: await s.c.rsvps.find().sort({ _id: 1 }).toArray(),
    audit: await s.c.audit.countDocuments(),
    events: await countStoredEvents(s.c),
  });

  it("answers, changes the answer, and the counts match the meeting's", async () => {
    const id = await newMeeting();
    const first = await answer(w.refA.token, id, "me", { answer: "presenza" });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      meetingId: id,
      personId: w.refA.id,
      organisationId: w.orgA,
      answer: "presenza",
      delegateId: null,
      answeredBy: w.refA.id,
      answeredAt: "2026-03-10T09:00:00.000Z",
      counts: { convened: 3, presenza: 1, remoto: 0, assente: 0, delega: 0, pending: 2 },
    });
    const before = s.events.length;
    const changed = await answer(w.refA.token, id, w.refA.id, { answer: "remoto", delegateId: null });
    expect(changed.body).toMatchObject({ answer: "remoto", counts: { presenza: 0, remoto: 1, pending: 2 } });
    expect(s.events.slice(before).map((e) => [e.type, e.payload])).toEqual([
      [
        "rsvp.answered",
        {
          meetingId: id,
          tableId: w.openTable,
          personId: w.refA.id,
          organisationId: w.orgA,
          answer: "remoto",
          delegateId: null,
          previousAnswer: "presenza",
        },
      ],
    ]);
    const coordinator = await answer(w.coordinator.token, id, "me", { answer: "assente" });
    expect(coordinator.body).toMatchObject({ organisationId: null, counts: { assente: 1, pending: 1 } });
    const meeting = await s.api("GET", `/api/v1/meetings/${id}`, { token: w.refA.token });
    expect(meeting.body.rsvp.counts).toEqual(coordinator.body.counts);
    expect(meeting.body.rsvp.mine).toMatchObject({ answer: "remoto", delegateId: null });
    expect(await s.c.rsvps.countDocuments({ meetingId: new ObjectId(id) })).toBe(2);
  });

  it("lets a referent or an admin answer for their people, and the audit names who did", async () => {
    const id = await newMeeting();
    const byAdmin = await answer(w.admin.token, id, w.refB.id, { answer: "remoto" });
    expect(byAdmin.body).toMatchObject({ personId: w.refB.id, answeredBy: w.admin.id });
    const audit = await s.c.audit.find({ entity: "rsvp", after: { $ne: null } }).toArray();
    const entry = audit.find((a) =>
      (a.after as { personId: ObjectId }).personId.equals(new ObjectId(w.refB.id)),
    );
    expect([entry?.action, entry?.actorId?.toHexString(), entry?.actorName]).toEqual([
      "rsvp.answered",
      w.admin.id,
      "Amministratrice",
    ]);
  });

  it("refuses other organisations' people, people not convened and strangers, changing nothing", async () => {
    const id = await newMeeting();
    await answer(w.refA.token, id, "me", { answer: "presenza" });
    const before = await snapshot();
    const cases: [string, string, number, string][] = [
      [w.refB.token, w.refA.id, 403, "other_organisation"],
      [w.refA.token, w.colleagueA.id, 403, "not_convened"],
      [w.outsider.token, "me", 403, "not_convened"],
      [w.outsider.token, w.refA.id, 403, "forbidden"],
      [w.refA.token, w.coordinator.id, 403, "forbidden"],
      [w.agreementAdmin.token, w.refA.id, 403, "forbidden"],
      [w.refA.token, "nobody", 400, "invalid_id"],
    ];
    for (const [token, personId, status, code] of cases) {
      const res = await answer(token, id, personId, { answer: "assente" });
      expect([res.status, res.body.error?.code], `${personId} ${code}`).toEqual([status, code]);
    }
    const unknown = await answer(w.refA.token, new ObjectId().toHexString(), "me", { answer: "assente" });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "not_found"]);
    const bad = await answer(w.refA.token, id, "me", { answer: "forse" });
    expect([bad.status, bad.body.error.code]).toEqual([400, "validation_failed"]);
    expect(await snapshot()).toEqual(before);
  });

  it("closes answers at the deadline and on cancelled sittings, in Italian or English", async () => {
    const id = await newMeeting({ rsvpDeadline: "2026-03-20T18:00" });
    await answer(w.refB.token, id, "me", { answer: "presenza" });
    const before = await snapshot();
    s.clock.now = new Date("2026-03-20T17:00:01Z");
    try {
      const late = await answer(w.refB.token, id, "me", { answer: "assente" });
      expect([late.status, late.body.error.code]).toEqual([409, "rsvp_closed"]);
      expect(late.body.error.message).toBe("Il termine per confermare la partecipazione è scaduto.");
      const en = await answer(w.refB.token, id, "me", { answer: "assente" }, "en");
      expect(en.body.error.message).toBe("The deadline to confirm attendance has passed.");
      s.clock.now = new Date("2026-03-24T12:00:00Z");
      const over = await answer(w.refB.token, id, "me", { answer: "assente" });
      expect(over.body.error.code).toBe("meeting_over");
    } finally {
      s.clock.now = new Date("2026-03-10T09:00:00Z");
    }
    expect(await snapshot()).toEqual(before);
    const cancelled = await newMeeting();
    await s.api("POST", `/api/v1/meetings/${cancelled}/cancel`, { token: w.coordinator.token, body: {} });
    const res = await answer(w.refB.token, cancelled, "me", { answer: "presenza" });
    expect([res.status, res.body.error.code]).toEqual([409, "meeting_cancelled"]);
  });

  it("leaves exactly one answer when the same person answers many times at once", async () => {
    const id = await newMeeting();
    const answers = ["presenza", "remoto", "assente"];
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          answer(w.refB.token, id, "me", { answer: answers[(i + round) % answers.length] }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
      const stored = await s.c.rsvps
        .find({ meetingId: new ObjectId(id), personId: new ObjectId(w.refB.id) })
        .toArray();
      expect(stored).toHaveLength(1);
      expect(answers).toContain(stored[0]?.answer);
    }
    const meeting = await s.api("GET", `/api/v1/meetings/${id}`, { token: w.refB.token });
    expect(meeting.body.rsvp.counts.pending).toBe(2);
  });

  it("lists the answers to the table's circle only", async () => {
    const id = await newMeeting();
    await answer(w.refB.token, id, "me", { answer: "remoto" });
    for (const person of [w.refA, w.coordinator, w.agreementAdmin]) {
      const res = await s.api("GET", `/api/v1/meetings/${id}/rsvps`, { token: person.token });
      expect(res.status).toBe(200);
    }
    const list = await s.api("GET", `/api/v1/meetings/${id}/rsvps`, { token: w.refA.token });
    expect(list.body.people.map((p: { name: string }) => p.name)).toEqual([
      "Anna Referente A",
      "Bruno Referente B",
      "Carla Coordinatrice",
    ]);
    expect(list.body.organisations).toEqual([
      {
        organisationId: w.orgA,
        name: "Comune di Caltagirone",
        represented: false,
        expected: 1,
        answers: { presenza: 0, remoto: 0, assente: 0, delega: 0, pending: 1 },
      },
      {
        organisationId: w.orgB,
        name: "Comune di Mineo",
        represented: true,
        expected: 1,
        answers: { presenza: 0, remoto: 1, assente: 0, delega: 0, pending: 0 },
      },
    ]);
    for (const person of [w.outsider, w.colleagueA]) {
      const res = await s.api("GET", `/api/v1/meetings/${id}/rsvps`, { token: person.token });
      expect([res.status, res.body.error.code]).toEqual([403, "forbidden"]);
    }
    expect((await s.api("GET", `/api/v1/meetings/${id}/rsvps`)).status).toBe(401);
  });
});
