import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { createApiToken } from "../auth/create-token.ts";
import { loadActor } from "../people/load-actor.ts";
import { createCtx } from "../shared/context.ts";
import { seedDemoIfEmpty } from "./seed.ts";

describe("demo services and issue reports (Rete CST Piemonte)", () => {
  let s: TestServer;
  let gallo: string;
  let agreementId: string;
  beforeAll(async () => {
    s = await startTestServer();
    s.clock.now = new Date();
    expect((await seedDemoIfEmpty({ db: s.db, bus: s.bus, config: s.config })).seeded).toBe(true);
    const person = await s.c.people.findOne({ email: "federica.gallo@regione-piemonte.example.it" });
    if (!person) throw new Error("no Federica Gallo");
    const actor = await loadActor(s.c, person._id, new Date());
    gallo = (await createApiToken({ ctx: createCtx({ db: s.db, bus: s.bus, actor }), input: { name: "t" } }))
      .token;
    agreementId = (await s.c.agreements.findOne({ slug: "rete-cst-piemonte" }))?._id.toHexString() ?? "";
  });
  afterAll(() => s.close());

  it("has a catalogue of three services with levels, subscribers and last month's availability", async () => {
    const catalogue = await s.api("GET", `/api/v1/agreements/${agreementId}/services`, { token: gallo });
    expect(catalogue.body.items.map((i: { name: string }) => i.name)).toEqual([
      "Conservazione sostitutiva",
      "Pagamenti pagoPA",
      "SUAP associato",
    ]);
    const [conservazione, pagopa, suap] = catalogue.body.items;
    expect(conservazione).toMatchObject({
      provider: { name: "CSI-Piemonte" },
      subscribers: [{}, {}, {}],
      monitoring: {
        availability: { measured: 99.7, verdict: "met" },
        resolution: { measured: expect.any(Number) },
      },
    });
    expect(pagopa.monitoring.availability.verdict).toBe("breached");
    expect(suap).toMatchObject({ status: "in_attivazione", subscribers: [{ name: "Provincia di Cuneo" }] });
  });

  it("has a report resolved by the Comitato Guida and one still in its queue, both naming a service", async () => {
    const open = await s.api("GET", `/api/v1/agreements/${agreementId}/escalations`, { token: gallo });
    expect(open.body.steeringTableName).toBe("Comitato Guida regionale");
    expect(open.body.items).toEqual([
      expect.objectContaining({
        title: "Ricevute pagoPA non riconciliate",
        status: "inoltrata",
        assignee: { id: expect.any(String), name: "Monica Ferrero" },
        serviceId: expect.any(String),
      }),
    ]);
    const resolved = await s.api("GET", `/api/v1/agreements/${agreementId}/escalations?state=resolved`, {
      token: gallo,
    });
    expect(resolved.body.items).toEqual([
      expect.objectContaining({
        title: "Versamenti in conservazione rifiutati",
        status: "risolta",
        comments: 2,
      }),
    ]);
    const report = await s.api("GET", `/api/v1/issue-reports/${resolved.body.items[0].id}`, { token: gallo });
    expect(report.body.timeInStatus).toEqual({ aperta: 3 * 3600, in_esame: 21 * 3600, inoltrata: 72 * 3600 });
    expect(await s.c.issueReports.countDocuments({ status: "risolta" })).toBe(2);
    expect(await s.c.issueReports.countDocuments({ status: "aperta", confidential: true })).toBe(1);
  });
});
