import { ObjectId } from "mongodb";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACTION } from "../bot/src/ids.ts";
import { createSlackReminderChannel } from "../bot/src/index.ts";
import { linkChatAccount } from "../server/src/chat/index.ts";
import { createCtx } from "../server/src/index.ts";
import type { ReminderChannel, ReminderMessage } from "../server/src/reminders/index.ts";
import { type FakeSlack, startFakeSlack } from "./support/fake-slack.ts";
import { startTestServer, type TestServer } from "./support/server.ts";
import { TEST_SIGNING_SECRET } from "./support/slack-requests.ts";
import {
  linkedChannelWithSitting,
  SLACK_IDS,
  type SlackWorld,
  startSlackWorld,
} from "./support/slack-world.ts";

const CANARY = "CANARY-RISERVATO";

/** The DM channel the stand-in's conversations.open gives a user (D + the id without its U). */
const dmOf = (userId: string) => `D${userId.replace(/^U/, "")}`;

describe("Slack reminder channel: a direct message per linked account", () => {
  let world: SlackWorld;
  let channel: ReminderChannel;
  let meetingId: string;
  let message: ReminderMessage;

  beforeEach(async () => {
    world = await startSlackWorld();
    const { s } = world;
    // Referents A (Slack in Italian) and B (Slack in English) have used the bot: their accounts are linked.
    await (await world.command("prossime", SLACK_IDS.refA)).reply();
    await (await world.command("prossime", SLACK_IDS.refB)).reply();
    // The sitting has a confidential agenda item; a channel is linked so the convocation DMs no one.
    ({ meetingId } = await linkedChannelWithSitting(world, {
      agenda: [{ title: "Approvazione verbale" }, { title: `${CANARY} gara in corso`, confidential: true }],
    }));
    const meeting = await s.c.meetings.findOne({ _id: new ObjectId(meetingId) });
    const table = await s.c.tables.findOne({ _id: meeting?.tableId });
    message = {
      kind: "before",
      meetingId,
      title: meeting?.title ?? "",
      tableName: table?.name ?? "",
      startsAt: meeting?.startsAt ?? new Date(),
      leadMinutes: 60,
      url: `${s.config.publicUrl}/#/meetings/${meetingId}`,
      rsvpOpen: true,
      lang: "it",
    };
    const built = createSlackReminderChannel({
      config: s.config,
      db: s.db,
      bus: s.bus,
      now: () => s.clock.now,
    });
    if (!built) throw new Error("Slack is configured in this world");
    channel = built;
  });
  afterEach(async () => {
    await world.close();
  });

  const person = (who: { id: string }) => new ObjectId(who.id);
  const postsTo = (userId: string) =>
    world.slack.callsOf("chat.postMessage", (a) => a.channel === dmOf(userId));

  it("posts the reminder to the linked user in Italian, Rome time, with RSVP buttons that record the answer", async () => {
    const tableName = message.tableName;
    const outcome = await channel.send({
      personId: person(world.w.refA),
      message,
      key: "occ-1",
      firstAttempt: true,
    });
    expect(outcome).toEqual({ status: "delivered" });
    const opened = world.slack.callsOf("conversations.open", (a) => a.users === SLACK_IDS.refA);
    expect(opened).toHaveLength(1);
    const [post] = postsTo(SLACK_IDS.refA);
    expect(post?.token).toBe("xoxb-test-bot-token");
    expect(post?.args.text).toBe(
      `Promemoria: Seduta di marzo — ${tableName}, martedì 24 marzo 2026, 10:00 (tra 1 ora)`,
    );
    const buttons = post?.args.blocks.find((b: { type: string }) => b.type === "actions").elements;
    expect(buttons.map((b: { action_id: string }) => b.action_id)).toEqual([
      ACTION.rsvpPresenza,
      ACTION.rsvpRemoto,
      ACTION.rsvpAssente,
      ACTION.openTavoli,
    ]);
    expect(buttons[3]).toMatchObject({ text: { text: "Partecipa" }, url: message.url });

    // Pressing "Presente" in the DM goes through the same interaction path as the convocation's button.
    const attend = buttons[0];
    const { ack, reply } = await world.click({
      userId: SLACK_IDS.refA,
      actionId: attend.action_id,
      value: attend.value,
      channelId: dmOf(SLACK_IDS.refA),
      messageTs: post?.args.ts,
    });
    expect(ack.status).toBe(200);
    expect((await reply()).body.text).toBe("Risposta registrata: *Presente* per «Seduta di marzo».");
    const rsvp = await world.s.c.rsvps.findOne({
      meetingId: new ObjectId(meetingId),
      personId: person(world.w.refA),
    });
    expect(rsvp?.answer).toBe("presenza");
  });

  it("speaks English to a user whose Slack is in English", async () => {
    const outcome = await channel.send({
      personId: person(world.w.refB),
      message: { ...message, leadMinutes: 1440 },
      key: "occ-en",
      firstAttempt: true,
    });
    expect(outcome.status).toBe("delivered");
    const [post] = postsTo(SLACK_IDS.refB);
    expect(post?.args.text).toBe(
      `Reminder: Seduta di marzo — ${message.tableName}, Tuesday 24 March 2026, 10:00 (tomorrow)`,
    );
    expect(JSON.stringify(post?.args.blocks)).toContain('"text":"Attending"');
  });

  it("says a cancelled sitting is cancelled, with no buttons", async () => {
    const cancelled = { ...message, kind: "cancelled" as const, leadMinutes: null, rsvpOpen: false };
    expect(
      (
        await channel.send({
          personId: person(world.w.refA),
          message: cancelled,
          key: "occ-x",
          firstAttempt: true,
        })
      ).status,
    ).toBe("delivered");
    const [post] = postsTo(SLACK_IDS.refA);
    expect(post?.args.text).toMatch(/^Annullata: Seduta di marzo — /);
    expect(post?.args.blocks.filter((b: { type: string }) => b.type === "actions")).toEqual([]);
    expect(JSON.stringify(post?.args.blocks)).not.toContain('"type":"button"');
  });

  it("answers unreachable for a person with no linked Slack account, and posts nothing", async () => {
    const before = world.slack.calls.length;
    const outcome = await channel.send({
      personId: person(world.w.colleagueA),
      message,
      key: "occ-2",
      firstAttempt: true,
    });
    expect(outcome).toEqual({ status: "unreachable" });
    expect(world.slack.calls.slice(before)).toEqual([]);
  });

  it("hands a 429 back at once as retry with Slack's Retry-After, then delivers on the next attempt", async () => {
    world.slack.failNext("chat.postMessage", { kind: "ratelimited", retryAfterSeconds: 30 });
    const started = Date.now();
    const outcome = await channel.send({
      personId: person(world.w.refA),
      message,
      key: "occ-3",
      firstAttempt: true,
    });
    expect(outcome).toMatchObject({ status: "retry", retryAfterMs: 30_000 });
    // Neither waited out nor repeated by the client: the sender schedules the retry.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(postsTo(SLACK_IDS.refA)).toHaveLength(1);
    expect(
      await channel.send({ personId: person(world.w.refA), message, key: "occ-3", firstAttempt: false }),
    ).toEqual({
      status: "delivered",
    });
    expect(postsTo(SLACK_IDS.refA)).toHaveLength(2);
  });

  it("answers failed with Slack's error for an inactive account", async () => {
    world.slack.failNext("chat.postMessage", { kind: "error", error: "account_inactive" });
    const outcome = await channel.send({
      personId: person(world.w.refA),
      message,
      key: "occ-4",
      firstAttempt: true,
    });
    expect(outcome).toEqual({ status: "failed", detail: "account_inactive" });
  });

  it("answers retry when Slack is down (HTTP 503), without the client repeating the call", async () => {
    world.slack.failNext("chat.postMessage", { kind: "http", status: 503 });
    const outcome = await channel.send({
      personId: person(world.w.refA),
      message,
      key: "occ-503",
      firstAttempt: true,
    });
    expect(outcome).toEqual({ status: "retry", detail: "http_503" });
    expect(postsTo(SLACK_IDS.refA)).toHaveLength(1);
  });

  it("posts once for the same key sent twice, and again for another occurrence", async () => {
    const first = await channel.send({
      personId: person(world.w.refA),
      message,
      key: "occ-5",
      firstAttempt: true,
    });
    const again = await channel.send({
      personId: person(world.w.refA),
      message,
      key: "occ-5",
      firstAttempt: false,
    });
    expect([first.status, again.status]).toEqual(["delivered", "delivered"]);
    expect(postsTo(SLACK_IDS.refA)).toHaveLength(1);
    await channel.send({
      personId: person(world.w.refA),
      message: { ...message, leadMinutes: 15 },
      key: "occ-6",
      firstAttempt: true,
    });
    expect(postsTo(SLACK_IDS.refA)).toHaveLength(2);
  });

  it("never sends the sitting's confidential agenda: only the title and table it is given", async () => {
    await channel.send({ personId: person(world.w.refA), message, key: "occ-7", firstAttempt: true });
    await channel.send({
      personId: person(world.w.refB),
      message: { ...message, kind: "confirm" },
      key: "occ-7",
      firstAttempt: true,
    });
    const reminders = world.slack.calls.filter((call) => String(call.args.channel).startsWith("D"));
    expect(reminders).toHaveLength(2);
    expect(JSON.stringify(reminders)).not.toContain(CANARY);
    // The sitting does hold the canary: the test would see it if the channel read the agenda.
    const meeting = await world.s.c.meetings.findOne({ _id: new ObjectId(meetingId) });
    expect(JSON.stringify(meeting?.agenda)).toContain(CANARY);
  });
});

describe("Slack reminder channel: many workspaces (OAuth installs)", () => {
  let slack: FakeSlack;
  let s: TestServer;
  let channel: ReminderChannel;
  const TEAM = "T-ente2";
  const TOKEN = "xoxb-ente2";

  beforeAll(async () => {
    slack = await startFakeSlack();
    s = await startTestServer({
      env: {
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_CLIENT_ID: "1111.2222",
        SLACK_CLIENT_SECRET: "client-secret-for-tests",
        SLACK_STATE_SECRET: "state-secret-0123456789abcdef",
        SLACK_API_URL: slack.apiUrl,
      },
    });
    await s.db.collection("slackInstallations").insertOne({
      _id: TEAM as never,
      installation: {
        team: { id: TEAM },
        enterprise: undefined,
        isEnterpriseInstall: false,
        tokenType: "bot",
        bot: { token: TOKEN, userId: "UBOT2", id: "BBOT2", scopes: [] },
      },
      installedAt: new Date(),
    });
    const built = createSlackReminderChannel({ config: s.config, db: s.db, bus: s.bus });
    if (!built) throw new Error("Slack is configured");
    channel = built;
  });
  afterAll(async () => {
    await s.close();
    await slack.close();
  });

  const link = (personId: string, teamId: string, userId: string) =>
    linkChatAccount({
      ctx: createCtx({ db: s.db, bus: s.bus }),
      input: { teamId, userId, personId: new ObjectId(personId), locale: "it-IT", linkedBy: "email" },
    });
  const message: ReminderMessage = {
    kind: "confirm",
    meetingId: new ObjectId().toHexString(),
    title: "Seduta di aprile",
    tableName: "Tavolo tecnico",
    startsAt: new Date("2026-04-14T08:00:00Z"),
    leadMinutes: null,
    url: "http://localhost/#/meetings/x",
    rsvpOpen: true,
    lang: "it",
  };

  it("posts with the bot token of the account's own workspace", async () => {
    const person = await s.createPerson();
    await link(person.id, TEAM, "UENTE2");
    const outcome = await channel.send({
      personId: new ObjectId(person.id),
      message,
      key: "ws-1",
      firstAttempt: true,
    });
    expect(outcome).toEqual({ status: "delivered" });
    const post = slack.callsOf("chat.postMessage", (a) => a.channel === "DENTE2");
    expect(post.map((call) => call.token)).toEqual([TOKEN]);
    expect(post[0]?.args.text).toBe(
      "Conferma la tua presenza: Seduta di aprile — Tavolo tecnico, martedì 14 aprile 2026, 10:00",
    );
  });

  it("answers unreachable when the only linked workspace is no longer installed", async () => {
    const person = await s.createPerson();
    await link(person.id, "T-gone", "UGONE");
    const outcome = await channel.send({
      personId: new ObjectId(person.id),
      message,
      key: "ws-2",
      firstAttempt: true,
    });
    expect(outcome.status).toBe("unreachable");
    expect(slack.callsOf("conversations.open", (a) => a.users === "UGONE")).toEqual([]);
  });

  it("answers failed with Slack's error when the workspace's token no longer works", async () => {
    const person = await s.createPerson();
    await link(person.id, TEAM, "UREVOKED");
    slack.failNext("conversations.open", { kind: "error", error: "invalid_auth" });
    const outcome = await channel.send({
      personId: new ObjectId(person.id),
      message,
      key: "ws-3",
      firstAttempt: true,
    });
    expect(outcome).toEqual({ status: "failed", detail: "invalid_auth" });
  });
});
