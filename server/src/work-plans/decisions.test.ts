import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { activities, lombardiaWorld, snapshot } from "./test-fixtures.ts";

describe("work plans: the agreement's own plan, rejections, sittings and concurrent edits", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof lombardiaWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await lombardiaWorld(s);
    s.clock.now = new Date("2026-02-20T10:00:00+01:00");
  });
  afterAll(() => s.close());

  const call = (method: string, path: string, token: string, body?: unknown) =>
    s.api(method, `/api/v1${path}`, { token, body });
  const sitting = async (tableId: string) =>
    (
      await w.api("POST", `/tables/${tableId}/meetings`, w.admin.token, {
        title: "Seduta di approvazione",
        startsAt: "2026-02-27T10:00",
        endsAt: "2026-02-27T12:00",
        mode: "online",
        videoLink: { generate: true },
      })
    ).id as string;

  it("the agreement's own plan is written by its admins only, and its confidential activities stay with them", async () => {
    const path = `/agreements/${w.agreement}/work-plan`;
    expect((await call("PUT", path, w.coord.token, { activities: activities(w.orgA) })).status).toBe(403);
    const draft = await call("PUT", path, w.admin.token, { activities: activities(w.orgA) });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ tableId: null, version: 1, state: "bozza" });
    expect(draft.body.activities[0].theme).toBeNull();
    const outside = await call("GET", path, w.outsider.token);
    expect(outside.body.draft.activities[1].title).toBe("Attività riservata");
    const admin = await call("GET", path, w.admin.token);
    expect(admin.body.draft.activities[1].title).toBe("Valutazione delle offerte cloud qualificate");
    const presented = await call("POST", `${path}/present`, w.admin.token);
    expect(presented.body).toMatchObject({
      state: "presentata",
      presentation: { steeringTableId: w.steering },
    });
  });

  it("records the sitting of the steering table where it was decided, and no other table's", async () => {
    const plan = (await call("GET", `/agreements/${w.agreement}/work-plan`, w.admin.token)).body.presented;
    const before = await snapshot(s);
    const elsewhere = await call("POST", `/work-plans/${plan.id}/approve`, w.steeringCoord.token, {
      meetingId: await sitting(w.tavolo),
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.code).toBe("meeting_not_of_table");
    expect((await snapshot(s)).plans).toEqual(before.plans);
    const meetingId = await sitting(w.steering);
    const approved = await call("POST", `/work-plans/${plan.id}/approve`, w.steeringCoord.token, {
      meetingId,
    });
    expect(approved.body.decision).toMatchObject({ outcome: "approvata", meetingId });
    const event = s.events.findLast((e) => e.type === "work_plan.approved");
    expect(event?.payload).toMatchObject({
      workPlanId: plan.id,
      tableId: null,
      meetingId,
      state: "approvata",
    });
  });

  it("a rejected version leaves the plan in force as it was", async () => {
    const path = `/tables/${w.tavolo}/work-plan`;
    const v1 = (await call("PUT", path, w.coord.token, { activities: activities(w.orgA) })).body;
    await call("POST", `${path}/present`, w.coord.token);
    await call("POST", `/work-plans/${v1.id}/approve`, w.admin.token, {});
    const v2 = (await call("POST", `${path}/versions`, w.coord.token)).body;
    await call("POST", `${path}/present`, w.coord.token);
    const rejected = await call("POST", `/work-plans/${v2.id}/reject`, w.steeringCoord.token, {
      note: "Tempi non compatibili",
    });
    expect(rejected.body).toMatchObject({
      state: "respinta",
      decision: { outcome: "respinta", note: "Tempi non compatibili" },
    });
    const current = (await call("GET", path, w.outsider.token)).body;
    expect(current).toMatchObject({
      draft: null,
      presented: null,
      inForce: { id: v1.id, state: "approvata" },
    });
    const progress = await call(
      "POST",
      `/work-plans/${v2.id}/activities/${v2.activities[0].id}/progress`,
      w.coord.token,
      {
        status: "in_corso",
        progress: 5,
      },
    );
    expect(progress.body.error.code).toBe("work_plan_not_in_force");
  });

  it("a stale revision is refused, and a repeated new-version request gets the same draft", async () => {
    const path = `/tables/${w.tavolo}/work-plan`;
    const headers = { "idempotency-key": "nuova-versione-1" };
    const first = await s.api("POST", `/api/v1${path}/versions`, { token: w.coord.token, headers });
    const again = await s.api("POST", `/api/v1${path}/versions`, { token: w.coord.token, headers });
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const edit = (revision: number, title: string) =>
      call("PUT", path, w.coord.token, { revision, activities: activities(w.orgA, [{ title }]) });
    expect((await edit(first.body.revision, "Prima modifica")).status).toBe(200);
    const stale = await edit(first.body.revision, "Modifica su una copia vecchia");
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("concurrent_change");
    const draft = (await call("GET", path, w.coord.token)).body.draft;
    expect(draft.activities[0].title).toBe("Prima modifica");
  });
});
