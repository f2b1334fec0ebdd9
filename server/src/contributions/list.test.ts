import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { meetingWorld } from "../meetings/test-fixtures.ts";
import { contribute, contributionBody } from "./test-fixtures.ts";

describe("a table's contributions", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
    const bodies: [string, string, Record<string, unknown>][] = [
      ["docA", w.refA.token, contributionBody(w.orgA, { title: "Documento A" })],
      ["practiceA", w.refA.token, contributionBody(w.orgA, { kind: "buona_pratica", title: "Pratica A" })],
      [
        "secretA",
        w.refA.token,
        contributionBody(w.orgA, { kind: "soluzione", title: "RISERVATO soluzione A", confidential: true }),
      ],
      ["datasetB", w.refB.token, contributionBody(w.orgB, { kind: "dataset", title: "Dataset B" })],
      ["commentB", w.refB.token, { organisationId: w.orgB, kind: "commento", title: "Commento B" }],
    ];
    for (const [name, token, body] of bodies) {
      const res = await contribute(s, token, w.openTable, body);
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      ids[name] = res.body.id;
    }
  });
  afterAll(() => s.close());

  const list = async (token: string, query = "") => {
    const res = await s.api("GET", `/api/v1/tables/${w.openTable}/contributions${query}`, { token });
    return { ...res, titles: (res.body.items ?? []).map((i: { title: string }) => i.title) as string[] };
  };

  it("shows the table's circle everything, newest first, and others the non-confidential only", async () => {
    const all = ["Commento B", "Dataset B", "RISERVATO soluzione A", "Pratica A", "Documento A"];
    for (const person of [w.refA, w.refB, w.coordinator, w.agreementAdmin, w.admin]) {
      expect((await list(person.token)).titles).toEqual(all);
    }
    const outside = all.filter((t) => !t.startsWith("RISERVATO"));
    for (const person of [w.outsider, w.colleagueA]) {
      const res = await list(person.token);
      expect([res.status, res.titles]).toEqual([200, outside]);
      expect(JSON.stringify(res.body)).not.toContain("RISERVATO");
      const single = await s.api("GET", `/api/v1/contributions/${ids.secretA}`, { token: person.token });
      expect([single.status, single.body.error.code]).toEqual([404, "not_found"]);
    }
    const member = await s.api("GET", `/api/v1/contributions/${ids.secretA}`, { token: w.refB.token });
    expect(member.body).toMatchObject({ title: "RISERVATO soluzione A", confidential: true });
    expect((await s.api("GET", `/api/v1/tables/${w.openTable}/contributions`)).status).toBe(401);
  });

  it("filters by kind and by organisation, and pages with a cursor", async () => {
    expect((await list(w.refA.token, "?kind=dataset")).titles).toEqual(["Dataset B"]);
    expect((await list(w.refA.token, `?organisationId=${w.orgA}`)).titles).toEqual([
      "RISERVATO soluzione A",
      "Pratica A",
      "Documento A",
    ]);
    expect((await list(w.outsider.token, `?organisationId=${w.orgA}&kind=soluzione`)).titles).toEqual([]);
    expect((await list(w.refB.token, `?organisationId=${w.orgB}&kind=commento`)).body.items).toEqual([
      expect.objectContaining({ id: ids.commentB, organisationName: "Comune di Mineo", url: null }),
    ]);
    const first = await list(w.refA.token, "?limit=2");
    expect([first.titles, typeof first.body.nextCursor]).toEqual([["Commento B", "Dataset B"], "string"]);
    const second = await list(w.refA.token, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.titles).toEqual(["RISERVATO soluzione A", "Pratica A"]);
    const last = await list(w.refA.token, `?limit=2&cursor=${second.body.nextCursor}`);
    expect([last.titles, last.body.nextCursor]).toEqual([["Documento A"], null]);
  });

  it("refuses bad filters and unknown tables", async () => {
    const cases: [string, number, string][] = [
      ["?kind=libro", 400, "validation_failed"],
      ["?organisationId=ente", 400, "validation_failed"],
      ["?limit=0", 400, "validation_failed"],
      ["?includeWithdrawn=forse", 400, "validation_failed"],
      ["?cursor=zzz", 400, "invalid_cursor"],
    ];
    for (const [query, status, code] of cases) {
      const res = await list(w.refA.token, query);
      expect([res.status, res.body.error?.code], query).toEqual([status, code]);
    }
    const unknown = await s.api("GET", `/api/v1/tables/${new ObjectId().toHexString()}/contributions`, {
      token: w.refA.token,
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "not_found"]);
    const badId = await s.api("GET", "/api/v1/contributions/abc", { token: w.refA.token });
    expect([badId.status, badId.body.error.code]).toEqual([400, "invalid_id"]);
  });
});
