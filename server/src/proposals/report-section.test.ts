import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { meetingWorld } from "../meetings/test-fixtures.ts";
import { createCtx } from "../shared/context.ts";
import { proposalsReportSection } from "./report-section.ts";
import { actOf, addressedProposal, adopt, proposalBody } from "./test-fixtures.ts";

describe("the proposals section of a periodic report", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
    // Addressed on 10 March: Caltagirone adopts the same day, Mineo refuses on 5 April.
    const open = await addressedProposal(s, w.coordinator.token, w.openTable);
    await adopt(s, w.refA.token, open, w.orgA, { state: "adottata", act: actOf("2026-03-10") });
    await addressedProposal(
      s,
      w.coordinator.token,
      w.openTable,
      proposalBody({ title: "CANARY-RISERVATA", confidential: true }),
      {
        organisationIds: [w.orgA],
      },
    );
    s.clock.now = new Date("2026-04-05T09:00:00Z");
    await adopt(s, w.refB.token, open, w.orgB, { state: "non_adottata", reason: "Già in uso" });
    // Addressed after the first quarter: not in its report.
    await addressedProposal(
      s,
      w.coordinator.token,
      w.openTable,
      proposalBody({ title: "Proposta di aprile" }),
    );
  });
  afterAll(() => s.close());

  async function section(to: string, confidentialTableIds: string[] = []) {
    const ctx = createCtx({ db: s.db, bus: s.bus, now: () => new Date(s.clock.now) });
    const table = await s.c.tables.findOne({ _id: new ObjectId(w.openTable) });
    if (!table) throw new Error("no table");
    const scope = { agreementId: new ObjectId(w.agreementId), tableId: table._id, tables: [table] };
    return proposalsReportSection(
      ctx,
      scope,
      { from: "2026-01-01", to },
      { confidentialTableIds: new Set(confidentialTableIds) },
    );
  }

  it("shows each proposal's answers as they stood at the period's end, hiding a confidential title", async () => {
    const q1 = await section("2026-03-31");
    expect(q1.key).toBe("proposals");
    expect(q1.rows).toEqual([
      expect.objectContaining({
        title: proposalBody().title,
        addressed: 2,
        adopted: 1,
        notAdopted: 0,
        pending: 1,
        ratePercent: 50,
        acts: "Comune di Caltagirone: Delibera di Giunta n. 45/2026 del 10/03/2026",
      }),
      expect.objectContaining({
        title: "Proposta riservata",
        addressed: 1,
        adopted: 0,
        pending: 1,
        ratePercent: 0,
        acts: null,
      }),
    ]);
    expect(JSON.stringify(q1)).not.toContain("CANARY");
    expect(Object.fromEntries(q1.summary.map((f) => [f.key, f.value]))).toMatchObject({
      proposals: 2,
      adopted: 1,
      pending: 2,
      ratePercent: 33.3,
    });
    expect(q1.chart).toMatchObject({ labelColumn: "title", valueColumn: "ratePercent", max: 100 });
  });

  it("counts later answers and proposals in a later period, and shows the title to the table's circle", async () => {
    const april = await section("2026-04-30", [w.openTable]);
    expect(april.rows.map((r) => [r.title, r.adopted, r.notAdopted, r.pending])).toEqual([
      [proposalBody().title, 1, 1, 0],
      ["CANARY-RISERVATA", 0, 0, 1],
      ["Proposta di aprile", 0, 0, 2],
    ]);
  });
});
