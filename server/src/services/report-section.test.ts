import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { raise, reportBody, triage } from "../issue-reports/test-fixtures.ts";
import { createCtx } from "../shared/context.ts";
import { serviceSection } from "./report-section.ts";
import { createServiceVia, serviceBody, serviceWorld } from "./test-fixtures.ts";

describe("the shared services' section of a periodic report", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof serviceWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await serviceWorld(s);
    const body = serviceBody(w.provider, { subscriberIds: [w.orgA, w.orgB], tableId: w.openTable });
    const id = (await createServiceVia(s, w.agreementAdmin.token, w.agreementId, body)).body.id;
    await createServiceVia(
      s,
      w.agreementAdmin.token,
      w.agreementId,
      serviceBody(w.provider, { name: "SUAP associato" }),
    );
    await s.api("POST", `/api/v1/services/${id}/availability`, {
      token: w.providerRef.token,
      body: { from: "2026-02-01", to: "2026-02-28", measuredPercent: 99.8 },
    });
    const report = (await raise(s, w.refA.token, w.openTable, reportBody(w.orgA, { serviceId: id }))).body.id;
    s.clock.now = new Date("2026-03-10T21:00:00Z");
    await triage(s, w.coordinator.token, report, "in_esame");
  });
  afterAll(() => s.close());

  const section = async (tableId: string | null) => {
    const ctx = createCtx({ db: s.db, bus: s.bus, now: () => new Date(s.clock.now) });
    const tables = await s.c.tables.find({ agreementId: new ObjectId(w.agreementId) }).toArray();
    return serviceSection(
      ctx,
      { agreementId: new ObjectId(w.agreementId), tableId: tableId ? new ObjectId(tableId) : null, tables },
      { from: "2026-01-01", to: "2026-06-30" },
      { confidentialTableIds: new Set() },
    );
  };

  it("has one row per service with provider, subscribers, targets against measured and the verdict", async () => {
    const got = await section(null);
    expect(got.key).toBe("services");
    expect(got.rows).toEqual([
      {
        service: "Conservazione sostitutiva",
        provider: "Consorzio Informatico Calatino",
        status: "attivo",
        subscribers: 2,
        availability_target: 99.5,
        availability_measured: 99.8,
        response_target_hours: 8,
        response_median_hours: 12,
        resolution_target_hours: 72,
        resolution_median_hours: null,
        reports: 1,
        verdict: "breached",
      },
      expect.objectContaining({ service: "SUAP associato", subscribers: 0, verdict: null }),
    ]);
    expect(got.summary.find((f) => f.key === "breached")?.value).toBe(1);
    expect(got.columns.map((c) => c.key)).toEqual(Object.keys(got.rows[0] ?? {}));
    expect((await section(w.openTable)).rows.map((r) => r.service)).toEqual(["Conservazione sostitutiva"]);
  });
});
