import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { meetingWorld } from "../meetings/test-fixtures.ts";
import { createCtx } from "../shared/context.ts";
import { issueReportSection } from "./report-section.ts";
import { raise, reportBody, triage } from "./test-fixtures.ts";

describe("the issue reports' section of a periodic report", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  const t0 = new Date("2026-03-10T09:00:00Z");
  const later = (h: number) => new Date(t0.getTime() + h * 3_600_000);
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
    await s.c.tables.updateOne({ _id: new ObjectId(w.foundersTable) }, { $set: { kind: "cabina_di_regia" } });
    s.clock.now = t0;
    const solved = (await raise(s, w.refA.token, w.openTable, reportBody(w.orgA, { severity: "alta" }))).body
      .id;
    const secret = (
      await raise(
        s,
        w.refB.token,
        w.openTable,
        reportBody(w.orgB, { confidential: true, title: "CANARY riservato" }),
      )
    ).body.id;
    s.clock.now = later(2);
    await triage(s, w.coordinator.token, solved, "in_esame");
    await triage(s, w.coordinator.token, secret, "in_esame");
    s.clock.now = later(6);
    await triage(s, w.coordinator.token, solved, "inoltrata");
    s.clock.now = later(30);
    await triage(s, w.agreementAdmin.token, solved, "risolta");
    s.clock.now = later(40);
  });
  afterAll(() => s.close());

  const section = async (
    confidentialTableIds: string[],
    period = { from: "2026-03-01", to: "2026-03-31" },
  ) => {
    const ctx = createCtx({ db: s.db, bus: s.bus, now: () => new Date(s.clock.now) });
    const tables = await s.c.tables.find({ agreementId: new ObjectId(w.agreementId) }).toArray();
    return issueReportSection(
      ctx,
      { agreementId: new ObjectId(w.agreementId), tableId: null, tables },
      period,
      { confidentialTableIds: new Set(confidentialTableIds) },
    );
  };

  it("lists the period's reports with their times, and the summary and chart", async () => {
    const got = await section([w.openTable]);
    expect(got.key).toBe("issue_reports");
    expect(Object.fromEntries(got.summary.map((f) => [f.key, f.value]))).toEqual({
      opened: 2,
      escalated: 1,
      resolved: 1,
      median_hours_to_resolution: 30,
    });
    expect(got.rows[0]).toEqual({
      report: "WP1 Servizi digitali #1",
      table: "WP1 Servizi digitali",
      title: "Il portale SUAP non accetta la firma CAdES",
      severity: "alta",
      status: "risolta",
      escalated: true,
      raised_on: "2026-03-10",
      hours_to_triage: 2,
      hours_to_resolution: 30,
      hours_aperta: 2,
      hours_in_esame: 4,
      hours_inoltrata: 24,
    });
    expect(got.rows[1]).toMatchObject({ title: "CANARY riservato", status: "in_esame", hours_in_esame: 38 });
    expect(got.chart).toMatchObject({ labelColumn: "report", valueColumn: "hours_to_resolution" });
    expect(got.columns.map((c) => c.key)).toEqual(Object.keys(got.rows[0] ?? {}));
  });

  it("counts a confidential report without its title outside the audience, and keeps to the period", async () => {
    const got = await section([]);
    expect(got.rows[1]).toMatchObject({ title: "Segnalazione riservata", severity: "media" });
    expect(JSON.stringify(got)).not.toContain("CANARY");
    const april = await section([w.openTable], { from: "2026-04-01", to: "2026-04-30" });
    expect(april.rows).toEqual([]);
    expect(april.summary.find((f) => f.key === "median_hours_to_resolution")?.value).toBeNull();
  });
});
