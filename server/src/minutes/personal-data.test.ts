import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { record, sitting } from "../attendance/test-fixtures.ts";
import { meetingWorld } from "../meetings/test-fixtures.ts";
import { agendaIds, CANARY, minutesBody, moveMinutes, putMinutes, readMinutes } from "./test-fixtures.ts";

describe("minutes and personal data (DOMAIN rule 11)", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  it("lists the minutes a person wrote in their export, without the table's content", async () => {
    const m = await sitting(s, w);
    await putMinutes(s, w.coordinator.token, m.id, minutesBody(await agendaIds(s, m.id)));
    const exported = await s.api("GET", "/api/v1/people/me/export", { token: w.coordinator.token });
    expect(exported.body.minutes).toEqual([
      {
        meetingId: m.id,
        tableId: w.openTable,
        status: "bozza",
        version: 1,
        drafted: true,
        approved: false,
        updatedAt: s.clock.now.toISOString(),
      },
    ]);
    expect(JSON.stringify(exported.body)).not.toContain(CANARY);
  });

  it("keeps an erased attendee counted in approved minutes, under the erased name only", async () => {
    const m = await sitting(s, w);
    await record(s, w.coordinator.token, m.id, w.refB.id, { mode: "remoto" });
    const ids = await agendaIds(s, m.id);
    const actions = [{ what: "Preparare la scheda", who: { personId: w.refB.id }, due: "2026-04-15" }];
    await putMinutes(s, w.coordinator.token, m.id, minutesBody(ids, { actionItems: actions }));
    await moveMinutes(s, w.coordinator.token, m.id, "review");
    await moveMinutes(s, w.coordinator.token, m.id, "approve");

    expect((await s.api("DELETE", "/api/v1/people/me", { token: w.refB.token })).status).toBe(204);
    const after = await readMinutes(s, w.coordinator.token, m.id);
    expect(after.body.attendees).toEqual([
      expect.objectContaining({ personId: w.refB.id, name: "Persona rimossa", mode: "remoto" }),
    ]);
    expect(after.body.actionItems[0].who).toEqual({ personId: w.refB.id, text: "Persona rimossa" });
    expect(after.body.status).toBe("approvato");
    const stored = JSON.stringify([
      await s.c.minutes.find({ meetingId: new ObjectId(m.id) }).toArray(),
      await s.c.audit.find({ entity: "minutes" }).toArray(),
    ]);
    expect(stored).not.toContain("Bruno Referente B");
  });
});
