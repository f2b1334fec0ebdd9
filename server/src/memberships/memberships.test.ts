import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgreement, makeOrganisation, makeReferent, makeTable } from "../../../test/support/factories.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";

type Member = { organisationId: string; name: string };
const names = (body: { items: Member[] }) => body.items.map((m) => m.name);

describe("adhesion and withdrawal (DOMAIN rules 1 and 2)", () => {
  let s: TestServer;
  let admin: { token: string };
  beforeAll(async () => {
    s = await startTestServer();
    admin = await s.createPerson({ admin: true });
    s.clock.now = new Date("2026-03-01T10:00:00Z");
  });
  afterAll(() => s.close());

  async function setup(delay: number) {
    const agreement = await makeAgreement(s, admin.token, { adhesionDelayDays: delay });
    const open = await makeTable(s, admin.token, agreement.id, {
      name: "WP1 Servizi digitali",
      access: "open",
    });
    const steering = await makeTable(s, admin.token, agreement.id, {
      name: "Cabina di regia",
      kind: "cabina_di_regia",
      access: "founders",
    });
    const founder = await makeOrganisation(s, "Comune di Bologna");
    const joiner = await makeOrganisation(s, "Comune di Pavia");
    // The admin records applications received earlier (protocol date), which needs a reason.
    const apply = (
      organisationId: string,
      receivedOn: string,
      founding = false,
      backdatingReason: string | null = "prot.",
    ) =>
      s.api("POST", `/api/v1/agreements/${agreement.id}/adhesions`, {
        token: admin.token,
        body: { organisationId, receivedOn, founding, backdatingReason },
      });
    expect((await apply(founder._id.toHexString(), "2026-01-10", true)).status).toBe(201);
    return { agreement, open, steering, founder, joiner, apply };
  }

  const members = async (tableId: string, on: string) =>
    names((await s.api("GET", `/api/v1/tables/${tableId}/members?on=${on}`)).body);

  it("becomes operative exactly after the 15-day delay and joins open tables but not founders-only ones", async () => {
    const { open, steering, joiner, apply, agreement } = await setup(15);
    const response = await apply(joiner._id.toHexString(), "2026-03-01");
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ operativeFrom: "2026-03-16", status: "pending" });
    expect(await members(open.id, "2026-03-15")).toEqual(["Comune di Bologna"]);
    expect(await members(open.id, "2026-03-16")).toEqual(["Comune di Bologna", "Comune di Pavia"]);
    expect(await members(steering.id, "2026-03-16")).toEqual(["Comune di Bologna"]);
    const pending = await s.api(
      "GET",
      `/api/v1/agreements/${agreement.id}/members?on=2026-03-15&status=pending`,
    );
    expect(pending.body.items.map((m: { organisationName: string }) => m.organisationName)).toEqual([
      "Comune di Pavia",
    ]);
    expect(
      s.events.some(
        (e) => e.type === "organisation.adhesion_received" && e.payload.operativeFrom === "2026-03-16",
      ),
    ).toBe(true);
  });

  it("with a delay of 0 the adhesion is operative on the day it is received", async () => {
    const { open, joiner, apply } = await setup(0);
    expect((await apply(joiner._id.toHexString(), "2026-02-20")).body.operativeFrom).toBe("2026-02-20");
    expect(await members(open.id, "2026-02-20")).toContain("Comune di Pavia");
    expect(await members(open.id, "2026-02-19")).not.toContain("Comune di Pavia");
  });

  it("lists a table's members with their kind and whether they founded the agreement", async () => {
    const { open, founder, joiner, apply } = await setup(0);
    await apply(joiner._id.toHexString(), "2026-02-20");
    const response = await s.api("GET", `/api/v1/tables/${open.id}/members?on=2026-02-20`);
    expect(response.body).toEqual({
      on: "2026-02-20",
      items: [
        {
          organisationId: founder._id.toHexString(),
          name: "Comune di Bologna",
          kind: "comune",
          founding: true,
        },
        {
          organisationId: joiner._id.toHexString(),
          name: "Comune di Pavia",
          kind: "comune",
          founding: false,
        },
      ],
    });
  });

  it("refuses a second adhesion of a member, a future receipt date and an unknown organisation, writing nothing", async () => {
    const { joiner, apply, founder } = await setup(15);
    const before = await s.c.memberships.countDocuments();
    const again = await apply(founder._id.toHexString(), "2026-02-01");
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("already_member");
    const future = await apply(joiner._id.toHexString(), "2026-03-02");
    expect(future.status).toBe(400);
    expect(future.body.error.code).toBe("date_in_future");
    const unknown = await apply("0123456789abcdef01234567", "2026-02-01");
    expect(unknown.status).toBe(404);
    const badDate = await apply(joiner._id.toHexString(), "2026-02-30");
    expect(badDate.body.error.code).toBe("validation_failed");
    expect(await s.c.memberships.countDocuments()).toBe(before);
  });

  it("two concurrent applications of the same organisation leave exactly one membership", async () => {
    const { joiner, apply } = await setup(15);
    const results = await Promise.all([1, 2, 3].map(() => apply(joiner._id.toHexString(), "2026-02-01")));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === "already_member")).toBe(
      true,
    );
    expect(await s.c.memberships.countDocuments({ organisationId: joiner._id })).toBe(1);
  });

  it("a withdrawing organisation stays a member until the 3-month notice ends, and history is kept", async () => {
    const { agreement, open, founder } = await setup(15);
    const withdraw = (body: object) =>
      s.api("POST", `/api/v1/agreements/${agreement.id}/withdrawals`, {
        token: admin.token,
        body: { backdatingReason: "prot.", ...body },
      });
    const response = await withdraw({
      organisationId: founder._id.toHexString(),
      noticeGivenOn: "2026-02-28",
    });
    expect(response.status).toBe(200);
    expect(response.body.withdrawal.effectiveOn).toBe("2026-05-28");
    expect(response.body.status).toBe("withdrawing");
    expect(await members(open.id, "2026-05-27")).toEqual(["Comune di Bologna"]);
    expect(await members(open.id, "2026-05-28")).toEqual([]);
    const again = await withdraw({ organisationId: founder._id.toHexString(), noticeGivenOn: "2026-03-01" });
    expect(again.body.error.code).toBe("withdrawal_pending");
    const history = await s.api(
      "GET",
      `/api/v1/organisations/${founder._id.toHexString()}/memberships?on=2026-06-01`,
    );
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0].status).toBe("withdrawn");
  });

  it("month notices clamp to the month's end and a non-member cannot withdraw", async () => {
    const { agreement, founder, joiner } = await setup(0);
    const withdraw = (organisationId: string, noticeGivenOn: string) =>
      s.api("POST", `/api/v1/agreements/${agreement.id}/withdrawals`, {
        token: admin.token,
        body: { organisationId, noticeGivenOn, backdatingReason: "prot." },
      });
    const notMember = await withdraw(joiner._id.toHexString(), "2026-02-01");
    expect(notMember.status).toBe(409);
    expect(notMember.body.error.code).toBe("not_a_member");
    expect((await withdraw(founder._id.toHexString(), "2026-01-31")).body.withdrawal.effectiveOn).toBe(
      "2026-04-30",
    );
  });

  it("a referent cannot register the withdrawal of another organisation (403, nothing changed)", async () => {
    const { agreement, open, founder, joiner, apply } = await setup(0);
    await apply(joiner._id.toHexString(), "2026-02-01");
    const referent = await s.createPerson({ name: "Referente di Pavia" });
    await makeReferent(s, {
      agreementId: agreement.id,
      tableId: open.id,
      organisationId: joiner._id,
      personId: referent.id,
      from: "2026-02-01",
    });
    const before = await s.c.memberships.findOne({ organisationId: founder._id });
    const response = await s.api("POST", `/api/v1/agreements/${agreement.id}/withdrawals`, {
      token: referent.token,
      body: { organisationId: founder._id.toHexString(), noticeGivenOn: "2026-02-15" },
    });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("other_organisation");
    expect(response.body.error.message).toMatch(/proprio ente/);
    expect(await s.c.memberships.findOne({ organisationId: founder._id })).toEqual(before);
    const own = await s.api("POST", `/api/v1/agreements/${agreement.id}/withdrawals`, {
      token: referent.token,
      body: { organisationId: joiner._id.toHexString(), noticeGivenOn: "2026-03-01" },
    });
    expect(own.status).toBe(200);
    const audit = await s.c.audit.findOne({
      action: "membership.withdrawal_notified",
      actorName: "Referente di Pavia",
    });
    expect(audit?.before).toMatchObject({ withdrawal: null });
  });

  it("concurrent withdrawal notices leave exactly one withdrawal", async () => {
    const { agreement, founder } = await setup(0);
    const days = Array.from({ length: 10 }, (_, i) => `2026-02-${String(10 + i).padStart(2, "0")}`);
    const results = await Promise.all(
      days.map((noticeGivenOn) =>
        s.api("POST", `/api/v1/agreements/${agreement.id}/withdrawals`, {
          token: admin.token,
          body: { organisationId: founder._id.toHexString(), noticeGivenOn, backdatingReason: "prot." },
        }),
      ),
    );
    const won = results.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    const stored = await s.c.memberships.findOne({ organisationId: founder._id });
    expect(stored?.withdrawal?.noticeGivenOn).toBe(won[0]?.body.withdrawal.noticeGivenOn);
    expect(
      await s.c.audit.countDocuments({ action: "membership.withdrawal_notified", entityId: stored?._id }),
    ).toBe(1);
  });

  it("an organisation may join again once its withdrawal has taken effect", async () => {
    const { agreement, open, founder, apply } = await setup(0);
    await s.api("POST", `/api/v1/agreements/${agreement.id}/withdrawals`, {
      token: admin.token,
      body: {
        organisationId: founder._id.toHexString(),
        noticeGivenOn: "2026-01-15",
        backdatingReason: "prot.",
      },
    });
    const tooEarly = await apply(founder._id.toHexString(), "2026-02-01");
    expect(tooEarly.body.error.code).toBe("already_member");
    s.clock.now = new Date("2026-06-01T10:00:00Z");
    const rejoin = await apply(founder._id.toHexString(), "2026-05-01");
    s.clock.now = new Date("2026-03-01T10:00:00Z");
    expect(rejoin.status).toBe(201);
    expect(await members(open.id, "2026-04-20")).toEqual([]);
    expect(await members(open.id, "2026-05-01")).toEqual(["Comune di Bologna"]);
    expect(await s.c.memberships.countDocuments({ organisationId: founder._id })).toBe(2);
  });

  describe("a referent's own act is dated today; only admins record an earlier protocol date (finding 3)", () => {
    async function referentOf(
      organisationId: import("mongodb").ObjectId,
      tableId: string,
      agreementId: string,
    ) {
      const referent = await s.createPerson({ name: "Referente di Pavia" });
      await makeReferent(s, {
        agreementId,
        tableId,
        organisationId,
        personId: referent.id,
        from: "2026-01-01",
      });
      return referent;
    }

    it("refuses a referent's backdated adhesion, which would be operative at once, and writes nothing", async () => {
      const { agreement, open, joiner } = await setup(15);
      const referent = await referentOf(joiner._id, open.id, agreement.id);
      const apply = (body: object, lang?: string) =>
        s.api("POST", `/api/v1/agreements/${agreement.id}/adhesions`, {
          token: referent.token,
          lang,
          body: { organisationId: joiner._id.toHexString(), ...body },
        });
      const audit = await s.c.audit.countDocuments();
      const backdated = await apply({ receivedOn: "2020-01-01" });
      expect([backdated.status, backdated.body.error?.code]).toEqual([403, "backdating_not_allowed"]);
      expect(backdated.body.error.message).toMatch(/data di oggi/);
      const withReason = await apply({ receivedOn: "2026-02-01", backdatingReason: "prot. 12" }, "en");
      expect(withReason.body.error.message).toMatch(/^A referent records the act with today's date/);
      expect(await s.c.memberships.countDocuments({ organisationId: joiner._id })).toBe(0);
      expect(await s.c.audit.countDocuments()).toBe(audit);
      expect(await members(open.id, "2026-03-01")).not.toContain("Comune di Pavia");

      const today = await apply({});
      expect(today.status).toBe(201);
      expect(today.body).toMatchObject({
        receivedOn: "2026-03-01",
        operativeFrom: "2026-03-16",
        status: "pending",
      });
    });

    it("an agreement admin records the earlier protocol date only with a reason, which is audited", async () => {
      const { agreement, joiner, apply } = await setup(15);
      const noReason = await apply(joiner._id.toHexString(), "2026-02-01", false, null);
      expect([noReason.status, noReason.body.error?.code]).toEqual([400, "backdating_reason_required"]);
      expect(await s.c.memberships.countDocuments({ organisationId: joiner._id })).toBe(0);
      const recorded = await s.api("POST", `/api/v1/agreements/${agreement.id}/adhesions`, {
        token: admin.token,
        body: {
          organisationId: joiner._id.toHexString(),
          receivedOn: "2026-02-01",
          backdatingReason: "Domanda prot. n. 1234 del 1/2/2026, registrata in ritardo",
        },
      });
      expect(recorded.status).toBe(201);
      expect(recorded.body).toMatchObject({
        operativeFrom: "2026-02-16",
        status: "operative",
        backdating: {
          reason: "Domanda prot. n. 1234 del 1/2/2026, registrata in ritardo",
          recordedOn: "2026-03-01",
        },
      });
      const audit = await s.c.audit.findOne({
        action: "membership.applied",
        entityId: { $exists: true },
        "after.organisationId": joiner._id,
      });
      expect(audit?.after).toMatchObject({
        backdating: { reason: expect.stringContaining("prot. n. 1234") },
      });
    });

    it("a referent's withdrawal notice is dated today too (a backdated one would shorten the notice)", async () => {
      const { agreement, open, founder } = await setup(15);
      const referent = await referentOf(founder._id, open.id, agreement.id);
      const withdraw = (body: object) =>
        s.api("POST", `/api/v1/agreements/${agreement.id}/withdrawals`, {
          token: referent.token,
          body: { organisationId: founder._id.toHexString(), ...body },
        });
      const before = await s.c.memberships.findOne({ organisationId: founder._id });
      const backdated = await withdraw({ noticeGivenOn: "2026-01-15" });
      expect([backdated.status, backdated.body.error?.code]).toEqual([403, "backdating_not_allowed"]);
      expect(await s.c.memberships.findOne({ organisationId: founder._id })).toEqual(before);
      const today = await withdraw({});
      expect(today.status).toBe(200);
      expect(today.body.withdrawal).toMatchObject({ noticeGivenOn: "2026-03-01", effectiveOn: "2026-06-01" });
    });
  });
});
