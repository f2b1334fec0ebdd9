import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countStoredEvents } from "../../../test/support/records.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";

describe("delegating a sitting (DOMAIN rule 3)", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  const answer = (token: string, meetingId: string, personId: string, body: unknown) =>
    s.api("PUT", `/api/v1/meetings/${meetingId}/rsvps/${personId}`, { token, body });
  const newMeeting = async () => (await convene(s, w.coordinator.token, w.openTable)).body.id as string;
  const snapshot = async () => ({
    rsvps: await s.c.rsvps.find().sort({ _id: 1 }).toArray(),
    audit: await s.c.audit.countDocuments(),
    events: await countStoredEvents(s.c),
  });

  it("convenes the delegate, who answers for the organisation, until the delegation is withdrawn", async () => {
    const id = await newMeeting();
    const before = s.events.length;
    const delegated = await answer(w.refA.token, id, "me", { answer: "delega", delegateId: w.colleagueA.id });
    expect(delegated.status).toBe(200);
    expect(delegated.body).toMatchObject({
      answer: "delega",
      delegateId: w.colleagueA.id,
      counts: { convened: 4, delega: 1, pending: 3 },
    });
    expect(s.events.slice(before).map((e) => [e.type, e.payload])).toEqual([
      [
        "rsvp.answered",
        expect.objectContaining({ answer: "delega", delegateId: w.colleagueA.id, previousAnswer: null }),
      ],
      [
        "meeting.delegate_named",
        {
          meetingId: id,
          tableId: w.openTable,
          delegateId: w.colleagueA.id,
          organisationId: w.orgA,
          byPersonId: w.refA.id,
        },
      ],
    ]);
    const asDelegate = await s.api("GET", `/api/v1/meetings/${id}`, { token: w.colleagueA.token });
    expect(asDelegate.body.viewer.convened).toBe(true);
    expect(asDelegate.body.videoLink.url).toMatch(/^https:\/\/meet\.jit\.si\//);

    const own = await answer(w.colleagueA.token, id, "me", { answer: "presenza" });
    expect(own.body).toMatchObject({
      organisationId: w.orgA,
      counts: { presenza: 1, delega: 1, pending: 2 },
    });
    const relay = await answer(w.colleagueA.token, id, "me", { answer: "delega", delegateId: w.refA.id });
    expect([relay.status, relay.body.error.code]).toEqual([400, "delegate_invalid"]);
    const list = await s.api("GET", `/api/v1/meetings/${id}/rsvps`, { token: w.colleagueA.token });
    expect(list.body.organisations[0]).toMatchObject({
      organisationId: w.orgA,
      represented: true,
      expected: 2,
      answers: { presenza: 1, delega: 1, pending: 0 },
    });
    expect(list.body.organisations[1]).toMatchObject({ organisationId: w.orgB, represented: false });
    expect(list.body.people).toContainEqual(
      expect.objectContaining({
        personId: w.refA.id,
        delegateId: w.colleagueA.id,
        delegateName: "Aldo Collega A",
      }),
    );
    expect(list.body.people).toContainEqual(
      expect.objectContaining({
        personId: w.colleagueA.id,
        role: "delegate",
        organisationName: "Comune di Caltagirone",
      }),
    );

    const withdrawn = await answer(w.refA.token, id, "me", { answer: "remoto" });
    expect(withdrawn.body.counts).toMatchObject({ convened: 3, remoto: 1, pending: 2 });
    const after = await s.api("GET", `/api/v1/meetings/${id}`, { token: w.colleagueA.token });
    expect(after.body).toMatchObject({ viewer: { convened: false }, videoLink: null });
    const late = await answer(w.colleagueA.token, id, "me", { answer: "assente" });
    expect([late.status, late.body.error.code]).toEqual([403, "not_convened"]);
    expect(s.events.filter((e) => e.type === "meeting.delegate_named")).toHaveLength(1);
  });

  it("lets a referent answer for the delegate of their organisation", async () => {
    const id = await newMeeting();
    await answer(w.refA.token, id, "me", { answer: "delega", delegateId: w.colleagueA.id });
    const forDelegate = await answer(w.refA.token, id, w.colleagueA.id, { answer: "remoto" });
    expect(forDelegate.body).toMatchObject({ personId: w.colleagueA.id, answeredBy: w.refA.id });
    const fromB = await answer(w.refB.token, id, w.colleagueA.id, { answer: "assente" });
    expect(fromB.body.error.code).toBe("other_organisation");
  });

  it("refuses delegations without delegate, to oneself, out of the organisation or to nobody", async () => {
    const id = await newMeeting();
    await answer(w.refA.token, id, "me", { answer: "presenza" });
    const before = await snapshot();
    const cases: [string, unknown, number, string][] = [
      [w.refA.token, { answer: "delega" }, 400, "delegate_required"],
      [w.refA.token, { answer: "delega", delegateId: null }, 400, "delegate_required"],
      [w.refA.token, { answer: "presenza", delegateId: w.colleagueA.id }, 400, "delegate_invalid"],
      [w.refA.token, { answer: "delega", delegateId: w.refA.id }, 400, "delegate_invalid"],
      [w.refA.token, { answer: "delega", delegateId: w.refB.id }, 409, "delegate_other_organisation"],
      [w.refA.token, { answer: "delega", delegateId: new ObjectId().toHexString() }, 404, "not_found"],
      [w.coordinator.token, { answer: "delega", delegateId: w.colleagueA.id }, 400, "delegate_invalid"],
      [w.refA.token, { answer: "delega", delegateId: "nope" }, 400, "validation_failed"],
    ];
    for (const [token, body, status, code] of cases) {
      const res = await answer(token, id, "me", body);
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const en = await s.api("PUT", `/api/v1/meetings/${id}/rsvps/me`, {
      token: w.refA.token,
      body: { answer: "delega", delegateId: w.refB.id },
      lang: "en",
    });
    expect(en.body.error.message).toBe("The delegate must belong to the same organisation.");
    expect(await snapshot()).toEqual(before);
  });
});
