import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { raise, reportBody, triage } from "../issue-reports/test-fixtures.ts";
import { createServiceVia, serviceBody, serviceSnapshot, serviceWorld } from "./test-fixtures.ts";

describe("the shared services catalogue", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof serviceWorld>>;
  let serviceId: string;
  beforeAll(async () => {
    s = await startTestServer();
    w = await serviceWorld(s);
    const created = await createServiceVia(
      s,
      w.agreementAdmin.token,
      w.agreementId,
      serviceBody(w.provider, { subscriberIds: [w.orgA], tableId: w.openTable }),
    );
    expect(created.status).toBe(201);
    serviceId = created.body.id;
  });
  afterAll(() => s.close());

  const api = (method: string, path: string, token: string, body?: unknown) =>
    s.api(method, `/api/v1${path}`, { token, body });

  it("is created by the agreement's admins with provider, subscribers and levels", async () => {
    const got = await api("GET", `/services/${serviceId}`, w.refB.token);
    expect(got.body).toMatchObject({
      agreementId: w.agreementId,
      tableId: w.openTable,
      name: "Conservazione sostitutiva",
      provider: { id: w.provider, name: "Consorzio Informatico Calatino" },
      status: "attivo",
      levels: { availabilityPercent: 99.5, responseHours: 8, resolutionHours: 72 },
      subscribers: [{ id: w.orgA, name: "Comune di Caltagirone", since: "2026-03-10T09:00:00.000Z" }],
      availability: [],
      monitoring: {
        availability: { target: 99.5, measured: null, verdict: null },
        response: { target: 8, measured: null, verdict: null },
        reports: 0,
      },
    });
    const catalogue = await api("GET", `/agreements/${w.agreementId}/services`, w.refA.token);
    expect(catalogue.body.items.map((i: { id: string }) => i.id)).toEqual([serviceId]);
    const event = s.events.find((e) => e.type === "service.created");
    expect(event?.payload).toEqual({
      serviceId,
      agreementId: w.agreementId,
      providerId: w.provider,
      status: "attivo",
      subscribers: 1,
    });
  });

  it("refuses strangers, non-members, foreign tables and duplicate names, changing nothing", async () => {
    const outsiderOrg = new ObjectId().toHexString();
    const before = await serviceSnapshot(s);
    const cases: [string, unknown, number, string][] = [
      [w.refA.token, serviceBody(w.provider, { name: "Altro" }), 403, "forbidden"],
      [w.coordinator.token, serviceBody(w.provider, { name: "Altro" }), 403, "forbidden"],
      [
        w.agreementAdmin.token,
        serviceBody(outsiderOrg, { name: "Altro" }),
        409,
        "service_organisation_not_member",
      ],
      [
        w.agreementAdmin.token,
        serviceBody(w.provider, { name: "Altro", subscriberIds: [outsiderOrg] }),
        409,
        "service_organisation_not_member",
      ],
      [
        w.agreementAdmin.token,
        serviceBody(w.provider, { name: "Altro", tableId: new ObjectId().toHexString() }),
        400,
        "service_table_not_of_agreement",
      ],
      [w.agreementAdmin.token, serviceBody(w.provider), 409, "service_name_taken"],
      [
        w.agreementAdmin.token,
        serviceBody(w.provider, { levels: { availabilityPercent: 101 } }),
        400,
        "validation_failed",
      ],
      [w.agreementAdmin.token, serviceBody(w.provider, { status: "chiuso" }), 400, "validation_failed"],
    ];
    for (const [token, body, status, code] of cases) {
      const res = await createServiceVia(s, token, w.agreementId, body);
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const duplicate = await createServiceVia(
      s,
      w.agreementAdmin.token,
      w.agreementId,
      serviceBody(w.provider),
    );
    expect(duplicate.body.error.message).toMatch(/^L'accordo ha già un servizio/);
    expect(await serviceSnapshot(s)).toEqual(before);
  });

  it("lets a referent subscribe and unsubscribe only their own organisation", async () => {
    const path = `/services/${serviceId}/subscriptions`;
    const before = await serviceSnapshot(s);
    const refused: [string, string, number, string][] = [
      [w.refA.token, w.orgB, 403, "other_organisation"],
      [w.outsider.token, w.orgB, 403, "forbidden"],
      [w.refA.token, w.orgA, 409, "service_already_subscribed"],
    ];
    for (const [token, organisationId, status, code] of refused) {
      const res = await api("POST", path, token, { organisationId });
      expect([res.status, res.body.error?.code]).toEqual([status, code]);
    }
    expect((await api("DELETE", `${path}/${w.orgA}`, w.refB.token)).body.error.code).toBe(
      "other_organisation",
    );
    expect(await serviceSnapshot(s)).toEqual(before);

    const joined = await api("POST", path, w.refB.token, { organisationId: w.orgB });
    expect(joined.status).toBe(201);
    expect(joined.body.subscribers.map((x: { id: string }) => x.id)).toEqual([w.orgA, w.orgB]);
    const left = await api("DELETE", `${path}/${w.orgB}`, w.refB.token);
    expect(left.body.subscribers.map((x: { id: string }) => x.id)).toEqual([w.orgA]);
    const again = await api("DELETE", `${path}/${w.orgB}`, w.refB.token);
    expect([again.status, again.body.error?.code]).toEqual([409, "service_not_subscribed"]);
    expect((await api("POST", path, w.agreementAdmin.token, { organisationId: w.orgB })).status).toBe(201);
    expect(
      s.events
        .filter((e) => e.type.startsWith("service.") && e.type.includes("subscribed"))
        .map((e) => e.type),
    ).toEqual(["service.subscribed", "service.unsubscribed", "service.subscribed"]);
  });

  it("lets the provider's referents describe their service, and only admins change the rest", async () => {
    const path = `/services/${serviceId}`;
    const described = await api("PATCH", path, w.providerRef.token, {
      description: "Conservazione a norma AgID.",
    });
    expect([described.status, described.body.description]).toEqual([200, "Conservazione a norma AgID."]);
    const before = await serviceSnapshot(s);
    const refused: [string, unknown, number, string][] = [
      [w.providerRef.token, { status: "dismesso" }, 403, "forbidden"],
      [w.refA.token, { description: "Non mio" }, 403, "forbidden"],
      [w.agreementAdmin.token, {}, 400, "validation_failed"],
      [
        w.agreementAdmin.token,
        { tableId: w.foundersTable.replace(/./, "0") },
        400,
        "service_table_not_of_agreement",
      ],
    ];
    for (const [token, body, status, code] of refused) {
      const res = await api("PATCH", path, token, body);
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect(await serviceSnapshot(s)).toEqual(before);
    const changed = await api("PATCH", path, w.agreementAdmin.token, {
      levels: { availabilityPercent: 99.5, responseHours: 8, resolutionHours: 48 },
    });
    expect(changed.body.levels.resolutionHours).toBe(48);
    expect(s.events.filter((e) => e.type === "service.updated").at(-1)?.payload).toMatchObject({
      fields: ["levels"],
      from: "attivo",
      to: "attivo",
    });
  });

  it("measures availability per period against the target", async () => {
    const path = `/services/${serviceId}/availability`;
    const before = await serviceSnapshot(s);
    const refused: [string, unknown, number, string][] = [
      [w.refA.token, { from: "2026-02-01", to: "2026-02-28", measuredPercent: 99 }, 403, "forbidden"],
      [w.providerRef.token, { from: "2026-02-28", to: "2026-02-01", measuredPercent: 99 }, 400, "date_order"],
      [
        w.providerRef.token,
        { from: "2026-03-01", to: "2026-03-31", measuredPercent: 99 },
        400,
        "date_in_future",
      ],
      [
        w.providerRef.token,
        { from: "2026-02-01", to: "2026-02-28", measuredPercent: 100.5 },
        400,
        "validation_failed",
      ],
    ];
    for (const [token, body, status, code] of refused) {
      const res = await api("POST", path, token, body);
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect(await serviceSnapshot(s)).toEqual(before);
    const january = await api("POST", path, w.agreementAdmin.token, {
      from: "2026-01-01",
      to: "2026-01-31",
      measuredPercent: 99.9,
    });
    expect(january.status).toBe(201);
    const february = await api("POST", path, w.providerRef.token, {
      from: "2026-02-01",
      to: "2026-02-28",
      measuredPercent: 99.1,
    });
    expect(february.body.availability.map((m: { met: boolean }) => m.met)).toEqual([true, false]);
    expect(february.body.monitoring.availability).toEqual({
      target: 99.5,
      measured: Math.round(((99.9 * 31 + 99.1 * 28) / 59) * 100) / 100,
      verdict: "met",
    });
    const inFebruary = await api("GET", `/services/${serviceId}?from=2026-02-01&to=2026-02-28`, w.refB.token);
    expect(inFebruary.body.monitoring).toMatchObject({
      from: "2026-02-01",
      to: "2026-02-28",
      availability: { measured: 99.1, verdict: "breached" },
    });
    const backwards = await api("GET", `/services/${serviceId}?from=2026-02-28&to=2026-02-01`, w.refB.token);
    expect([backwards.status, backwards.body.error?.code]).toEqual([400, "date_order"]);
    expect(s.events.filter((e) => e.type === "service.availability_recorded").at(-1)?.payload).toMatchObject({
      measuredPercent: 99.1,
      met: false,
    });
  });

  it("takes issue reports naming the service, and measures response and resolution from them", async () => {
    const t0 = new Date("2026-03-10T09:00:00Z");
    const hoursLater = (h: number) => new Date(t0.getTime() + h * 3_600_000);
    s.clock.now = t0;
    const first = await raise(s, w.refA.token, w.openTable, reportBody(w.orgA, { serviceId }));
    expect([first.status, first.body.serviceId]).toEqual([201, serviceId]);
    const second = (await raise(s, w.refB.token, w.openTable, reportBody(w.orgB, { serviceId }))).body.id;
    const unrelated = await raise(s, w.refB.token, w.openTable, reportBody(w.orgB));
    expect(unrelated.body.serviceId).toBeNull();
    s.clock.now = hoursLater(4);
    await triage(s, w.coordinator.token, first.body.id, "in_esame");
    s.clock.now = hoursLater(10);
    await triage(s, w.coordinator.token, first.body.id, "risolta");
    s.clock.now = hoursLater(14);
    await triage(s, w.coordinator.token, second, "in_esame");

    const named = await api(
      "GET",
      `/tables/${w.openTable}/issue-reports?serviceId=${serviceId}`,
      w.refB.token,
    );
    expect(named.body.items.map((r: { id: string }) => r.id).sort()).toEqual([first.body.id, second].sort());
    const got = await api("GET", `/services/${serviceId}`, w.refB.token);
    expect(got.body.monitoring).toMatchObject({
      response: { target: 8, measured: 9, verdict: "breached" },
      resolution: { target: 48, measured: 10, verdict: "met" },
      reports: 2,
    });
    const elsewhere = await serviceWorld(s);
    const foreign = await createServiceVia(
      s,
      elsewhere.agreementAdmin.token,
      elsewhere.agreementId,
      serviceBody(elsewhere.provider, { name: "Pagamenti pagoPA" }),
    );
    const before = await serviceSnapshot(s);
    for (const id of [foreign.body.id, new ObjectId().toHexString()]) {
      const res = await raise(s, w.refA.token, w.openTable, reportBody(w.orgA, { serviceId: id }));
      expect([res.status, res.body.error?.code]).toEqual([400, "service_not_of_agreement"]);
    }
    expect(await serviceSnapshot(s)).toEqual(before);
  });
});
