import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueLoginLink } from "../server/src/auth/login-links.ts";
import { createCtx } from "../server/src/shared/context.ts";
import { SLACK_IDS, type SlackWorld, startSlackWorld } from "./support/slack-world.ts";

const STRANGER = "Non ti trovo tra le persone di Tavoli";

describe("erasure cuts every access: API tokens, sessions, login links and Slack", () => {
  let world: SlackWorld;
  beforeAll(async () => {
    world = await startSlackWorld();
  });
  afterAll(() => world.close());

  /** A browser session and an unused login link of the person, through the real use cases. */
  async function browserAccess(personId: string) {
    const ctx = createCtx({ db: world.s.db, bus: world.s.bus });
    const publicUrl = world.s.url;
    const issue = () => issueLoginLink({ ctx, input: { personId: new ObjectId(personId), publicUrl } });
    const used = new URL(await issue()).searchParams.get("token");
    const session = await world.s.api("POST", "/api/v1/auth/sessions", { body: { token: used } });
    expect(session.status).toBe(201);
    const cookie = session.headers.getSetCookie()[0]?.split(";")[0] ?? "";
    const pending = new URL(await issue()).searchParams.get("token");
    return { cookie, pending };
  }

  /** The Slack accounts linked to a person: personal data, gone with the erasure itself. */
  const slackLinksOf = (personId: string) =>
    world.s.db.collection("slackUsers").countDocuments({ personId: new ObjectId(personId) });

  /** `/tavoli accedi` from a Slack user: the text of the reply and how many login DMs they got. */
  async function askLogin(userId: string) {
    const { reply } = await world.command("accedi", userId);
    const text: string = (await reply()).body.text;
    const dms = world.slack.callsOf("chat.postMessage", (a) => a.channel === userId).length;
    return { text, dms };
  }

  async function expectNoAccessLeft(
    person: { token: string },
    access: { cookie: string; pending: string | null },
  ) {
    expect((await world.s.api("GET", "/api/v1/people/me", { token: person.token })).status).toBe(401);
    const session = await world.s.api("GET", "/api/v1/auth/session", { headers: { cookie: access.cookie } });
    expect(session.status).toBe(401);
    const link = await world.s.api("POST", "/api/v1/auth/sessions", { body: { token: access.pending } });
    expect(link.status).toBe(400);
    expect(link.body.error.code).toBe("link_invalid");
  }

  it("DELETE /people/{id} by an admin: the person's Slack account becomes a stranger to the bot", async () => {
    const refA = world.w.refA;
    const before = await askLogin(SLACK_IDS.refA);
    expect(before.text).toBe("Ti ho inviato in privato un link di accesso a Tavoli.");
    expect(before.dms).toBe(1);
    const access = await browserAccess(refA.id);

    const erased = await world.s.api("DELETE", `/api/v1/people/${refA.id}`, { token: world.w.admin.token });
    expect(erased.status).toBe(204);
    expect(await slackLinksOf(refA.id)).toBe(0);

    const after = await askLogin(SLACK_IDS.refA);
    expect(after.text).toContain(STRANGER);
    expect(after.dms).toBe(1); // no new login link by DM
    await expectNoAccessLeft(refA, access);
  });

  it("DELETE /people/me: the same, for a person linked to Slack by a one-time link", async () => {
    const colleague = world.w.colleagueA;
    // Linked by the one-time link (not by e-mail), so the stored link is the only way Slack knows them.
    world.slack.addUser({ id: "UOTHERMAIL", email: "altra.casella@altrove.example.it" });
    const first = await askLogin("UOTHERMAIL");
    const token = first.text.match(/\/slack\/link\?token=(\S+)/)?.[1] ?? "";
    const linked = await world.s.api("POST", "/slack/link", {
      token: colleague.token,
      body: { token: decodeURIComponent(token) },
    });
    expect(linked.status).toBe(200);
    expect((await askLogin("UOTHERMAIL")).dms).toBe(1);
    const access = await browserAccess(colleague.id);

    const erased = await world.s.api("DELETE", "/api/v1/people/me", { token: colleague.token });
    expect(erased.status).toBe(204);
    expect(await slackLinksOf(colleague.id)).toBe(0);

    const after = await askLogin("UOTHERMAIL");
    expect(after.text).toContain(STRANGER);
    expect(after.dms).toBe(1);
    await expectNoAccessLeft(colleague, access);
  });
});
