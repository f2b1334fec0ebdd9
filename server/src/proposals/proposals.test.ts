import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";
import { agendaIds, minutesBody, putMinutes } from "../minutes/test-fixtures.ts";
import {
  actOf,
  addressedProposal,
  adopt,
  draft,
  move,
  proposalBody,
  proposalSnapshot,
} from "./test-fixtures.ts";

describe("proposals: drafted, approved, addressed, adopted or not by each organisation", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  it("follows a proposal to two organisations, one adopting by a Giunta act and one refusing, with the rate", async () => {
    const drafted = await draft(s, w.coordinator.token, w.openTable);
    expect(drafted.status).toBe(201);
    expect(drafted.body).toMatchObject({
      status: "bozza",
      adoptions: [],
      adoption: { addressed: 0, ratePercent: null },
    });
    const id = drafted.body.id as string;
    const before = s.events.length;
    expect((await move(s, w.coordinator.token, id, "approve")).body.status).toBe("approvata");
    const addressed = await move(s, w.coordinator.token, id, "address");
    expect(addressed.status).toBe(200);
    expect(addressed.body).toMatchObject({ status: "indirizzata", addressedOn: "2026-03-10" });
    expect(
      addressed.body.adoptions
        .map((a: { organisationName: string; state: string }) => [a.organisationName, a.state])
        .sort(),
    ).toEqual([
      ["Comune di Caltagirone", "in_valutazione"],
      ["Comune di Mineo", "in_valutazione"],
    ]);
    const addressedEvent = s.events.slice(before).find((e) => e.type === "proposal.addressed");
    expect(addressedEvent?.payload).toEqual({
      proposalId: id,
      tableId: w.openTable,
      confidential: false,
      title: proposalBody().title,
      organisationIds: expect.arrayContaining([w.orgA, w.orgB]),
    });

    const adopted = await adopt(s, w.refA.token, id, w.orgA, { state: "adottata", act: actOf("2026-03-09") });
    expect(adopted.status).toBe(200);
    const refused = await adopt(s, w.refB.token, id, w.orgB, {
      state: "non_adottata",
      reason: "Modello già in uso",
    });
    expect(refused.status).toBe(200);
    const read = await s.api("GET", `/api/v1/proposals/${id}`, { token: w.outsider.token });
    const byOrg = Object.fromEntries(
      read.body.adoptions.map((a: { organisationId: string }) => [a.organisationId, a]),
    );
    expect(byOrg[w.orgA]).toMatchObject({
      state: "adottata",
      act: {
        kind: "delibera_di_giunta",
        number: "45/2026",
        date: "2026-03-09",
        url: "https://comune.example.it/atti/45-2026",
      },
    });
    expect(byOrg[w.orgB]).toMatchObject({ state: "non_adottata", reason: "Modello già in uso", act: null });
    expect(read.body.adoption).toEqual({
      addressed: 2,
      adopted: 1,
      notAdopted: 1,
      pending: 0,
      ratePercent: 50,
    });
    expect(s.events.at(-1)?.payload).toMatchObject({
      organisationId: w.orgB,
      state: "non_adottata",
      corrected: false,
    });

    // Mineo changes its mind: the correction keeps the refusal in the history.
    const corrected = await adopt(s, w.refB.token, id, w.orgB, {
      state: "adottata",
      act: actOf("2026-03-10", "12/2026"),
    });
    const mineo = corrected.body.adoptions.find(
      (a: { organisationId: string }) => a.organisationId === w.orgB,
    );
    expect(mineo).toMatchObject({
      state: "adottata",
      history: [{ state: "non_adottata", reason: "Modello già in uso" }],
    });
    expect(corrected.body.adoption.ratePercent).toBe(100);
    expect(s.events.at(-1)?.payload).toMatchObject({ state: "adottata", corrected: true });

    const rates = await s.api("GET", `/api/v1/agreements/${w.agreementId}/proposals/adoption`, {
      token: w.refA.token,
    });
    expect(rates.status).toBe(200);
    expect(rates.body.organisations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ organisationId: w.orgA, addressed: 1, adopted: 1, ratePercent: 100 }),
      ]),
    );
  });

  it("refuses what the roles and the state machine forbid, changing nothing", async () => {
    const id = (await draft(s, w.coordinator.token, w.openTable)).body.id as string;
    const addressedId = await addressedProposal(s, w.coordinator.token, w.openTable, proposalBody(), {
      organisationIds: [w.orgA],
    });
    const before = await proposalSnapshot(s);
    const cases: [Promise<{ status: number; body: any }>, number, string][] = [
      [draft(s, w.refA.token, w.openTable), 403, "proposal_coordinators_only"],
      [move(s, w.refA.token, id, "approve"), 403, "proposal_coordinators_only"],
      [move(s, w.coordinator.token, id, "address"), 409, "proposal_transition_invalid"],
      [move(s, w.coordinator.token, addressedId, "withdraw"), 409, "proposal_transition_invalid"],
      [
        s.api("PATCH", `/api/v1/proposals/${addressedId}`, {
          token: w.coordinator.token,
          body: { title: "Nuovo" },
        }),
        409,
        "proposal_not_draft",
      ],
      [adopt(s, w.refA.token, addressedId, w.orgB, { state: "non_adottata" }), 403, "other_organisation"],
      [adopt(s, w.agreementAdmin.token, addressedId, w.orgA, { state: "non_adottata" }), 403, "forbidden"],
      [
        adopt(s, w.refB.token, addressedId, w.orgB, { state: "non_adottata" }),
        409,
        "proposal_not_addressed_to_organisation",
      ],
      [
        adopt(s, w.refA.token, addressedId, w.orgA, { state: "adottata", act: actOf("2026-03-11") }),
        400,
        "date_in_future",
      ],
      [adopt(s, w.refA.token, addressedId, w.orgA, { state: "adottata" }), 400, "adoption_act_required"],
      [
        adopt(s, w.refA.token, id, w.orgA, { state: "non_adottata" }),
        409,
        "proposal_not_addressed_to_organisation",
      ],
    ];
    for (const [call, status, code] of cases) {
      const response = await call;
      expect([response.status, response.body.error?.code]).toEqual([status, code]);
    }
    const invalid = await move(s, w.coordinator.token, addressedId, "withdraw");
    expect(invalid.body.error.details).toEqual({ from: "indirizzata", to: "ritirata", allowed: [] });
    expect(await proposalSnapshot(s)).toEqual(before);
  });

  it("addresses a chosen subset of the agreement's members only, and withdraws a draft", async () => {
    const id = (await draft(s, w.coordinator.token, w.openTable)).body.id as string;
    await move(s, w.agreementAdmin.token, id, "approve");
    const stranger = "0123456789abcdef01234567";
    const refused = await move(s, w.coordinator.token, id, "address", {
      organisationIds: [w.orgB, stranger],
    });
    expect([refused.status, refused.body.error.code]).toEqual([409, "not_a_member"]);
    const ok = await move(s, w.coordinator.token, id, "address", { organisationIds: [w.orgB] });
    expect(ok.body.adoptions.map((a: { organisationId: string }) => a.organisationId)).toEqual([w.orgB]);
    const other = (await draft(s, w.coordinator.token, w.openTable)).body.id as string;
    expect((await move(s, w.coordinator.token, other, "withdraw")).body.status).toBe("ritirata");
  });

  it("keeps a confidential proposal inside the table: not found outside, no title in its events", async () => {
    const before = s.events.length;
    const id = await addressedProposal(
      s,
      w.coordinator.token,
      w.openTable,
      proposalBody({ title: "CANARY-PROPOSTA", confidential: true }),
    );
    for (const e of s.events.slice(before)) expect(JSON.stringify(e.payload)).not.toContain("CANARY");
    expect((await s.api("GET", `/api/v1/proposals/${id}`, { token: w.outsider.token })).status).toBe(404);
    expect((await s.api("GET", `/api/v1/proposals/${id}`, { token: w.refB.token })).body.title).toBe(
      "CANARY-PROPOSTA",
    );
    const listed = await s.api("GET", `/api/v1/tables/${w.openTable}/proposals`, { token: w.outsider.token });
    expect(listed.body.items.map((p: { id: string }) => p.id)).not.toContain(id);
    expect(JSON.stringify(listed.body)).not.toContain("CANARY");
    const stranger = await adopt(s, w.outsider.token, id, w.orgA, { state: "non_adottata" });
    expect(stranger.status).toBe(404);
  });
  it("drafts from a decision the sitting's minutes record, and refuses one they do not", async () => {
    const meetingId = (await convene(s, w.coordinator.token, w.openTable)).body.id as string;
    const noMinutes = await draft(
      s,
      w.coordinator.token,
      w.openTable,
      proposalBody({ meetingId, decisionIndex: 0 }),
    );
    expect([noMinutes.status, noMinutes.body.error.code]).toEqual([404, "not_found"]);
    s.clock.now = new Date("2026-03-24T12:30:00Z");
    try {
      const minuted = await putMinutes(s, w.coordinator.token, meetingId, {
        version: 0,
        ...minutesBody(await agendaIds(s, meetingId)),
      });
      expect(minuted.status).toBe(201);
      const fromDecision = await draft(
        s,
        w.coordinator.token,
        w.openTable,
        proposalBody({ meetingId, decisionIndex: 0 }),
      );
      expect(fromDecision.status).toBe(201);
      expect(fromDecision.body).toMatchObject({ meetingId, decisionIndex: 0 });
      const unknown = await draft(
        s,
        w.coordinator.token,
        w.openTable,
        proposalBody({ meetingId, decisionIndex: 1 }),
      );
      expect([unknown.status, unknown.body.error.code]).toEqual([409, "proposal_decision_unknown"]);
      const half = await draft(s, w.coordinator.token, w.openTable, proposalBody({ decisionIndex: 0 }));
      expect([half.status, half.body.error.code]).toEqual([400, "validation_failed"]);
    } finally {
      s.clock.now = new Date("2026-03-10T09:00:00Z");
    }
  });
  it("drafts once under an Idempotency-Key, however often the request is repeated", async () => {
    const send = () =>
      s.api("POST", `/api/v1/tables/${w.openTable}/proposals`, {
        token: w.coordinator.token,
        body: proposalBody({ title: "Proposta ripetuta" }),
        headers: { "idempotency-key": "bozza-ripetuta-1" },
      });
    const first = await send();
    const again = await send();
    expect([first.status, again.body.id]).toEqual([201, first.body.id]);
    expect(await s.c.proposals.countDocuments({ title: "Proposta ripetuta" })).toBe(1);
    const drafted = await s.c.audit.countDocuments({
      action: "proposal.drafted",
      "after.title": "Proposta ripetuta",
    });
    expect(drafted).toBe(1);
  });
});
