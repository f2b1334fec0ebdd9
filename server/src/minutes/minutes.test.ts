import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedEvents } from "../../../test/support/records.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { record, sitting } from "../attendance/test-fixtures.ts";
import { meetingWorld } from "../meetings/test-fixtures.ts";
import { getMinutesStatus } from "./status.ts";
import {
  agendaIds,
  CANARY,
  ctxAs,
  minutesBody,
  moveMinutes,
  putMinutes,
  readMinutes,
} from "./test-fixtures.ts";

describe("minutes from draft to approval (DOMAIN rule 6)", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  it("drafts with the attendees of the register, circulates, approves, then freezes", async () => {
    const m = await sitting(s, w);
    const checkedIn = await s.api("POST", `/api/v1/meetings/${m.id}/check-in`, {
      token: w.refA.token,
      body: { code: m.code, mode: "presenza" },
    });
    expect(checkedIn.status).toBe(200);
    await record(s, w.coordinator.token, m.id, w.refB.id, { mode: "remoto", leftEarly: true });
    const ids = await agendaIds(s, m.id);
    const before = s.events.length;

    const drafted = await putMinutes(s, w.coordinator.token, m.id, minutesBody(ids));
    expect(drafted.status).toBe(201);
    expect(drafted.body).toMatchObject({
      meetingId: m.id,
      tableId: w.openTable,
      status: "bozza",
      version: 1,
      meeting: { title: "Seduta ordinaria", tableName: "WP1 Servizi digitali" },
      draftedById: w.coordinator.id,
      approvedAt: null,
      hiddenItems: 0,
      viewer: { organiser: true, participant: true },
    });
    expect(drafted.body.attendees).toEqual([
      {
        personId: w.refA.id,
        name: "Anna Referente A",
        organisationId: w.orgA,
        organisationName: "Comune di Caltagirone",
        mode: "presenza",
        arrivedLate: false,
        leftEarly: false,
      },
      expect.objectContaining({ personId: w.refB.id, mode: "remoto", leftEarly: true }),
    ]);
    expect(drafted.body.items.map((i: { title: string; confidential: boolean }) => i.confidential)).toEqual([
      false,
      false,
      true,
    ]);
    expect((await readMinutes(s, w.refA.token, m.id)).body.error.code).toBe("minutes_not_shared");

    // A second edit from version 1, assigning an action to a person: the register is read again.
    await record(s, w.coordinator.token, m.id, w.coordinator.id, { mode: "remoto" });
    const actions = [{ what: "Convocare il gruppo tecnico", who: { personId: w.refB.id }, due: null }];
    const edited = await putMinutes(s, w.coordinator.token, m.id, {
      ...minutesBody(ids, { actionItems: actions }),
      version: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, status: "bozza" });
    expect(edited.body.attendees).toHaveLength(3);
    expect(edited.body.actionItems).toEqual([
      {
        what: "Convocare il gruppo tecnico",
        who: { personId: w.refB.id, text: "Bruno Referente B" },
        due: null,
      },
    ]);

    const circulated = await moveMinutes(s, w.coordinator.token, m.id, "review");
    expect(circulated.body).toMatchObject({ status: "in_revisione", version: 2 });
    const asReferent = await readMinutes(s, w.refA.token, m.id);
    expect(asReferent.body).toMatchObject({ status: "in_revisione", hiddenItems: 0 });
    expect(JSON.stringify(asReferent.body)).toContain(CANARY);
    expect((await readMinutes(s, w.outsider.token, m.id)).status).toBe(403);

    const approved = await moveMinutes(s, w.coordinator.token, m.id, "approve", { version: 2 });
    expect(approved.body).toMatchObject({
      status: "approvato",
      approvedById: w.coordinator.id,
      approvedAt: s.clock.now.toISOString(),
    });
    expect(s.events.slice(before).map((e) => e.type)).toEqual([
      "minutes.drafted",
      "attendance.recorded",
      "minutes.drafted",
      "minutes.circulated",
      "minutes.approved",
    ]);
    const circulatedEvent = s.events.find((e) => e.type === "minutes.circulated");
    expect(circulatedEvent?.payload).toMatchObject({
      meetingId: m.id,
      tableId: w.openTable,
      status: "in_revisione",
      decisions: 1,
      actionItems: 1,
    });
    expect(new Set(circulatedEvent?.payload.convenedPersonIds as string[])).toEqual(
      new Set([w.coordinator.id, w.refA.id, w.refB.id]),
    );

    const frozen = await s.c.minutes.findOne({ meetingId: new ObjectId(m.id) });
    const refused = [
      await putMinutes(s, w.coordinator.token, m.id, { ...minutesBody(ids), version: 2 }),
      await moveMinutes(s, w.coordinator.token, m.id, "review"),
      await moveMinutes(s, w.coordinator.token, m.id, "approve"),
      await putMinutes(s, w.admin.token, m.id, { ...minutesBody(ids), version: 2 }),
    ];
    expect(refused.map((r) => [r.status, r.body.error.code])).toEqual(
      Array(4).fill([409, "minutes_approved"]),
    );
    expect(await s.c.minutes.findOne({ meetingId: new ObjectId(m.id) })).toEqual(frozen);

    const status = await getMinutesStatus({
      ctx: await ctxAs(s, w.refB.id),
      input: { meetingId: new ObjectId(m.id) },
    });
    expect(status).toEqual({
      status: "approvato",
      version: 2,
      updatedAt: s.clock.now,
      approvedAt: s.clock.now,
      decisions: 1,
      actionItems: 1,
    });
  });

  it("keeps a confidential summary inside the table: not for outsiders, never in events", async () => {
    const m = await sitting(s, w);
    await record(s, w.coordinator.token, m.id, w.refA.id);
    const ids = await agendaIds(s, m.id);
    await putMinutes(s, w.coordinator.token, m.id, minutesBody(ids));
    await moveMinutes(s, w.coordinator.token, m.id, "review", {});
    await moveMinutes(s, w.coordinator.token, m.id, "approve");

    const outsider = await readMinutes(s, w.outsider.token, m.id);
    expect(outsider.status).toBe(200);
    expect(outsider.body).toMatchObject({
      status: "approvato",
      hiddenItems: 1,
      viewer: { organiser: false, participant: false },
    });
    expect(outsider.body.items).toHaveLength(2);
    expect(JSON.stringify(outsider.body)).not.toContain("CANARY");
    const md = await s.api("GET", `/api/v1/meetings/${m.id}/minutes.md`, { token: w.outsider.token });
    expect(md.status).toBe(200);
    expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(md.body).not.toContain("CANARY");
    expect(md.body).toContain("Punti riservati non mostrati: 1");

    const member = await s.api("GET", `/api/v1/meetings/${m.id}/minutes.md`, { token: w.refB.token });
    for (const heading of ["## Presenti", "## Ordine del giorno", "## Decisioni", "## Azioni"])
      expect(member.body).toContain(heading);
    expect(member.body).toContain("- Anna Referente A (Comune di Caltagirone): in presenza");
    expect(member.body).toContain(`### 3. CANARY-RISERVATO gara in corso (riservato)\n\n${CANARY}`);
    expect(member.body).toContain(
      "- Inviare il piano aggiornato (chi: Ufficio tecnico di Caltagirone, entro il 30/04/2026)",
    );

    const stored = JSON.stringify([s.events, await storedEvents(s.c)]);
    expect(stored).not.toContain("CANARY");
    expect(stored).not.toContain("piano di migrazione al cloud come proposta");
    expect(stored).not.toContain("Inviare il piano aggiornato");
  });

  it("reports a sitting without minutes as assente to the bot", async () => {
    const m = await sitting(s, w);
    const status = await getMinutesStatus({
      ctx: await ctxAs(s, w.outsider.id),
      input: { meetingId: new ObjectId(m.id) },
    });
    expect(status).toEqual({
      status: "assente",
      version: 0,
      updatedAt: null,
      approvedAt: null,
      decisions: 0,
      actionItems: 0,
    });
    const missing = await readMinutes(s, w.coordinator.token, m.id);
    expect([missing.status, missing.body.error.code]).toEqual([404, "not_found"]);
    await expect(
      getMinutesStatus({ ctx: await ctxAs(s, w.refA.id), input: { meetingId: new ObjectId() } }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
