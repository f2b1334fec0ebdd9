import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";
import { record, sitting } from "./test-fixtures.ts";

describe("an organisation's attendance history", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  let held: { id: string };
  let founders: string;
  let orgC: string;
  const history = (organisationId: string, token: string, query = "") =>
    s.api("GET", `/api/v1/organisations/${organisationId}/attendance${query}`, { token });
  const meetingIds = (res: { body: { items: { meetingId: string }[] } }) =>
    res.body.items.map((i) => i.meetingId);

  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
    held = await sitting(s, w);
    await record(s, w.coordinator.token, held.id, w.refA.id);
    const cancelled = await sitting(s, w, { startsAt: "2026-03-25T10:00", endsAt: "2026-03-25T12:00" });
    s.clock.now = new Date("2026-03-10T09:00:00Z");
    await s.api("POST", `/api/v1/meetings/${cancelled.id}/cancel`, { token: w.coordinator.token, body: {} });
    await convene(s, w.coordinator.token, w.openTable, {
      startsAt: "2026-04-14T10:00",
      endsAt: "2026-04-14T12:00",
    });
    const restricted = await convene(s, w.agreementAdmin.token, w.foundersTable, {
      startsAt: "2026-03-26T10:00",
      endsAt: "2026-03-26T12:00",
    });
    founders = restricted.body.id;
    // An organisation that joined after all those sittings.
    const c = new ObjectId();
    orgC = c.toHexString();
    await s.c.organisations.insertOne({
      ...{ _id: c, key: `tavoli:${orgC}`, name: "Comune di Vizzini", kind: "comune", istatCode: null },
      ...{ ipaCode: null, region: null, province: null, provinceCode: null, plate: null },
      ...{
        cadastralCode: null,
        population: null,
        website: null,
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    });
    await s.c.memberships.insertOne({
      ...{ _id: new ObjectId(), agreementId: new ObjectId(w.agreementId), organisationId: c, seq: 0 },
      ...{ founding: false, receivedOn: "2026-03-30", operativeFrom: "2026-03-30", withdrawal: null },
      createdAt: new Date(),
    });
    s.clock.now = new Date("2026-04-01T08:00:00Z");
  });
  afterAll(() => s.close());

  it("lists the sittings held on the organisation's tables, newest first, with who attended", async () => {
    const a = await history(w.orgA, w.refA.token);
    expect(a.status).toBe(200);
    expect(meetingIds(a)).toEqual([founders, held.id]);
    expect(a.body.items[1]).toEqual({
      meetingId: held.id,
      title: "Seduta ordinaria",
      tableId: w.openTable,
      tableName: "WP1 Servizi digitali",
      startsAt: "2026-03-24T09:00:00.000Z",
      startsAtLocal: "2026-03-24T10:00:00+01:00",
      represented: true,
      attendees: [{ personId: w.refA.id, name: "Anna Referente A", mode: "presenza" }],
    });
    expect(a.body.items[0]).toMatchObject({
      tableName: "Cabina di regia",
      represented: false,
      attendees: [],
    });
  });

  it("shows a sitting the organisation missed as not represented, and none of the tables it did not sit on", async () => {
    const b = await history(w.orgB, w.refB.token);
    expect(b.body.items).toEqual([
      expect.objectContaining({ meetingId: held.id, represented: false, attendees: [] }),
    ]);
    expect((await history(orgC, w.admin.token)).body.items).toEqual([]);
  });

  it("filters by period", async () => {
    const after = await history(w.orgA, w.refA.token, "?from=2026-03-25T00:00");
    expect(meetingIds(after)).toEqual([founders]);
    const before = await history(w.orgA, w.refA.token, "?to=2026-03-25T00:00");
    expect(meetingIds(before)).toEqual([held.id]);
    const reversed = await history(w.orgA, w.refA.token, "?from=2026-03-25T00:00&to=2026-03-24T00:00");
    expect([reversed.status, reversed.body.error.code]).toEqual([400, "date_order"]);
  });

  it("is for the organisation's referents and the admins, not for other organisations or outsiders", async () => {
    expect(meetingIds(await history(w.orgA, w.agreementAdmin.token))).toEqual([founders, held.id]);
    expect((await history(w.orgA, w.admin.token)).status).toBe(200);
    for (const token of [w.refB.token, w.outsider.token, w.coordinator.token]) {
      const res = await history(w.orgA, token);
      expect([res.status, res.body.error.code]).toEqual([403, "forbidden"]);
    }
    expect((await history(new ObjectId().toHexString(), w.admin.token)).status).toBe(404);
    expect((await s.api("GET", `/api/v1/organisations/${w.orgA}/attendance`)).status).toBe(401);
  });
});
