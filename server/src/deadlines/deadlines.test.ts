import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgreement, makeOrganisation, makeTable } from "../../../test/support/factories.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { createCtx } from "../shared/context.ts";
import { activities, lombardiaWorld, SIGNED_ON } from "../work-plans/test-fixtures.ts";
import { computeDeadlines } from "./compute.ts";
import { deadlineSection } from "./report-section.ts";
import { emitDeadlineNotices } from "./sweep.ts";

type Item = { key: string; state: string; dueOn: string | null; metOn: string | null; label: string };

describe("agreement deadlines: the Lombardia cycle", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof lombardiaWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await lombardiaWorld(s);
  });
  afterAll(() => s.close());

  const at = (day: string) => {
    s.clock.now = new Date(`${day}T10:00:00+01:00`);
  };
  const deadlines = async (agreement: string, token = w.outsider.token) => {
    const response = await s.api("GET", `/api/v1/agreements/${agreement}/deadlines`, { token });
    expect(response.status).toBe(200);
    return new Map((response.body.items as Item[]).map((d) => [d.key, d]));
  };
  let other = "";
  const ctx = () => createCtx({ db: s.db, bus: s.bus, now: () => new Date(s.clock.now) });

  it("counts 15 and 30 days from signing: both due ten days after it", async () => {
    at("2026-02-12");
    const list = await deadlines(w.agreement);
    expect(list.get("steering_members")).toMatchObject({
      dueOn: "2026-02-17",
      state: "in_scadenza",
      metOn: null,
    });
    expect(list.get("work_plan")).toMatchObject({
      dueOn: "2026-03-04",
      state: "in_scadenza",
      label: "Piano di lavoro presentato all'organo di indirizzo entro 30 giorni dalla stipula",
    });
    expect(list.get("half_yearly:1")).toMatchObject({ dueOn: "2026-08-02", state: "in_scadenza" });
  });

  it("emits deadline.approaching once across two concurrent runs and a third", async () => {
    const before = s.events.length;
    const runs = await Promise.all([emitDeadlineNotices(ctx()), emitDeadlineNotices(ctx())]);
    expect(await emitDeadlineNotices(ctx())).toBe(0);
    expect(runs[0] + runs[1]).toBe(1);
    const emitted = s.events.slice(before).filter((e) => e.type.startsWith("deadline."));
    expect(emitted.map((e) => [e.type, e.payload.deadlineKey, e.payload.daysLeft])).toEqual([
      ["deadline.approaching", "steering_members", 5],
    ]);
  });

  it("designating the steering members and presenting the work plan meets both", async () => {
    at("2026-02-12");
    const people = [w.root, w.admin, w.steeringCoord];
    for (const [i, organisationId] of [w.orgA, w.orgB, w.orgC].entries())
      await w.api("POST", `/tables/${w.steering}/designations`, w.admin.token, {
        organisationId,
        personId: people[i]?.id,
        from: "2026-02-12",
      });
    at("2026-02-20");
    await w.api("PUT", `/tables/${w.tavolo}/work-plan`, w.coord.token, { activities: activities(w.orgA) });
    await w.api("POST", `/tables/${w.tavolo}/work-plan/present`, w.coord.token);
    at("2026-03-10");
    const list = await deadlines(w.agreement);
    expect(list.get("steering_members")).toMatchObject({ state: "rispettata", metOn: "2026-02-12" });
    expect(list.get("work_plan")).toMatchObject({
      state: "rispettata",
      metOn: "2026-02-20",
      metBy: "Piano di lavoro presentato",
    });
    const before = s.events.length;
    await emitDeadlineNotices(ctx());
    expect(s.events.slice(before).filter((e) => e.type === "deadline.overdue")).toEqual([]);
  });

  it("past 30 days without a presentation the work plan deadline is overdue, and emitted once", async () => {
    at(SIGNED_ON);
    other = (
      await w.api("POST", "/agreements", w.root.token, {
        slug: `senza-piano-${Date.now()}`,
        title: "Protocollo senza piano",
        shortName: "Senza piano",
        signedOn: SIGNED_ON,
        adhesionDelayDays: 0,
        withdrawalNotice: { amount: 30, unit: "days" },
      })
    ).id as string;
    await makeTable(s, w.root.token, other, { name: "Cabina di regia", kind: "cabina_di_regia" });
    at("2026-03-05");
    const list = await deadlines(other);
    expect(list.get("work_plan")).toMatchObject({ dueOn: "2026-03-04", state: "scaduta" });
    expect(list.get("steering_members")?.state).toBe("scaduta");
    const before = s.events.length;
    await Promise.all([emitDeadlineNotices(ctx()), emitDeadlineNotices(ctx())]);
    await emitDeadlineNotices(ctx());
    const overdue = s.events
      .slice(before)
      .filter((e) => e.type === "deadline.overdue" && e.payload.agreementId === other)
      .map((e) => e.payload.deadlineKey);
    expect(overdue.sort()).toEqual(["steering_members", "work_plan"]);
    expect(
      await s.c.deadlineNotices.countDocuments({ agreementId: new ObjectId(other), kind: "overdue" }),
    ).toBe(2);
  });

  it("without a signing date the signing-based ones wait for it; adhesions are due after the delay", async () => {
    at("2026-03-05");
    const open = (await makeAgreement(s, w.root.token, { adhesionDelayDays: 15 })).id;
    const org = (await makeOrganisation(s, "Comune di Vigevano"))._id.toHexString();
    await w.api("POST", `/agreements/${open}/adhesions`, w.root.token, { organisationId: org });
    const list = await deadlines(open);
    expect(list.has("steering_members")).toBe(false);
    expect(list.get("half_yearly:1")).toMatchObject({
      dueOn: null,
      state: "in_attesa_stipula",
      label: "Relazione semestrale sui risultati (in attesa della data di stipula)",
    });
    const adhesion = [...list.values()].find((d) => d.key.startsWith("adhesion:"));
    expect(adhesion).toMatchObject({ dueOn: "2026-03-20", state: "in_scadenza" });
    at("2026-03-21");
    expect([...(await deadlines(open)).values()].find((d) => d.key.startsWith("adhesion:"))).toMatchObject({
      state: "rispettata",
      metOn: "2026-03-20",
    });
  });

  it("agreement admins choose which obligations apply; others may not", async () => {
    const url = `/api/v1/agreements/${w.agreement}/deadline-rules`;
    const refused = await s.api("PUT", url, { token: w.coord.token, body: { halfYearlyReports: false } });
    expect(refused.status).toBe(403);
    const set = await s.api("PUT", url, {
      token: w.admin.token,
      body: { halfYearlyReports: false, workPlan: { days: 45 } },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      halfYearlyReports: false,
      workPlan: { enabled: null, days: 45, effective: true },
      steeringMembers: { days: 15, effective: true },
    });
    const list = await deadlines(w.agreement);
    expect([...list.keys()].some((k) => k.startsWith("half_yearly"))).toBe(false);
    expect(list.get("work_plan")?.dueOn).toBe("2026-03-19");
    const bad = await s.api("PUT", url, { token: w.admin.token, body: { approachingDays: -1 } });
    expect(bad.status).toBe(400);
  });

  it("feeds the report with the deadlines due in the period", async () => {
    const section = await deadlineSection(
      ctx(),
      { agreementId: new ObjectId(w.agreement), tableId: null, tables: [] },
      { from: "2026-02-01", to: "2026-03-31" },
      { confidentialTableIds: new Set() },
    );
    expect(section.rows.map((r) => [r.due, r.state])).toEqual([
      ["2026-02-17", "rispettata"],
      ["2026-03-19", "rispettata"],
    ]);
    expect(section.summary.find((f) => f.key === "met")?.value).toBe(2);
    const agreement = await s.c.agreements.findOne({ _id: new ObjectId(w.agreement) });
    if (!agreement) throw new Error("no agreement");
    const asOf = new Map((await computeDeadlines(ctx(), agreement, "2026-02-15")).map((d) => [d.key, d]));
    expect(asOf.get("steering_members")).toMatchObject({ state: "rispettata", metOn: "2026-02-12" });
    // Presented on 20 February: not yet met on the 15th.
    expect(asOf.get("work_plan")).toMatchObject({ state: "in_scadenza", metOn: null });
  });

  it("completes a notice whose run died before recording its event, once", async () => {
    at("2026-07-30");
    const key = `${other}:half_yearly:1:approaching`;
    await s.c.deadlineNotices.insertOne({
      _id: new ObjectId(),
      key,
      agreementId: new ObjectId(other),
      deadlineKey: "half_yearly:1",
      kind: "approaching",
      dueOn: "2026-08-02",
      createdAt: new Date(s.clock.now.getTime() - 3_600_000),
    });
    const before = s.events.length;
    await emitDeadlineNotices(ctx());
    await emitDeadlineNotices(ctx());
    const completed = s.events
      .slice(before)
      .filter((e) => e.type === "deadline.approaching" && e.payload.agreementId === other);
    expect(completed.map((e) => [e.payload.deadlineKey, e.payload.daysLeft])).toEqual([["half_yearly:1", 3]]);
    expect(await s.c.deadlineNotices.countDocuments({ key })).toBe(1);
  });

  it("the calendar half-yearly report meets the six months from signing it ends in", async () => {
    at("2026-07-30");
    // Signed on 2 February: the first six months run to 1 August; the 1st-half report ends on 30 June.
    expect((await deadlines(other)).get("half_yearly:1")?.state).toBe("in_scadenza");
    await w.api("POST", `/agreements/${other}/reports`, w.root.token, {
      preset: "semestrale",
      year: 2026,
      half: 1,
    });
    expect((await deadlines(other)).get("half_yearly:1")).toMatchObject({
      state: "rispettata",
      metOn: "2026-07-30",
      metBy: "Relazione semestrale emessa",
    });
  });
});
