import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeReferent } from "../../../test/support/factories.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { convene, meetingWorld } from "./test-fixtures.ts";

/** A person's own view of their sittings (convenedAs) follows the same rule as the roster (convenedPeople). */
describe("my sittings follow who is convened", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  const mine = async (token: string) =>
    (await s.api("GET", "/api/v1/people/me/meetings?limit=200", { token })).body.items.map(
      (m: { id: string }) => m.id,
    );
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  it("leaves a non-founding organisation's referent out of a founders-only table's sitting", async () => {
    await s.c.tables.updateOne(
      { _id: new ObjectId(w.foundersTable) },
      { $set: { coordinatorIds: [new ObjectId(w.coordinator.id)] } },
    );
    // Written directly: the API refuses this designation, so only stale or imported data can hold it.
    await makeReferent(s, {
      agreementId: w.agreementId,
      tableId: w.foundersTable,
      organisationId: new ObjectId(w.orgB),
      personId: w.refB.id,
      from: "2026-01-01",
    });
    const sitting = (await convene(s, w.coordinator.token, w.foundersTable)).body.id;
    const roster = await s.api("GET", `/api/v1/meetings/${sitting}/rsvps`, { token: w.coordinator.token });
    expect(JSON.stringify(roster.body)).not.toContain(w.refB.id);
    expect(await mine(w.refB.token)).not.toContain(sitting);
    expect(await mine(w.coordinator.token)).toContain(sitting);
  });

  it("drops a delegate's sitting once the referent who sent them no longer sits there", async () => {
    const sitting = (await convene(s, w.coordinator.token, w.openTable)).body.id;
    const sent = await s.api("PUT", `/api/v1/meetings/${sitting}/rsvps/me`, {
      token: w.refA.token,
      body: { answer: "delega", delegateId: w.colleagueA.id },
    });
    expect(sent.status).toBe(200);
    expect(await mine(w.colleagueA.token)).toContain(sitting);
    // Anna's designation ends before the sitting (24 March): her delegation no longer convenes anyone.
    await s.c.designations.updateOne(
      { personId: new ObjectId(w.refA.id), tableId: new ObjectId(w.openTable) },
      { $set: { to: "2026-03-20" } },
    );
    expect(await mine(w.colleagueA.token)).not.toContain(sitting);
    const roster = await s.api("GET", `/api/v1/meetings/${sitting}/rsvps`, { token: w.coordinator.token });
    expect(JSON.stringify(roster.body)).not.toContain(`"personId":"${w.colleagueA.id}"`);
  });
});
