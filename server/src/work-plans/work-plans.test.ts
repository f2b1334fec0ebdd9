import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { createCtx } from "../shared/context.ts";
import { workPlanSection } from "./report-section.ts";
import { activities, lombardiaWorld, snapshot } from "./test-fixtures.ts";

describe("work plans: draft, presentation to the cabina di regia, approval, monitoring, versions", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof lombardiaWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await lombardiaWorld(s);
    s.clock.now = new Date("2026-02-20T10:00:00+01:00");
  });
  afterAll(() => s.close());

  const plan = (token: string, body: unknown) =>
    s.api("PUT", `/api/v1/tables/${w.tavolo}/work-plan`, { token, body });
  const post = (token: string, path: string, body?: unknown) =>
    s.api("POST", `/api/v1${path}`, { token, body });

  it("refuses bad drafts and referents with nothing written", async () => {
    const before = await snapshot(s);
    const late = await plan(w.coord.token, { activities: activities(w.orgA, [{ dueOn: "2026-02-01" }]) });
    expect(late.status).toBe(400);
    expect(late.body.error.code).toBe("date_order");
    const stranger = await plan(w.coord.token, { activities: activities(new ObjectId().toHexString()) });
    expect(stranger.body.error.code).toBe("work_plan_owner_not_member");
    const done = await plan(w.coord.token, {
      activities: activities(w.orgA, [{ status: "completata", progress: 80 }]),
    });
    expect(done.status).toBe(400);
    const referent = await plan(w.refA.token, { activities: activities(w.orgA) });
    expect(referent.status).toBe(403);
    expect(await snapshot(s)).toEqual(before);
  });

  let v1 = "";
  let firstActivity = "";
  it("a coordinator drafts, presents it to the steering table, and then it is frozen", async () => {
    const draft = await plan(w.coord.token, { activities: activities(w.orgA) });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ version: 1, state: "bozza", tableId: w.tavolo });
    expect(draft.body.activities[0]).toMatchObject({
      ownerOrganisationName: "Regione Lombardia",
      theme: { code: "AC1", title: "Razionalizzazione data center" },
      status: "da_avviare",
      progress: 0,
    });
    v1 = draft.body.id;
    firstActivity = draft.body.activities[0].id;
    const presented = await post(w.coord.token, `/tables/${w.tavolo}/work-plan/present`);
    expect(presented.status).toBe(200);
    expect(presented.body).toMatchObject({
      state: "presentata",
      presentation: { by: { id: w.coord.id, name: "Valentina Sala" }, steeringTableId: w.steering },
    });
    const before = await snapshot(s);
    const edit = await plan(w.coord.token, { activities: activities(w.orgA, [{ title: "Altro" }]) });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe("work_plan_frozen");
    const progress = await post(w.coord.token, `/work-plans/${v1}/activities/${firstActivity}/progress`, {
      status: "in_corso",
      progress: 10,
    });
    expect(progress.body.error.code).toBe("work_plan_not_in_force");
    expect(await snapshot(s)).toEqual(before);
  });

  it("only the steering table's coordinators or the agreement's admins approve, once", async () => {
    const refused = await post(w.coord.token, `/work-plans/${v1}/approve`, {});
    expect(refused.status).toBe(403);
    const approved = await post(w.steeringCoord.token, `/work-plans/${v1}/approve`, {
      note: "Approvato all'unanimità",
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      state: "approvata",
      decision: {
        outcome: "approvata",
        by: { id: w.steeringCoord.id },
        meetingId: null,
        note: "Approvato all'unanimità",
      },
    });
    const again = await post(w.admin.token, `/work-plans/${v1}/reject`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("work_plan_transition_invalid");
  });

  it("monitors the plan in force: progress with history, the owner's referent for their own activity only", async () => {
    const url = `/work-plans/${v1}/activities/${firstActivity}/progress`;
    const first = await post(w.coord.token, url, {
      status: "in_corso",
      progress: 40,
      note: "Rilevati 12 Comuni",
    });
    expect(first.status).toBe(200);
    const byOwner = await post(w.refA.token, url, { status: "in_corso", progress: 60, on: "2026-02-19" });
    expect(byOwner.status).toBe(200);
    expect(byOwner.body.activities[0]).toMatchObject({ status: "in_corso", progress: 60 });
    expect(byOwner.body.activities[0].progressHistory).toMatchObject([
      {
        from: { status: "da_avviare", progress: 0 },
        to: { status: "in_corso", progress: 40 },
        note: "Rilevati 12 Comuni",
      },
      { on: "2026-02-19", by: { id: w.refA.id }, to: { progress: 60 } },
    ]);
    const other = await post(w.refB.token, url, { status: "completata", progress: 100 });
    expect(other.status).toBe(403);
    const future = await post(w.coord.token, url, { status: "in_corso", progress: 70, on: "2026-03-01" });
    expect(future.body.error.code).toBe("date_in_future");
    const event = s.events.findLast((e) => e.type === "work_plan.progress_updated");
    expect(event?.payload).toMatchObject({ activityId: firstActivity, progress: 60, confidential: false });
  });

  it("hides confidential activities outside the table, and events never carry their text", async () => {
    const outside = await s.api("GET", `/api/v1/tables/${w.tavolo}/work-plan`, { token: w.outsider.token });
    expect(outside.status).toBe(200);
    expect(outside.body.inForce.activities[1]).toMatchObject({
      title: "Attività riservata",
      description: "",
    });
    const inside = await s.api("GET", `/api/v1/tables/${w.tavolo}/work-plan`, { token: w.refA.token });
    expect(inside.body.inForce.activities[1].title).toBe("Valutazione delle offerte cloud qualificate");
    const planEvents = s.events.filter((e) => e.type.startsWith("work_plan."));
    expect(JSON.stringify(planEvents)).not.toContain("offerte cloud");
  });

  it("a new version is a draft copy; presented, the old one stays in force until the new one is approved", async () => {
    const v2 = await post(w.coord.token, `/tables/${w.tavolo}/work-plan/versions`);
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, state: "bozza", basedOnId: v1 });
    expect(v2.body.activities[0]).toMatchObject({ id: firstActivity, progress: 60 });
    const twice = await post(w.coord.token, `/tables/${w.tavolo}/work-plan/versions`);
    expect(twice.body.error.code).toBe("work_plan_draft_exists");
    const kept = v2.body.activities.map((a: { id: string; title: string }) => ({ id: a.id }));
    const edited = await plan(w.coord.token, {
      revision: v2.body.revision,
      activities: [
        { ...activities(w.orgA)[0], id: kept[0].id, status: "in_corso", progress: 60 },
        {
          title: "Piano di migrazione",
          ownerOrganisationId: w.orgB,
          startOn: "2026-05-01",
          dueOn: "2026-09-30",
        },
      ],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.activities[0].progressHistory).toHaveLength(2);
    await post(w.coord.token, `/tables/${w.tavolo}/work-plan/present`);
    const current = await s.api("GET", `/api/v1/tables/${w.tavolo}/work-plan`, { token: w.coord.token });
    expect(current.body.inForce.id).toBe(v1);
    expect(current.body.presented.id).toBe(v2.body.id);
    s.clock.now = new Date("2026-02-25T10:00:00+01:00");
    await post(w.admin.token, `/work-plans/${v2.body.id}/approve`, {});
    const versions = await s.api("GET", `/api/v1/tables/${w.tavolo}/work-plan/versions`, {
      token: w.outsider.token,
    });
    expect(versions.body.items.map((v: { version: number; state: string }) => [v.version, v.state])).toEqual([
      [2, "approvata"],
      [1, "superseded"],
    ]);
    expect(versions.body.items[1].supersededById).toBe(v2.body.id);
  });

  it("feeds the periodic report with the plan in force at the period's end", async () => {
    const ctx = createCtx({ db: s.db, bus: s.bus, now: () => new Date(s.clock.now) });
    const table = await s.c.tables.findOne({ _id: new ObjectId(w.tavolo) });
    const scope = {
      agreementId: new ObjectId(w.agreement),
      tableId: table?._id ?? null,
      tables: table ? [table] : [],
    };
    const atV1 = await workPlanSection(
      ctx,
      scope,
      { from: "2026-02-01", to: "2026-02-22" },
      { confidentialTableIds: new Set() },
    );
    expect(atV1.rows.map((r) => r.activity)).toEqual([
      "Censimento dei data center comunali",
      "Attività riservata",
    ]);
    expect(atV1.summary.find((f) => f.key === "version")?.value).toBe("v1");
    const atV2 = await workPlanSection(
      ctx,
      scope,
      { from: "2026-02-01", to: "2026-07-31" },
      {
        confidentialTableIds: new Set([w.tavolo]),
      },
    );
    expect(atV2.rows).toMatchObject([
      {
        activity: "Censimento dei data center comunali",
        owner: "Regione Lombardia",
        progress: 60,
        overdue: true,
      },
      { activity: "Piano di migrazione", owner: "ANCI", progress: 0, overdue: false },
    ]);
    expect(atV2.summary.find((f) => f.key === "mean_progress")?.value).toBe(30);
    expect(atV2.chart?.max).toBe(100);
  });

  it("erasing a person removes their name from the plans, which stay", async () => {
    expect(JSON.stringify(await s.c.workPlans.find().toArray())).toContain("Marco Referente Regione");
    const erased = await s.api("DELETE", `/api/v1/people/${w.refA.id}`, { token: w.root.token });
    expect(erased.status).toBe(204);
    const plans = await s.c.workPlans.find().toArray();
    expect(plans).toHaveLength(2);
    expect(JSON.stringify(plans)).not.toContain("Marco Referente Regione");
  });
});
