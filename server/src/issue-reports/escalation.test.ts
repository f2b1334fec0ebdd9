import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { meetingWorld } from "../meetings/test-fixtures.ts";
import { raise, reportBody, snapshot, triage } from "./test-fixtures.ts";

const T0 = new Date("2026-03-10T09:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

describe("escalation to the steering body (DOMAIN rule 8)", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  let steeringCoordinator: Awaited<ReturnType<TestServer["createPerson"]>>;
  let steeringReferent: Awaited<ReturnType<TestServer["createPerson"]>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
    // The founders-only table becomes the agreement's cabina di regia: orgA (founding) sits on it, orgB does not.
    steeringCoordinator = await s.createPerson({ name: "Sara Cabina" });
    steeringReferent = await s.createPerson({ name: "Stefano Cabina" });
    await s.c.tables.updateOne(
      { _id: new ObjectId(w.foundersTable) },
      { $set: { kind: "cabina_di_regia", coordinatorIds: [new ObjectId(steeringCoordinator.id)] } },
    );
    await s.c.designations.insertOne({
      ...{
        _id: new ObjectId(),
        agreementId: new ObjectId(w.agreementId),
        tableId: new ObjectId(w.foundersTable),
      },
      ...{
        organisationId: new ObjectId(w.orgA),
        personId: new ObjectId(steeringReferent.id),
        kind: "standing",
      },
      ...{ meetingRef: null, from: "2026-01-01", to: null, substitutedById: null, substitutesId: null },
      ...{ createdAt: new Date(), createdBy: null },
    });
  });
  afterAll(() => s.close());

  const queue = (token: string, state?: string) =>
    s.api("GET", `/api/v1/agreements/${w.agreementId}/escalations${state ? `?state=${state}` : ""}`, {
      token,
    });
  const escalate = async (overrides: Record<string, unknown> = {}) => {
    s.clock.now = T0;
    const id = (await raise(s, w.refA.token, w.openTable, reportBody(w.orgA, overrides))).body.id as string;
    s.clock.now = at(2);
    expect((await triage(s, w.coordinator.token, id, "in_esame")).status).toBe(200);
    s.clock.now = at(5);
    const up = await triage(s, w.coordinator.token, id, "inoltrata", "Serve una decisione della cabina");
    expect(up.status).toBe(200);
    return { id, up };
  };

  it("escalates to the cabina di regia, which queues, assigns, discusses and resolves it", async () => {
    const before = s.events.length;
    const { id, up } = await escalate({ severity: "alta" });
    expect(up.body.escalation).toEqual({
      steeringTableId: w.foundersTable,
      at: at(5).toISOString(),
      assignee: null,
      assignedAt: null,
    });
    expect(s.events.slice(before).at(-1)?.payload).toMatchObject({
      to: "inoltrata",
      steeringTableId: w.foundersTable,
    });

    s.clock.now = at(29);
    const listed = await queue(steeringCoordinator.token);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({
      steeringTableId: w.foundersTable,
      steeringTableName: "Cabina di regia",
    });
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id,
        tableId: w.openTable,
        tableName: "WP1 Servizi digitali",
        organisationName: "Comune di Caltagirone",
        title: "Il portale SUAP non accetta la firma CAdES",
        severity: "alta",
        status: "inoltrata",
        redacted: false,
        escalatedAt: at(5).toISOString(),
        age: { sinceEscalatedSeconds: 24 * 3600, sinceRaisedSeconds: 29 * 3600 },
        assignee: null,
        comments: 0,
      }),
    ]);

    const assigned = await s.api("POST", `/api/v1/issue-reports/${id}/assignee`, {
      token: steeringCoordinator.token,
      body: { personId: steeringReferent.id },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.escalation.assignee).toEqual({ id: steeringReferent.id, name: "Stefano Cabina" });

    s.clock.now = at(30);
    const events = s.events.length;
    const comment = await s.api("POST", `/api/v1/issue-reports/${id}/comments`, {
      token: steeringCoordinator.token,
      body: { text: "  Ne parliamo con il fornitore del SUAP regionale " },
    });
    expect(comment.status).toBe(201);
    const reply = await s.api("POST", `/api/v1/issue-reports/${id}/comments`, {
      token: w.coordinator.token,
      body: { text: "Grazie, alleghiamo i casi" },
    });
    expect(reply.body.comments).toEqual([
      {
        id: expect.any(String),
        at: at(30).toISOString(),
        by: { id: steeringCoordinator.id, name: "Sara Cabina" },
        text: "Ne parliamo con il fornitore del SUAP regionale",
      },
      expect.objectContaining({
        by: { id: w.coordinator.id, name: "Carla Coordinatrice" },
        text: "Grazie, alleghiamo i casi",
      }),
    ]);
    const commented = s.events.slice(events);
    expect(commented.map((e) => e.type)).toEqual(["issue_report.commented", "issue_report.commented"]);
    expect(JSON.stringify(commented)).not.toContain("fornitore");
    expect((await queue(steeringReferent.token)).body.items[0]).toMatchObject({
      assignee: { id: steeringReferent.id },
      comments: 2,
    });

    s.clock.now = at(53);
    const resolved = await triage(
      s,
      steeringCoordinator.token,
      id,
      "risolta",
      "Il fornitore ha corretto la verifica",
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe("risolta");
    expect(resolved.body.history.at(-1)).toMatchObject({
      by: { id: steeringCoordinator.id },
      from: "inoltrata",
      to: "risolta",
      note: "Il fornitore ha corretto la verifica",
    });
    s.clock.now = at(100);
    const got = await s.api("GET", `/api/v1/issue-reports/${id}`, { token: w.refA.token });
    expect(got.body.timeInStatus).toEqual({ aperta: 2 * 3600, in_esame: 3 * 3600, inoltrata: 48 * 3600 });
    const spent = Object.values(got.body.timeInStatus as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(spent * 1000).toBe(at(53).getTime() - T0.getTime());
    expect(
      (await queue(steeringCoordinator.token)).body.items.map((i: { id: string }) => i.id),
    ).not.toContain(id);
    const closed = await queue(steeringCoordinator.token, "resolved");
    expect(closed.body.items).toEqual([
      expect.objectContaining({
        id,
        status: "risolta",
        resolvedAt: at(53).toISOString(),
        age: { sinceEscalatedSeconds: 48 * 3600, sinceRaisedSeconds: 53 * 3600 },
      }),
    ]);
  });

  it("shows the time in the current status up to now", async () => {
    const { id } = await escalate();
    s.clock.now = at(11);
    const got = await s.api("GET", `/api/v1/issue-reports/${id}`, { token: w.coordinator.token });
    expect(got.body.timeInStatus).toEqual({ aperta: 2 * 3600, in_esame: 3 * 3600, inoltrata: 6 * 3600 });
  });

  it("keeps the queue and the thread to the steering body, and assignment to its coordinators", async () => {
    const { id } = await escalate();
    const before = await snapshot(s);
    for (const person of [w.refB, w.outsider]) {
      const res = await queue(person.token);
      expect([res.status, res.body.error?.code]).toEqual([403, "forbidden"]);
      const said = await s.api("POST", `/api/v1/issue-reports/${id}/comments`, {
        token: person.token,
        body: { text: "Posso dire la mia?" },
      });
      expect([said.status, said.body.error?.code]).toEqual([403, "forbidden"]);
    }
    expect((await queue(w.coordinator.token)).status).toBe(403);
    const cases: [string, unknown, number, string][] = [
      [w.refA.token, { personId: steeringReferent.id }, 403, "forbidden"],
      [w.coordinator.token, { personId: steeringReferent.id }, 403, "forbidden"],
      [steeringCoordinator.token, { personId: w.refB.id }, 409, "assignee_not_in_steering_body"],
      [
        steeringCoordinator.token,
        { personId: new ObjectId().toHexString() },
        409,
        "assignee_not_in_steering_body",
      ],
      [steeringCoordinator.token, {}, 400, "validation_failed"],
    ];
    for (const [token, body, status, code] of cases) {
      const res = await s.api("POST", `/api/v1/issue-reports/${id}/assignee`, { token, body });
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const blank = await s.api("POST", `/api/v1/issue-reports/${id}/comments`, {
      token: steeringCoordinator.token,
      body: { text: "   " },
    });
    expect([blank.status, blank.body.error?.code]).toEqual([400, "validation_failed"]);
    // The steering coordinator resolves only what was escalated to them, and only from inoltrata.
    const open = (await raise(s, w.refA.token, w.openTable, reportBody(w.orgA))).body.id as string;
    expect((await triage(s, steeringCoordinator.token, open, "in_esame")).status).toBe(403);
    const notYet = await s.api("POST", `/api/v1/issue-reports/${open}/comments`, {
      token: w.coordinator.token,
      body: { text: "Troppo presto" },
    });
    expect([notYet.status, notYet.body.error?.code]).toEqual([409, "issue_report_not_escalated"]);
    await s.c.issueReports.deleteOne({ _id: new ObjectId(open) });
    await s.c.audit.deleteMany({ entityId: new ObjectId(open) });
    expect(await snapshot(s)).toEqual(before);
  });

  it("shows a confidential report to steering members outside its table as 'Segnalazione riservata', no text", async () => {
    const before = s.events.length;
    const { id } = await escalate({
      confidential: true,
      title: "CANARY gara in corso",
      description: "CANARY testo",
    });
    await s.api("POST", `/api/v1/issue-reports/${id}/comments`, {
      token: w.coordinator.token,
      body: { text: "CANARY commento del tavolo" },
    });
    const outside = await s.api("GET", `/api/v1/issue-reports/${id}`, { token: steeringCoordinator.token });
    expect(outside.status).toBe(200);
    expect(outside.body).toMatchObject({
      title: "Segnalazione riservata",
      description: "",
      redacted: true,
      attachments: [],
      comments: [expect.objectContaining({ text: null })],
    });
    expect(JSON.stringify(outside.body)).not.toContain("CANARY");
    const queued = await queue(steeringCoordinator.token);
    expect(JSON.stringify(queued.body)).not.toContain("CANARY");
    expect(queued.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      title: "Segnalazione riservata",
      redacted: true,
      confidential: true,
    });
    // The steering body's referent of orgA also sits on the reporting table: they read it all.
    const inside = await s.api("GET", `/api/v1/issue-reports/${id}`, { token: steeringReferent.token });
    expect(inside.body).toMatchObject({ title: "CANARY gara in corso", redacted: false });
    expect(inside.body.comments[0].text).toBe("CANARY commento del tavolo");
    expect((await s.api("GET", `/api/v1/issue-reports/${id}`, { token: w.outsider.token })).status).toBe(404);
    expect(JSON.stringify(s.events.slice(before))).not.toContain("CANARY");
  });

  it("refuses to escalate without a steering body (409), changing nothing", async () => {
    const other = await meetingWorld(s);
    s.clock.now = T0;
    const id = (await raise(s, other.refA.token, other.openTable, reportBody(other.orgA))).body.id as string;
    await triage(s, other.coordinator.token, id, "in_esame");
    const before = await snapshot(s);
    const res = await triage(s, other.coordinator.token, id, "inoltrata");
    expect([res.status, res.body.error?.code]).toEqual([409, "no_steering_body"]);
    expect(res.body.error.message).toMatch(/organo di indirizzo/);
    expect(await snapshot(s)).toEqual(before);
    const listed = await s.api("GET", `/api/v1/agreements/${other.agreementId}/escalations`, {
      token: other.agreementAdmin.token,
    });
    expect([listed.status, listed.body.error?.code]).toEqual([409, "no_steering_body"]);
  });
  it("adds a comment once per Idempotency-Key, and refuses to escalate the steering table's own reports", async () => {
    const { id } = await escalate();
    const post = () =>
      s.api("POST", `/api/v1/issue-reports/${id}/comments`, {
        token: steeringCoordinator.token,
        body: { text: "Una volta sola" },
        headers: { "idempotency-key": "commento-1" },
      });
    expect((await post()).status).toBe(201);
    const again = await post();
    expect(again.body.comments).toHaveLength(1);
    // A report of the cabina di regia itself is settled there: it cannot be escalated to itself.
    s.clock.now = at(1);
    const own = await raise(s, steeringReferent.token, w.foundersTable, reportBody(w.orgA));
    expect(own.status).toBe(201);
    await triage(s, steeringCoordinator.token, own.body.id, "in_esame");
    const before = await snapshot(s);
    const self = await triage(s, steeringCoordinator.token, own.body.id, "inoltrata");
    expect([self.status, self.body.error?.code]).toEqual([409, "escalation_to_same_table"]);
    expect(await snapshot(s)).toEqual(before);
  });

  it("erases a person's name from the comments and the assignment, keeping the thread", async () => {
    const { id } = await escalate();
    const tina = await s.createPerson({ name: "Tina Cabina" });
    await s.c.tables.updateOne(
      { _id: new ObjectId(w.foundersTable) },
      { $push: { coordinatorIds: new ObjectId(tina.id) } },
    );
    await s.api("POST", `/api/v1/issue-reports/${id}/assignee`, {
      token: steeringCoordinator.token,
      body: { personId: tina.id },
    });
    await s.api("POST", `/api/v1/issue-reports/${id}/comments`, {
      token: tina.token,
      body: { text: "Me ne occupo io" },
    });
    expect((await s.api("DELETE", "/api/v1/people/me", { token: tina.token })).status).toBe(204);
    expect(JSON.stringify(await s.c.issueReports.find().toArray())).not.toContain("Tina Cabina");
    const kept = await s.api("GET", `/api/v1/issue-reports/${id}`, { token: steeringCoordinator.token });
    expect(kept.body.escalation.assignee).toEqual({ id: tina.id, name: "Persona rimossa" });
    expect(kept.body.comments[0]).toMatchObject({
      by: { id: tina.id, name: "Persona rimossa" },
      text: "Me ne occupo io",
    });
  });
});
