import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedEvents } from "../../../test/support/records.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { meetingWorld } from "../meetings/test-fixtures.ts";
import { raise, reportBody } from "./test-fixtures.ts";

describe("who sees issue reports (DOMAIN rule 10)", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
    await raise(s, w.refA.token, w.openTable, reportBody(w.orgA));
  });
  afterAll(() => s.close());

  it("keeps a confidential title out of every event, and out of sight of people outside the table", async () => {
    const canary = "CANARY-SEGRETO-91c4";
    const raised = await raise(
      s,
      w.refB.token,
      w.openTable,
      reportBody(w.orgB, { title: `Vulnerabilità ${canary}`, description: canary, confidential: true }),
    );
    expect(raised.status).toBe(201);
    const event = s.events.at(-1);
    expect(event?.type).toBe("issue_report.raised");
    expect(event?.payload).toEqual({
      issueReportId: raised.body.id,
      tableId: w.openTable,
      organisationId: w.orgB,
      severity: "media",
      seq: expect.any(Number),
      confidential: true,
    });
    expect(JSON.stringify(s.events)).not.toContain(canary);
    expect(JSON.stringify(await storedEvents(s.c))).not.toContain(canary);

    for (const person of [w.refA, w.coordinator, w.agreementAdmin, w.admin]) {
      const list = await s.api("GET", `/api/v1/tables/${w.openTable}/issue-reports`, { token: person.token });
      expect(JSON.stringify(list.body), person.person.name).toContain(canary);
    }
    const outside = await s.api("GET", `/api/v1/tables/${w.openTable}/issue-reports`, {
      token: w.outsider.token,
    });
    expect(outside.status).toBe(200);
    expect(outside.body.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(outside.body)).not.toContain(canary);
    expect(outside.body.items.every((r: { raisedBy: unknown }) => r.raisedBy === null)).toBe(true);
    const one = await s.api("GET", `/api/v1/issue-reports/${raised.body.id}`, { token: w.outsider.token });
    expect([one.status, one.body.error.code]).toEqual([404, "not_found"]);
    const insider = await s.api("GET", `/api/v1/issue-reports/${raised.body.id}`, { token: w.refA.token });
    expect(insider.body).toMatchObject({ confidential: true, raisedBy: { name: "Bruno Referente B" } });
    expect((await s.api("GET", `/api/v1/tables/${w.openTable}/issue-reports`)).status).toBe(401);
  });

  it("documents its endpoints in the OpenAPI description", async () => {
    const doc = await s.api("GET", "/api/v1/openapi.json");
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        "/tables/{id}/issue-reports",
        "/issue-reports/{id}",
        "/issue-reports/{id}/status",
      ]),
    );
    expect(doc.body.components.schemas.IssueReport).toBeDefined();
  });
});
