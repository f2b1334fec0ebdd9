import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";
import { loadActor } from "../people/load-actor.ts";
import { createCtx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { raiseIssueReport } from "./raise.ts";
import { raise, reportBody, snapshot } from "./test-fixtures.ts";

describe("raising an issue report (DOMAIN rule 8)", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  it("numbers the table's reports, records who raised them and tells the table", async () => {
    const meetingId = (await convene(s, w.coordinator.token, w.openTable)).body.id as string;
    const before = s.events.length;
    const first = await raise(
      s,
      w.refA.token,
      w.openTable,
      reportBody(w.orgA, { meetingId, severity: "alta" }),
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      seq: 1,
      tableId: w.openTable,
      agreementId: w.agreementId,
      organisationId: w.orgA,
      organisationName: "Comune di Caltagirone",
      meetingId,
      title: "Il portale SUAP non accetta la firma CAdES",
      severity: "alta",
      confidential: false,
      status: "aperta",
      raisedBy: { id: w.refA.id, name: "Anna Referente A" },
      history: [],
      createdAt: "2026-03-10T09:00:00.000Z",
    });
    expect(s.events.slice(before).map((e) => [e.type, e.payload])).toEqual([
      [
        "issue_report.raised",
        {
          issueReportId: first.body.id,
          tableId: w.openTable,
          organisationId: w.orgA,
          severity: "alta",
          seq: 1,
          confidential: false,
          title: "Il portale SUAP non accetta la firma CAdES",
        },
      ],
    ]);
    const second = await raise(s, w.refB.token, w.openTable, reportBody(w.orgB, { title: "  Secondo  " }));
    expect(second.body).toMatchObject({ seq: 2, title: "Secondo", description: expect.any(String) });
    const byAdmin = await raise(s, w.admin.token, w.openTable, reportBody(w.orgB));
    expect(byAdmin.body).toMatchObject({ seq: 3, raisedBy: { id: w.admin.id } });
    const audit = await s.c.audit.findOne({
      action: "issue_report.raised",
      entityId: new ObjectId(first.body.id),
    });
    expect(audit?.actorId?.toHexString()).toBe(w.refA.id);
  });

  it("refuses other organisations, organisations not on the table and strangers, changing nothing", async () => {
    const other = await s.createPerson();
    const before = await snapshot(s);
    const cases: [string, string, string, number, string][] = [
      [w.refA.token, w.openTable, w.orgB, 403, "other_organisation"],
      [w.outsider.token, w.openTable, w.orgA, 403, "forbidden"],
      [w.coordinator.token, w.openTable, w.orgA, 403, "forbidden"],
      [w.agreementAdmin.token, w.openTable, w.orgA, 403, "forbidden"],
      [w.refB.token, w.foundersTable, w.orgB, 409, "organisation_not_on_table"],
      [w.admin.token, w.openTable, new ObjectId().toHexString(), 409, "organisation_not_on_table"],
      [w.refA.token, new ObjectId().toHexString(), w.orgA, 404, "not_found"],
      [w.refA.token, "nope", w.orgA, 400, "invalid_id"],
    ];
    for (const [token, tableId, organisationId, status, code] of cases) {
      const res = await raise(s, token, tableId, reportBody(organisationId));
      expect([res.status, res.body.error?.code], `${tableId} ${organisationId}`).toEqual([status, code]);
    }
    const en = await s.api("POST", `/api/v1/tables/${w.foundersTable}/issue-reports`, {
      token: w.refB.token,
      body: reportBody(w.orgB),
      lang: "en",
    });
    expect(en.body.error.message).toBe("The organisation does not sit on this table.");
    expect((await raise(s, other.token, w.openTable, reportBody(w.orgA))).status).toBe(403);
    expect(await snapshot(s)).toEqual(before);
  });

  it("refuses bad input with its own code and an Italian message, changing nothing", async () => {
    const elsewhere = (await convene(s, w.admin.token, w.foundersTable)).body.id as string;
    const before = await snapshot(s);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ title: "" }, 400, "validation_failed"],
      [{ title: "    " }, 400, "validation_failed"],
      [{ title: "x".repeat(201) }, 400, "validation_failed"],
      [{ description: "x".repeat(5001) }, 400, "validation_failed"],
      [{ severity: "critica" }, 400, "validation_failed"],
      [{ severity: undefined }, 400, "validation_failed"],
      [{ confidential: "sì" }, 400, "validation_failed"],
      [{ organisationId: "nope" }, 400, "validation_failed"],
      [{ meetingId: "nope" }, 400, "validation_failed"],
      [{ status: "risolta" }, 400, "validation_failed"],
      [{ meetingId: elsewhere }, 400, "meeting_not_of_table"],
      [{ meetingId: new ObjectId().toHexString() }, 404, "not_found"],
    ];
    for (const [overrides, status, code] of cases) {
      const res = await raise(s, w.refA.token, w.openTable, reportBody(w.orgA, overrides));
      expect([res.status, res.body.error?.code], JSON.stringify(overrides)).toEqual([status, code]);
    }
    const it = await raise(s, w.refA.token, w.openTable, reportBody(w.orgA, { title: "" }));
    expect(it.body.error.message).toBe("Dati non validi.");
    const wrongMeeting = await raise(
      s,
      w.refA.token,
      w.openTable,
      reportBody(w.orgA, { meetingId: elsewhere }),
    );
    expect(wrongMeeting.body.error.message).toBe("La riunione indicata non è di questo tavolo.");
    const notJson = await s.api("POST", `/api/v1/tables/${w.openTable}/issue-reports`, {
      token: w.refA.token,
      rawBody: "{title:",
    });
    expect([notJson.status, notJson.body.error.code]).toEqual([400, "invalid_json"]);
    expect(await snapshot(s)).toEqual(before);
  });

  it("checks the same bounds when called directly, as the Slack bot does", async () => {
    const actor = await loadActor(s.c, new ObjectId(w.refA.id), s.clock.now);
    const ctx = createCtx({ db: s.db, bus: s.bus, actor, now: () => s.clock.now });
    const input = {
      tableId: new ObjectId(w.openTable),
      organisationId: new ObjectId(w.orgA),
      title: "x".repeat(201),
      description: "",
      severity: "media" as const,
      confidential: false,
      meetingId: null,
    };
    const before = await snapshot(s);
    const refused = await raiseIssueReport({ ctx, input }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("validation_failed");
    expect(await snapshot(s)).toEqual(before);
    const doc = await raiseIssueReport({ ctx, input: { ...input, title: "Dal bot" } });
    expect(doc).toMatchObject({ title: "Dal bot", status: "aperta", raisedByName: "Anna Referente A" });
  });

  it("gives concurrent reports on one table distinct consecutive numbers", async () => {
    const table = new ObjectId(w.openTable);
    const last = (await s.c.issueReports.find({ tableId: table }).sort({ seq: -1 }).limit(1).toArray())[0];
    const start = last?.seq ?? 0;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        raise(s, i % 2 ? w.refA.token : w.refB.token, w.openTable, reportBody(i % 2 ? w.orgA : w.orgB)),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const numbers = results.map((r) => r.body.seq as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => start + i + 1));
    const page = await s.api("GET", `/api/v1/tables/${w.openTable}/issue-reports?limit=5`, {
      token: w.coordinator.token,
    });
    expect(page.body.items).toHaveLength(5);
    expect(page.body.nextCursor).toEqual(expect.any(String));
  });
});
