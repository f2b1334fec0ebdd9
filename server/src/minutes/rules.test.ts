import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { AT, sitting } from "../attendance/test-fixtures.ts";
import { meetingWorld } from "../meetings/test-fixtures.ts";
import {
  agendaIds,
  minutesBody,
  minutesSnapshot,
  moveMinutes,
  putMinutes,
  readMinutes,
} from "./test-fixtures.ts";

describe("who may write the minutes, when, and with which input", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  it("lets organisers draft, refuses referents and outsiders with 403, changing nothing", async () => {
    const m = await sitting(s, w);
    const ids = await agendaIds(s, m.id);
    const before = await minutesSnapshot(s);
    for (const person of [w.refA, w.refB, w.outsider]) {
      const res = await putMinutes(s, person.token, m.id, minutesBody(ids));
      expect([res.status, res.body.error.code], person.person.name).toEqual([403, "forbidden"]);
    }
    expect((await moveMinutes(s, w.refA.token, m.id, "review")).status).toBe(403);
    expect(await minutesSnapshot(s)).toEqual(before);
    const byAgreementAdmin = await putMinutes(s, w.agreementAdmin.token, m.id, minutesBody(ids));
    expect([byAgreementAdmin.status, byAgreementAdmin.body.version]).toEqual([201, 1]);
    const byAdmin = await putMinutes(s, w.admin.token, m.id, { ...minutesBody(ids), version: 1 });
    expect([byAdmin.status, byAdmin.body.draftedById]).toEqual([200, w.admin.id]);
    expect((await moveMinutes(s, w.refA.token, m.id, "approve")).body.error.code).toBe("forbidden");
  });

  it("refuses a stale version with 409, and of two concurrent edits keeps one", async () => {
    const m = await sitting(s, w);
    const ids = await agendaIds(s, m.id);
    expect((await putMinutes(s, w.coordinator.token, m.id, minutesBody(ids))).status).toBe(201);
    const before = await minutesSnapshot(s);
    const stale = [
      await putMinutes(s, w.coordinator.token, m.id, minutesBody(ids)),
      await putMinutes(s, w.coordinator.token, m.id, { ...minutesBody(ids), version: 0 }),
      await putMinutes(s, w.coordinator.token, m.id, { ...minutesBody(ids), version: 7 }),
      await moveMinutes(s, w.coordinator.token, m.id, "review", { version: 3 }),
    ];
    expect(stale.map((r) => [r.status, r.body.error.code])).toEqual(
      Array(4).fill([409, "minutes_version_conflict"]),
    );
    expect(stale[0]?.body.error).toMatchObject({
      message: "Il verbale è stato modificato nel frattempo: ricaricarlo e riapplicare le modifiche.",
      details: { currentVersion: 1 },
    });
    expect(await minutesSnapshot(s)).toEqual(before);

    const edit = (notes: string) =>
      putMinutes(s, w.coordinator.token, m.id, { ...minutesBody(ids, { notes }), version: 1 });
    const both = await Promise.all([edit("prima"), edit("seconda")]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const stored = await s.c.minutes.find({ meetingId: new ObjectId(m.id) }).toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.version).toBe(2);
    expect(stored[0]?.notes).toBe(both.find((r) => r.status === 200)?.body.notes);
  });

  it("refuses bad input with 400 (Italian first) and writes nothing", async () => {
    const m = await sitting(s, w);
    const ids = await agendaIds(s, m.id);
    const before = await minutesSnapshot(s);
    const other = new ObjectId().toHexString();
    const cases: [unknown, number, string][] = [
      [minutesBody(ids, { items: [{ agendaItemId: other, summary: "x" }] }), 400, "minutes_item_unknown"],
      [minutesBody(ids, { items: [{ agendaItemId: "nope" }] }), 400, "validation_failed"],
      [
        minutesBody(ids, { items: [{ agendaItemId: ids[0] }, { agendaItemId: ids[0] }] }),
        400,
        "validation_failed",
      ],
      [minutesBody(ids, { decisions: [{ text: "   " }] }), 400, "validation_failed"],
      [
        minutesBody(ids, { actionItems: [{ what: "x", who: "y", due: "2026-02-30" }] }),
        400,
        "validation_failed",
      ],
      [minutesBody(ids, { actionItems: [{ what: "x", who: { personId: "1" } }] }), 400, "validation_failed"],
      [minutesBody(ids, { actionItems: [{ what: "x", who: { personId: other } }] }), 404, "not_found"],
      [minutesBody(ids, { notes: "n".repeat(20_001) }), 400, "validation_failed"],
      [minutesBody(ids, { version: -1 }), 400, "validation_failed"],
      [minutesBody(ids, { status: "approvato" }), 400, "validation_failed"],
      [{ ...minutesBody(ids), decisions: "tutte" }, 400, "validation_failed"],
    ];
    for (const [body, status, code] of cases) {
      const res = await putMinutes(s, w.coordinator.token, m.id, body);
      expect([res.status, res.body.error?.code], JSON.stringify(body).slice(0, 200)).toEqual([status, code]);
    }
    const unknown = await putMinutes(
      s,
      w.coordinator.token,
      m.id,
      minutesBody(ids, {
        items: [{ agendaItemId: other }],
      }),
    );
    expect(unknown.body.error.message).toBe(
      "Il punto indicato non è all'ordine del giorno di questa riunione.",
    );
    const en = await putMinutes(
      s,
      w.coordinator.token,
      m.id,
      minutesBody(ids, { items: [{ agendaItemId: other }] }),
      "en",
    );
    expect(en.body.error.message).toBe("The item given is not on this meeting's agenda.");
    const badId = await putMinutes(s, w.coordinator.token, "nope", minutesBody(ids));
    expect(badId.body.error.code).toBe("invalid_id");
    const noMeeting = await putMinutes(s, w.coordinator.token, other, minutesBody(ids));
    expect([noMeeting.status, noMeeting.body.error.code]).toEqual([404, "not_found"]);
    expect(await minutesSnapshot(s)).toEqual(before);
  });

  it("writes minutes only once the sitting started, never for a cancelled one", async () => {
    const m = await sitting(s, w);
    const ids = await agendaIds(s, m.id);
    const before = await minutesSnapshot(s);
    s.clock.now = AT.opens;
    const early = await putMinutes(s, w.coordinator.token, m.id, minutesBody(ids));
    expect([early.status, early.body.error.code]).toEqual([409, "minutes_too_early"]);
    expect(await minutesSnapshot(s)).toEqual(before);
    await s.api("POST", `/api/v1/meetings/${m.id}/cancel`, { token: w.coordinator.token, body: {} });
    const afterCancel = await minutesSnapshot(s);
    s.clock.now = AT.nextDay;
    const cancelled = await putMinutes(s, w.coordinator.token, m.id, minutesBody(ids));
    expect([cancelled.status, cancelled.body.error.code]).toEqual([409, "meeting_cancelled"]);
    expect(await minutesSnapshot(s)).toEqual(afterCancel);
  });

  it("moves bozza → in_revisione → approvato only, and minutes exist to move", async () => {
    const m = await sitting(s, w);
    const ids = await agendaIds(s, m.id);
    const none = await moveMinutes(s, w.coordinator.token, m.id, "review");
    expect([none.status, none.body.error.code]).toEqual([404, "not_found"]);
    await putMinutes(s, w.coordinator.token, m.id, minutesBody(ids));
    const early = await moveMinutes(s, w.coordinator.token, m.id, "approve");
    expect([early.status, early.body.error.code]).toEqual([409, "minutes_not_in_review"]);
    expect((await moveMinutes(s, w.coordinator.token, m.id, "review")).status).toBe(200);
    const again = await moveMinutes(s, w.coordinator.token, m.id, "review");
    expect([again.status, again.body.error.code]).toEqual([409, "minutes_already_in_review"]);
    // Still editable under review: the edit stays in review.
    s.clock.now = AT.nextDay;
    const edited = await putMinutes(s, w.coordinator.token, m.id, { ...minutesBody(ids), version: 1 });
    expect(edited.body).toMatchObject({ status: "in_revisione", version: 2 });
    const bad = await moveMinutes(s, w.coordinator.token, m.id, "approve", { version: "2" });
    expect(bad.body.error.code).toBe("validation_failed");
    expect((await moveMinutes(s, w.coordinator.token, m.id, "approve", { version: 2 })).status).toBe(200);
    expect((await readMinutes(s, w.refB.token, m.id)).body.status).toBe("approvato");
  });

  it("is described in the OpenAPI document", async () => {
    const doc = await s.api("GET", "/api/v1/openapi.json");
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        "/meetings/{id}/minutes",
        "/meetings/{id}/minutes.md",
        "/meetings/{id}/minutes/review",
        "/meetings/{id}/minutes/approve",
      ]),
    );
    expect(Object.keys(doc.body.paths["/meetings/{id}/minutes"])).toEqual(["get", "put"]);
    expect(doc.body.components.schemas).toHaveProperty("MinutesInput");
    expect(doc.body.paths["/meetings/{id}/minutes.md"].get.responses["200"].content).toHaveProperty(
      "text/markdown",
    );
  });
});
