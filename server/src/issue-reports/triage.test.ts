import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { meetingWorld } from "../meetings/test-fixtures.ts";
import { raise, reportBody, snapshot, triage } from "./test-fixtures.ts";

describe("triaging issue reports and the reporters' personal data", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
    // Escalation (`inoltrata`) goes to the agreement's steering body, which must exist.
    await s.c.tables.insertOne({
      ...{ _id: new ObjectId(), agreementId: new ObjectId(w.agreementId), name: "Comitato guida" },
      ...{ kind: "comitato_guida", theme: null, access: "founders", description: "" },
      ...{ coordinatorIds: [], materials: [], createdAt: new Date(), updatedAt: new Date() },
    });
  });
  afterAll(() => s.close());

  const newReport = async (overrides: Record<string, unknown> = {}) =>
    (await raise(s, w.refA.token, w.openTable, reportBody(w.orgA, overrides))).body.id as string;

  it("follows a report from open to escalated to resolved, with a history and events", async () => {
    const id = await newReport();
    const before = s.events.length;
    const review = await triage(
      s,
      w.coordinator.token,
      id,
      "in_esame",
      "  Ne parliamo alla prossima seduta ",
    );
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({
      status: "in_esame",
      history: [
        {
          at: "2026-03-10T09:00:00.000Z",
          by: { id: w.coordinator.id, name: "Carla Coordinatrice" },
          from: "aperta",
          to: "in_esame",
          note: "Ne parliamo alla prossima seduta",
        },
      ],
    });
    s.clock.now = new Date("2026-03-12T09:00:00Z");
    try {
      const up = await triage(s, w.agreementAdmin.token, id, "inoltrata", "");
      expect(up.body).toMatchObject({ status: "inoltrata", updatedAt: "2026-03-12T09:00:00.000Z" });
      expect(up.body.history[1]).toMatchObject({ from: "in_esame", to: "inoltrata", note: null });
      const done = await triage(s, w.admin.token, id, "risolta");
      expect(done.body.history.map((h: { to: string }) => h.to)).toEqual([
        "in_esame",
        "inoltrata",
        "risolta",
      ]);
    } finally {
      s.clock.now = new Date("2026-03-10T09:00:00Z");
    }
    expect(s.events.slice(before).map((e) => e.type)).toEqual(Array(3).fill("issue_report.status_changed"));
    expect(s.events.at(-1)?.payload).toEqual({
      issueReportId: id,
      tableId: w.openTable,
      organisationId: w.orgA,
      severity: "media",
      seq: expect.any(Number),
      confidential: false,
      title: "Il portale SUAP non accetta la firma CAdES",
      from: "inoltrata",
      to: "risolta",
    });
    const filtered = await s.api("GET", `/api/v1/tables/${w.openTable}/issue-reports?status=risolta`, {
      token: w.refB.token,
    });
    expect(filtered.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it("refuses transitions the workflow does not allow, changing nothing", async () => {
    const id = await newReport();
    const rejected = await newReport();
    await triage(s, w.coordinator.token, rejected, "respinta", "Non di competenza del tavolo");
    const before = await snapshot(s);
    const cases: [string, string][] = [
      [id, "risolta"],
      [id, "inoltrata"],
      [id, "aperta"],
      [rejected, "in_esame"],
      [rejected, "respinta"],
    ];
    for (const [report, status] of cases) {
      const res = await triage(s, w.coordinator.token, report, status);
      expect([res.status, res.body.error?.code], status).toEqual([409, "issue_report_transition_invalid"]);
    }
    const message = await triage(s, w.coordinator.token, id, "risolta");
    expect(message.body.error.message).toMatch(/^Passaggio di stato non consentito/);
    expect(message.body.error.details).toEqual({
      from: "aperta",
      to: "risolta",
      allowed: ["in_esame", "respinta"],
    });
    expect(await snapshot(s)).toEqual(before);
  });

  it("lets only the table's coordinators and admins triage, and refuses bad input", async () => {
    const id = await newReport();
    const secret = await newReport({ confidential: true });
    const before = await snapshot(s);
    const cases: [string, string, unknown, number, string][] = [
      [w.refA.token, id, { status: "in_esame" }, 403, "forbidden"],
      [w.refB.token, id, { status: "in_esame" }, 403, "forbidden"],
      [w.outsider.token, id, { status: "in_esame" }, 403, "forbidden"],
      [w.outsider.token, secret, { status: "in_esame" }, 404, "not_found"],
      [w.coordinator.token, id, { status: "chiusa" }, 400, "validation_failed"],
      [w.coordinator.token, id, {}, 400, "validation_failed"],
      [w.coordinator.token, id, { status: "in_esame", note: "x".repeat(2001) }, 400, "validation_failed"],
      [w.coordinator.token, id, { status: "in_esame", extra: 1 }, 400, "validation_failed"],
      [w.coordinator.token, new ObjectId().toHexString(), { status: "in_esame" }, 404, "not_found"],
      [w.coordinator.token, "nope", { status: "in_esame" }, 400, "invalid_id"],
    ];
    for (const [token, report, body, status, code] of cases) {
      const res = await s.api("POST", `/api/v1/issue-reports/${report}/status`, { token, body });
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect(
      (await s.api("POST", `/api/v1/issue-reports/${id}/status`, { body: { status: "in_esame" } })).status,
    ).toBe(401);
    expect(await snapshot(s)).toEqual(before);
  });

  it("exports the reports a person raised, and erasure removes their name but keeps the reports", async () => {
    const rita = await s.createPerson({ name: "Rita Segnalatrice" });
    await s.c.designations.insertOne({
      _id: new ObjectId(),
      agreementId: new ObjectId(w.agreementId),
      tableId: new ObjectId(w.openTable),
      organisationId: new ObjectId(w.orgB),
      personId: new ObjectId(rita.id),
      kind: "standing",
      meetingRef: null,
      from: "2026-01-01",
      to: null,
      substitutedById: null,
      substitutesId: null,
      createdAt: new Date(),
      createdBy: null,
    });
    const raised = await raise(s, rita.token, w.openTable, reportBody(w.orgB, { confidential: true }));
    expect(raised.status).toBe(201);
    const tina = await s.createPerson({ name: "Tina Coordinatrice" });
    await s.c.tables.updateOne(
      { _id: new ObjectId(w.openTable) },
      { $push: { coordinatorIds: new ObjectId(tina.id) } },
    );
    const other = await newReport();
    expect((await triage(s, tina.token, other, "in_esame")).status).toBe(200);

    const exported = await s.api("GET", "/api/v1/people/me/export", { token: rita.token });
    expect(exported.body.issueReports).toEqual([
      expect.objectContaining({
        id: raised.body.id,
        organisationId: w.orgB,
        confidential: true,
        status: "aperta",
      }),
    ]);
    for (const person of [rita, tina]) {
      expect((await s.api("DELETE", "/api/v1/people/me", { token: person.token })).status).toBe(204);
    }
    const text = JSON.stringify(await s.c.issueReports.find().toArray());
    expect(text).not.toContain("Rita Segnalatrice");
    expect(text).not.toContain("Tina Coordinatrice");
    expect(JSON.stringify(await s.c.audit.find().toArray())).not.toContain("Segnalatrice");
    const kept = await s.api("GET", `/api/v1/issue-reports/${raised.body.id}`, { token: w.admin.token });
    expect(kept.body).toMatchObject({ status: "aperta", raisedBy: { id: rita.id, name: "Persona rimossa" } });
    const triaged = await s.api("GET", `/api/v1/issue-reports/${other}`, { token: w.admin.token });
    expect(triaged.body.history[0].by).toEqual({ id: tina.id, name: "Persona rimossa" });
  });
});
