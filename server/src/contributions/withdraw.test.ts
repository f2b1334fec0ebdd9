import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeReferent } from "../../../test/support/factories.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { meetingWorld } from "../meetings/test-fixtures.ts";
import { contribute, contributionBody, snapshot } from "./test-fixtures.ts";

describe("withdrawing a contribution", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  const logged = async (body: Record<string, unknown> = {}) =>
    (await contribute(s, w.refA.token, w.openTable, contributionBody(w.orgA, body))).body.id as string;
  const referent = (personId: string, tableId: string, organisationId: string) =>
    makeReferent(s, {
      agreementId: w.agreementId,
      tableId,
      organisationId: new ObjectId(organisationId),
      personId,
      from: "2026-01-01",
    });
  const withdraw = (token: string, id: string) =>
    s.api("POST", `/api/v1/contributions/${id}/withdraw`, { token });

  it("lets the author withdraw, keeps the history, and tells the table without a confidential title", async () => {
    const id = await logged({ title: "CANARY-RISERVATO offerta tecnica", confidential: true });
    const before = s.events.length;
    s.clock.now = new Date("2026-03-12T15:00:00Z");
    try {
      const res = await withdraw(w.refA.token, id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, withdrawnAt: "2026-03-12T15:00:00.000Z" });
    } finally {
      s.clock.now = new Date("2026-03-10T09:00:00Z");
    }
    expect(s.events.slice(before).map((e) => [e.type, e.payload])).toEqual([
      [
        "contribution.withdrawn",
        {
          contributionId: id,
          tableId: w.openTable,
          organisationId: w.orgA,
          kind: "documento",
          confidential: true,
        },
      ],
    ]);
    const listed = await s.api("GET", `/api/v1/tables/${w.openTable}/contributions`, { token: w.refA.token });
    expect(listed.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const history = await s.api("GET", `/api/v1/tables/${w.openTable}/contributions?includeWithdrawn=true`, {
      token: w.refA.token,
    });
    expect(history.body.items).toContainEqual(
      expect.objectContaining({ id, title: "CANARY-RISERVATO offerta tecnica" }),
    );
    const again = await withdraw(w.refA.token, id);
    expect([again.status, again.body.error.code]).toEqual([409, "contribution_withdrawn"]);
    expect(await s.c.contributions.countDocuments({ _id: new ObjectId(id) })).toBe(1);
  });

  it("lets a referent of the same organisation or an installation admin withdraw", async () => {
    const colleague = await s.createPerson({ name: "Ada Seconda Referente A" });
    await referent(colleague.id, w.foundersTable, w.orgA);
    const first = await withdraw(colleague.token, await logged());
    expect([first.status, first.body.authorId]).toEqual([200, w.refA.id]);
    expect((await withdraw(w.admin.token, await logged())).status).toBe(200);
    const audit = await s.c.audit.findOne({
      action: "contribution.withdrawn",
      actorId: colleague.person._id,
    });
    expect(audit?.actorName).toBe("Ada Seconda Referente A");
  });

  it("refuses a referent of another organisation and everyone else, changing nothing", async () => {
    const id = await logged();
    const secret = await logged({ confidential: true });
    const before = await snapshot(s);
    const cases: [string, string, number, string][] = [
      [w.refB.token, id, 403, "other_organisation"],
      [w.refB.token, secret, 403, "other_organisation"],
      [w.coordinator.token, id, 403, "forbidden"],
      [w.agreementAdmin.token, id, 403, "forbidden"],
      [w.outsider.token, id, 403, "forbidden"],
      [w.outsider.token, secret, 404, "not_found"],
      [w.refA.token, new ObjectId().toHexString(), 404, "not_found"],
      [w.refA.token, "nope", 400, "invalid_id"],
    ];
    for (const [token, target, status, code] of cases) {
      const res = await withdraw(token, target);
      expect([res.status, res.body.error?.code], code).toEqual([status, code]);
    }
    expect((await s.api("POST", `/api/v1/contributions/${id}/withdraw`)).status).toBe(401);
    expect(await snapshot(s)).toEqual(before);
  });

  it("goes into the author's data export, and loses the author's name on erasure", async () => {
    const author = await s.createPerson({ name: "Elena Cancellanda", email: "elena.cancellanda@example.it" });
    await referent(author.id, w.openTable, w.orgB);
    const body = contributionBody(w.orgB, {
      kind: "soluzione",
      title: "Soluzione riusabile",
      confidential: true,
    });
    const id = (await contribute(s, author.token, w.openTable, body)).body.id as string;
    const exported = await s.api("GET", "/api/v1/people/me/export", { token: author.token });
    expect(exported.body.contributions).toEqual([
      expect.objectContaining({ id, title: "Soluzione riusabile", confidential: true, withdrawnAt: null }),
    ]);
    const other = await s.api("GET", "/api/v1/people/me/export", { token: w.refB.token });
    expect(other.body.contributions).toEqual([]);
    expect((await s.api("DELETE", "/api/v1/people/me", { token: author.token })).status).toBe(204);
    const kept = await s.api("GET", `/api/v1/contributions/${id}`, { token: w.refB.token });
    expect(kept.body).toMatchObject({ title: "Soluzione riusabile", authorName: "Persona rimossa" });
    const stored = JSON.stringify([
      await s.c.contributions.find().toArray(),
      await s.c.audit.find().toArray(),
    ]);
    expect(stored).not.toContain("Elena Cancellanda");
  });
});
