import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";
import { designate } from "./test-fixtures.ts";

/** Finding 4: a single-sitting delegate answers, checks in and reads that sitting, nothing more. */
describe("single-sitting delegates (Reggio Emilia art. 1)", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  const state = async () => ({
    organisations: await s.c.organisations.find().sort({ _id: 1 }).toArray(),
    designations: await s.c.designations.find().sort({ _id: 1 }).toArray(),
    memberships: await s.c.memberships.find().sort({ _id: 1 }).toArray(),
    rsvps: await s.c.rsvps.find().sort({ _id: 1 }).toArray(),
    audit: await s.c.audit.countDocuments(),
  });

  it("on the sitting's day the delegate answers, checks in and reads it, but gains no referent power", async () => {
    const meeting = (await convene(s, w.coordinator.token, w.openTable)).body;
    const delegate = await s.createPerson({ name: "Dario Delegato" });
    const named = await designate(s, w.agreementAdmin.token, w.openTable, {
      organisationId: w.orgA,
      personId: delegate.id,
      from: "2026-03-24",
      kind: "single_meeting",
      meetingRef: meeting.id,
    });
    expect(named.status).toBe(201);
    // 09:45 in Rome on the day, a quarter of an hour before the start: the delegation is in force.
    s.clock.now = new Date("2026-03-24T08:45:00Z");
    try {
      const me = await s.api("GET", "/api/v1/people/me", { token: delegate.token });
      expect(me.body.referentFor).toEqual([]);
      const before = await state();
      const refused = [
        await s.api("PATCH", `/api/v1/organisations/${w.orgA}`, {
          token: delegate.token,
          body: { website: "https://evil.example.com" },
        }),
        await designate(s, delegate.token, w.foundersTable, {
          organisationId: w.orgA,
          personId: delegate.id,
          from: "2026-03-24",
        }),
        await s.api("POST", `/api/v1/agreements/${w.agreementId}/withdrawals`, {
          token: delegate.token,
          body: { organisationId: w.orgA },
        }),
        await s.api("PUT", `/api/v1/meetings/${meeting.id}/rsvps/${w.refA.id}`, {
          token: delegate.token,
          body: { answer: "assente" },
        }),
      ];
      expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403]);
      const passOn = await s.api("PUT", `/api/v1/meetings/${meeting.id}/rsvps/me`, {
        token: delegate.token,
        body: { answer: "delega", delegateId: w.colleagueA.id },
      });
      expect([passOn.status, passOn.body.error?.code]).toEqual([400, "delegate_invalid"]);
      expect(await state()).toEqual(before);

      const read = await s.api("GET", `/api/v1/meetings/${meeting.id}`, { token: delegate.token });
      expect(read.body.viewer.convened).toBe(true);
      expect(JSON.stringify(read.body.agenda)).toContain("CANARY-RISERVATO");
      const answered = await s.api("PUT", `/api/v1/meetings/${meeting.id}/rsvps/me`, {
        token: delegate.token,
        body: { answer: "presenza" },
      });
      expect(answered.body).toMatchObject({ answer: "presenza", organisationId: w.orgA });
      const stored = await s.c.meetings.findOne({ _id: new ObjectId(meeting.id) });
      const checkedIn = await s.api("POST", `/api/v1/meetings/${meeting.id}/check-in`, {
        token: delegate.token,
        body: { code: stored?.checkInCode, mode: "presenza" },
      });
      expect(checkedIn.body).toMatchObject({ personId: delegate.id, organisationId: w.orgA });
    } finally {
      s.clock.now = new Date("2026-03-10T09:00:00Z");
    }
  });

  it("a referent names as delegate only a colleague of the organisation, never an admin or a stranger", async () => {
    const meeting = (await convene(s, w.coordinator.token, w.openTable)).body;
    const before = await state();
    for (const stranger of [w.admin, w.outsider, w.refB]) {
      const rsvp = await s.api("PUT", `/api/v1/meetings/${meeting.id}/rsvps/me`, {
        token: w.refA.token,
        body: { answer: "delega", delegateId: stranger.id },
      });
      expect([rsvp.status, rsvp.body.error?.code]).toEqual([409, "delegate_other_organisation"]);
      expect(rsvp.body.error.message).toBe("Il delegato deve appartenere allo stesso ente.");
      const single = await designate(s, w.refA.token, w.openTable, {
        organisationId: w.orgA,
        personId: stranger.id,
        from: "2026-03-24",
        kind: "single_meeting",
        meetingRef: meeting.id,
      });
      expect([single.status, single.body.error?.code]).toEqual([409, "delegate_other_organisation"]);
    }
    expect(await state()).toEqual(before);
    const asAdmin = await s.api("GET", `/api/v1/meetings/${meeting.id}`, { token: w.outsider.token });
    expect(JSON.stringify(asAdmin.body)).not.toContain("CANARY-RISERVATO");

    const colleague = await designate(s, w.refA.token, w.openTable, {
      organisationId: w.orgA,
      personId: w.colleagueA.id,
      from: "2026-03-24",
      kind: "single_meeting",
      meetingRef: meeting.id,
    });
    expect(colleague.status).toBe(201);
  });
});
