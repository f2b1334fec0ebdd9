import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackBot, type SlackBot } from "../bot/src/index.ts";
import { BOT_SCOPES } from "../bot/src/oauth/scopes.ts";
import { type FakeSlack, startFakeSlack } from "./support/fake-slack.ts";
import { startTestServer, type TestServer } from "./support/server.ts";
import {
  sendEvent,
  sendSlashCommand,
  slashCommandBody,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
} from "./support/slack-requests.ts";

const CLIENT_ID = "1111.2222";
const STATE_COOKIE = "slack-app-oauth-state";
const INSTALLED_TEAM = "T-abc"; // the stand-in's oauth.v2.access names the team and token after the code
const INSTALLED_TOKEN = "xoxb-installed-abc";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// A second workspace, installed from the start, whose commands mark "everything sent before is done".
const MARKER_TEAM = "T-marker";
const MARKER_TOKEN = "xoxb-marker";
const MARKER_USER = "UMARKER";

describe("Slack: installing the app in many workspaces (OAuth)", () => {
  let slack: FakeSlack;
  let s: TestServer;

  beforeAll(async () => {
    slack = await startFakeSlack();
    s = await startTestServer({
      env: {
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_CLIENT_ID: CLIENT_ID,
        SLACK_CLIENT_SECRET: "client-secret-for-tests",
        SLACK_STATE_SECRET: "state-secret-0123456789abcdef",
        SLACK_API_URL: slack.apiUrl,
      },
    });
    await installations().insertOne({
      _id: MARKER_TEAM as never,
      installation: {
        team: { id: MARKER_TEAM },
        enterprise: undefined,
        isEnterpriseInstall: false,
        tokenType: "bot",
        bot: { token: MARKER_TOKEN, userId: "UMARKERBOT", id: "BMARKER", scopes: [] },
      },
      installedAt: new Date(),
    });
    slack.addUser({ id: MARKER_USER, teamId: MARKER_TEAM, email: "nessuno@marker.example.it" });
  });
  afterAll(async () => {
    await s.close();
    await slack.close();
  });

  /**
   * Instead of sleeping: a stranger's command in the marker workspace, sent after the request under
   * test and answered in turn; once its reply is there, anything that request set off is recorded too.
   */
  async function marker() {
    const { responseUrl } = await command("prossime", MARKER_USER, MARKER_TEAM);
    return slack.waitForResponse(responseUrl);
  }
  const notMarker = (call: { token: string | null }) => call.token !== MARKER_TOKEN;

  const installations = () => s.db.collection("slackInstallations");

  /** Opens /slack/install as a browser would: the "Add to Slack" link and the state cookie it set. */
  async function startInstall() {
    const response = await fetch(`${s.url}/slack/install`, { redirect: "manual" });
    const html = await response.text();
    const href = html.match(/href="(https:\/\/slack\.com\/[^"]+)"/)?.[1] ?? "";
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${STATE_COOKIE}=`)) ?? "";
    return { response, authorize: new URL(href), cookie: cookie.split(";")[0] ?? "" };
  }

  /** Slack sends the admin back with a code and the state. */
  function comeBack(query: Record<string, string>, cookie?: string) {
    return fetch(`${s.url}/slack/oauth_redirect?${new URLSearchParams(query)}`, {
      headers: { "accept-language": "it-IT", ...(cookie ? { cookie } : {}) },
      redirect: "manual",
    });
  }

  function command(text: string, userId: string, teamId: string) {
    const responseUrl = slack.responseUrl();
    return sendSlashCommand(s.url, { text, userId, teamId, responseUrl }).then((ack) => ({
      ack,
      responseUrl,
    }));
  }

  it("sends the admin to Slack's authorize page with the client id, the bot scopes and a state cookie", async () => {
    const { response, authorize, cookie } = await startInstall();
    expect(response.status).toBe(200);
    expect(`${authorize.origin}${authorize.pathname}`).toBe("https://slack.com/oauth/v2/authorize");
    expect(authorize.searchParams.get("client_id")).toBe(CLIENT_ID);
    expect(authorize.searchParams.get("scope")?.split(",").sort()).toEqual([...BOT_SCOPES].sort());
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${s.config.publicUrl}/slack/oauth_redirect`);
    const state = authorize.searchParams.get("state") ?? "";
    expect(state.length).toBeGreaterThan(20);
    expect(cookie).toBe(`${STATE_COOKIE}=${state}`);
  });

  it("exchanges the code, stores the workspace's installation and says so in Italian", async () => {
    const { authorize, cookie } = await startInstall();
    const response = await comeBack(
      { code: "abc", state: authorize.searchParams.get("state") ?? "" },
      cookie,
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Tavoli è installato nello spazio di lavoro Ente installatore");
    expect(html).toContain("/tavoli collega");

    const exchange = slack.callsOf("oauth.v2.access");
    expect(exchange).toHaveLength(1);
    expect(exchange[0]?.args).toMatchObject({
      code: "abc",
      client_id: CLIENT_ID,
      redirect_uri: `${s.config.publicUrl}/slack/oauth_redirect`,
    });
    const stored = await installations().findOne({ _id: INSTALLED_TEAM as never });
    expect(stored?.installation.team).toEqual({ id: INSTALLED_TEAM, name: "Ente installatore" });
    expect(stored?.installation.bot.token).toBe(INSTALLED_TOKEN);
    expect(stored?.installation.bot.userId).toBe("UTAVOLIBOT");
    expect(stored?.installedAt).toBeInstanceOf(Date);
  });

  it("answers a command from the installed workspace with that workspace's bot token", async () => {
    const person = await s.createPerson({ email: "sindaca@comune-abc.example.it" });
    slack.addUser({ id: "UABC", teamId: INSTALLED_TEAM, email: person.person.email });
    const before = slack.calls.length;
    const { ack, responseUrl } = await command("prossime", "UABC", INSTALLED_TEAM);
    expect(ack.status).toBe(200);
    expect((await slack.waitForResponse(responseUrl)).body.text).toBe("Non hai riunioni in programma.");
    const made = slack.calls.slice(before);
    expect(made.map((call) => call.method)).toContain("users.info");
    expect(made.every((call) => call.token === INSTALLED_TOKEN)).toBe(true);
    expect(await s.db.collection("slackUsers").countDocuments({ teamId: INSTALLED_TEAM })).toBe(1);
  });

  it("acknowledges a command from a workspace that never installed the app, and does nothing", async () => {
    const before = slack.calls.length;
    const started = Date.now();
    const { ack, responseUrl } = await command("prossime", "UNOBODY", "T-never");
    // Bolt's authorize fails (no installation): it acks with an empty 200 so Slack does not retry.
    expect(ack.status).toBe(200);
    expect(ack.text).toBe("");
    expect(Date.now() - started).toBeLessThan(3000); // within Slack's 3 s, no hang
    const markerReply = await marker();
    expect(slack.calls.slice(before).filter(notMarker)).toEqual([]);
    expect(
      slack.responses.filter((r) => r !== markerReply).some((r) => responseUrl.endsWith(`/${r.id}`)),
    ).toBe(false);
  });

  it("refuses a wrong state, or a state without the browser's cookie, and stores nothing", async () => {
    const count = await installations().countDocuments({});
    const { authorize, cookie } = await startInstall();
    const forged = await comeBack({ code: "evil", state: "not-the-state" }, cookie);
    expect(forged.status).toBe(400);
    const html = await forged.text();
    expect(html).toContain("Installazione non riuscita");
    expect(html).toContain("Riprovare dall&#39;inizio");
    const noCookie = await comeBack({ code: "evil", state: authorize.searchParams.get("state") ?? "" });
    expect(noCookie.status).toBe(400);
    expect(slack.callsOf("oauth.v2.access", (args) => args.code === "evil")).toEqual([]);
    expect(await installations().countDocuments({})).toBe(count);
    expect(await installations().countDocuments({ _id: "T-evil" as never })).toBe(0);
  });

  it("forgets the workspace when the app is uninstalled", async () => {
    const response = await sendEvent(s.url, { type: "app_uninstalled", event_ts: "1.1" }, INSTALLED_TEAM);
    expect(response.status).toBe(200);
    for (let i = 0; i < 80 && (await installations().countDocuments({ _id: INSTALLED_TEAM as never })); i++) {
      await sleep(25);
    }
    expect(await installations().countDocuments({ _id: INSTALLED_TEAM as never })).toBe(0);
    expect(await s.db.collection("slackUsers").countDocuments({ teamId: INSTALLED_TEAM })).toBe(0);

    const before = slack.calls.length;
    const { ack } = await command("prossime", "UABC", INSTALLED_TEAM);
    expect(ack.status).toBe(200);
    await marker();
    expect(slack.calls.slice(before).filter(notMarker)).toEqual([]);
  });
});

describe("Slack: Socket Mode against the stand-in", () => {
  let slack: FakeSlack;
  let s: TestServer;
  let bot: SlackBot | null = null;

  beforeAll(async () => {
    slack = await startFakeSlack();
    s = await startTestServer({
      env: { SLACK_APP_TOKEN: "xapp-1-test", SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_API_URL: slack.apiUrl },
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await s.close();
    await slack.close();
  });

  it("opens the connection with the app token and answers /tavoli aiuto in the ack envelope", async () => {
    // The test server builds the bot but, as in production, only main.ts starts Socket Mode.
    bot = createSlackBot({ config: s.config, db: s.db, bus: s.bus });
    expect(bot?.mode).toBe("socket");
    await bot?.start();
    const open = slack.callsOf("apps.connections.open");
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe("xapp-1-test");
    expect(slack.socketMode.connections()).toBe(1);

    const payload = Object.fromEntries(
      new URLSearchParams(
        slashCommandBody({ text: "aiuto", userId: "USTRANGER", responseUrl: slack.responseUrl() }),
      ),
    );
    const envelopeId = slack.socketMode.send("slash_commands", payload);
    const ack = await slack.socketMode.waitForAck(envelopeId);
    expect(ack.payload?.response_type).toBe("ephemeral");
    expect(ack.payload?.text).toContain("Tavoli: i comandi");
    expect(ack.payload?.text).toContain("/tavoli prossime");
  });
});
