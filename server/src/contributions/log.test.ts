import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedEvents } from "../../../test/support/records.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { convene, meetingWorld } from "../meetings/test-fixtures.ts";
import { loadActor } from "../people/load-actor.ts";
import { createCtx } from "../shared/context.ts";
import { logContribution } from "./log.ts";
import { contribute, contributionBody, snapshot } from "./test-fixtures.ts";

describe("bringing a contribution to a table", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
  });
  afterAll(() => s.close());

  it("logs a referent's document for their organisation, tied to a sitting, and tells the table", async () => {
    const meetingId = (await convene(s, w.coordinator.token, w.openTable)).body.id as string;
    const before = s.events.length;
    const res = await contribute(s, w.refA.token, w.openTable, contributionBody(w.orgA, { meetingId }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      tableId: w.openTable,
      agreementId: w.agreementId,
      organisationId: w.orgA,
      organisationName: "Comune di Caltagirone",
      meetingId,
      kind: "documento",
      title: "Linee guida per la migrazione al cloud",
      url: "https://example.it/linee-guida.pdf",
      confidential: false,
      source: "api",
      authorId: w.refA.id,
      authorName: "Anna Referente A",
      createdAt: "2026-03-10T09:00:00.000Z",
      withdrawnAt: null,
    });
    expect(s.events.slice(before).map((e) => [e.type, e.payload])).toEqual([
      [
        "contribution.logged",
        {
          contributionId: res.body.id,
          tableId: w.openTable,
          organisationId: w.orgA,
          kind: "documento",
          confidential: false,
          title: "Linee guida per la migrazione al cloud",
        },
      ],
    ]);
    const shown = await s.api("GET", `/api/v1/contributions/${res.body.id}`, { token: w.outsider.token });
    expect(shown.body).toEqual({ ...res.body, attachments: [] });
    const comment = await contribute(s, w.admin.token, w.openTable, {
      organisationId: w.orgB,
      kind: "commento",
      title: "  Serve un glossario comune  ",
    });
    expect(comment.body).toMatchObject({ title: "Serve un glossario comune", url: null, description: "" });
  });

  it("keeps a confidential title out of the event payload", async () => {
    const before = s.events.length;
    const body = contributionBody(w.orgB, {
      title: "CANARY-RISERVATO capitolato di gara",
      confidential: true,
    });
    const res = await contribute(s, w.refB.token, w.openTable, body);
    expect(res.status).toBe(201);
    const logged = s.events.slice(before);
    expect(logged.map((e) => e.payload)).toEqual([
      {
        contributionId: res.body.id,
        tableId: w.openTable,
        organisationId: w.orgB,
        kind: "documento",
        confidential: true,
      },
    ]);
    expect(JSON.stringify(await storedEvents(s.c))).not.toContain("CANARY");
  });

  it("refuses other organisations, organisations off the table and strangers, changing nothing", async () => {
    const foundersMeeting = await convene(s, w.admin.token, w.foundersTable);
    const before = await snapshot(s);
    const cases: [string, string, unknown, number, string][] = [
      [w.refB.token, w.openTable, contributionBody(w.orgA), 403, "other_organisation"],
      [w.outsider.token, w.openTable, contributionBody(w.orgA), 403, "forbidden"],
      [w.coordinator.token, w.openTable, contributionBody(w.orgA), 403, "forbidden"],
      [w.refB.token, w.foundersTable, contributionBody(w.orgB), 409, "organisation_not_on_table"],
      [w.admin.token, w.foundersTable, contributionBody(w.orgB), 409, "organisation_not_on_table"],
      [
        w.refA.token,
        w.openTable,
        contributionBody(w.orgA, { meetingId: foundersMeeting.body.id }),
        400,
        "meeting_not_of_table",
      ],
      [
        w.refA.token,
        w.openTable,
        contributionBody(w.orgA, { meetingId: new ObjectId().toHexString() }),
        404,
        "not_found",
      ],
      [w.refA.token, new ObjectId().toHexString(), contributionBody(w.orgA), 404, "not_found"],
      [w.refA.token, "tavolo", contributionBody(w.orgA), 400, "invalid_id"],
    ];
    for (const [token, tableId, body, status, code] of cases) {
      const res = await contribute(s, token, tableId, body);
      expect([res.status, res.body.error?.code], code).toEqual([status, code]);
    }
    const anonymous = await s.api("POST", `/api/v1/tables/${w.openTable}/contributions`, {
      body: contributionBody(w.orgA),
    });
    expect(anonymous.status).toBe(401);
    const off = await contribute(s, w.refB.token, w.foundersTable, contributionBody(w.orgB));
    expect(off.body.error.message).toBe("L'ente non siede a questo tavolo.");
    expect(await snapshot(s)).toEqual(before);
  });

  it("refuses bad input with its own code and an Italian message, changing nothing", async () => {
    const before = await snapshot(s);
    const cases: [unknown, string, string][] = [
      [contributionBody(w.orgA, { url: undefined }), "contribution_url_required", "Serve il collegamento"],
      [contributionBody(w.orgA, { kind: "dataset", url: "" }), "contribution_url_required", "Serve"],
      [
        contributionBody(w.orgA, { url: "javascript:alert(1)" }),
        "contribution_url_invalid",
        "Il collegamento",
      ],
      [
        contributionBody(w.orgA, { url: "ftp://example.it/x" }),
        "contribution_url_invalid",
        "Il collegamento",
      ],
      [contributionBody(w.orgA, { url: "non un link" }), "contribution_url_invalid", "Il collegamento"],
      [contributionBody(w.orgA, { title: "   " }), "validation_failed", "Dati non validi."],
      [contributionBody(w.orgA, { kind: "libro" }), "validation_failed", "Dati non validi."],
      [contributionBody(w.orgA, { confidential: "sì" }), "validation_failed", "Dati non validi."],
      [contributionBody(w.orgA, { extra: 1 }), "validation_failed", "Dati non validi."],
      [contributionBody("ente"), "validation_failed", "Dati non validi."],
    ];
    for (const [body, code, message] of cases) {
      const res = await contribute(s, w.refA.token, w.openTable, body);
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([400, code]);
      expect(res.body.error.message).toContain(message);
    }
    const en = await s.api("POST", `/api/v1/tables/${w.openTable}/contributions`, {
      token: w.refA.token,
      body: contributionBody(w.orgA, { url: "javascript:alert(1)" }),
      lang: "en",
    });
    expect(en.body.error.message).toBe("The link must be a web address starting with http:// or https://.");
    expect(await snapshot(s)).toEqual(before);
  });

  it("is the same use case for the Slack bot, which validates the same way", async () => {
    const actor = await loadActor(s.c, new ObjectId(w.refA.id), s.clock.now);
    const ctx = createCtx({ db: s.db, bus: s.bus, actor, now: () => new Date(s.clock.now) });
    const input = {
      tableId: new ObjectId(w.openTable),
      organisationId: new ObjectId(w.orgA),
      kind: "dataset" as const,
      title: "Dataset dei servizi online",
      description: "",
      url: "https://dati.example.it/servizi.csv",
      confidential: false,
      meetingId: null,
      source: "slack" as const,
    };
    const doc = await logContribution({ ctx, input });
    expect(doc).toMatchObject({ source: "slack", authorName: "Anna Referente A", withdrawnAt: null });
    await expect(
      logContribution({ ctx, input: { ...input, url: "javascript:void(0)" } }),
    ).rejects.toMatchObject({ code: "contribution_url_invalid" });
    await expect(
      logContribution({ ctx, input: { ...input, kind: "libro" as "dataset" } }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(
      logContribution({ ctx, input: { ...input, organisationId: new ObjectId(w.orgB) } }),
    ).rejects.toMatchObject({ code: "other_organisation", status: 403 });
  });
});
