import { createHash } from "node:crypto";
import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION } from "../bot/src/ids.ts";
import { convene } from "../server/src/meetings/test-fixtures.ts";
import {
  buttonClick,
  postToSlackEvents,
  slackSignature,
  slashCommandBody,
} from "./support/slack-requests.ts";
import { SLACK_IDS, type SlackWorld, startSlackWorld } from "./support/slack-world.ts";

const FORM = "application/x-www-form-urlencoded";

describe("Slack bot: a signed request runs once", () => {
  let world: SlackWorld;
  let meetingId: string;

  beforeAll(async () => {
    world = await startSlackWorld();
    meetingId = (await convene(world.s, world.w.coordinator.token, world.w.openTable)).body.id;
  });
  afterAll(async () => {
    await world.close();
  });

  /** Referent B's answer as stored. */
  const answerOfB = async () =>
    (
      await world.s.c.rsvps.findOne({
        meetingId: new ObjectId(meetingId),
        personId: new ObjectId(world.w.refB.id),
      })
    )?.answer;

  /** The form body of a click by referent B on one of the RSVP buttons, and where its reply goes. */
  const clickBody = (actionId: string) => {
    const responseUrl = world.slack.responseUrl();
    const payload = buttonClick({ userId: SLACK_IDS.refB, actionId, value: meetingId, responseUrl });
    return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), responseUrl };
  };

  it("refuses the exact signed request replayed inside the window, keeping the newer answer", async () => {
    const absent = clickBody(ACTION.rsvpAssente);
    const signedAt = Math.floor(Date.now() / 1000);
    const original = { timestampSeconds: signedAt, signature: slackSignature(absent.body, signedAt) };
    expect((await postToSlackEvents(world.s.url, absent.body, FORM, original)).status).toBe(200);
    await world.slack.waitForResponse(absent.responseUrl);
    expect(await answerOfB()).toBe("assente");

    const present = await world.click({
      userId: SLACK_IDS.refB,
      actionId: ACTION.rsvpPresenza,
      value: meetingId,
    });
    expect(present.ack.status).toBe(200);
    await present.reply();
    expect(await answerOfB()).toBe("presenza");

    const replayed = await postToSlackEvents(world.s.url, absent.body, FORM, original);
    expect(replayed.status).toBe(401);
    expect(replayed.json).toEqual({ error: "replayed_request" });
    expect(await answerOfB()).toBe("presenza");
  });

  it("acknowledges a Slack retry of a request already handled without running it again", async () => {
    const help = slashCommandBody({
      text: "aiuto",
      userId: SLACK_IDS.refA,
      responseUrl: world.slack.responseUrl(),
    });
    const first = await postToSlackEvents(world.s.url, help, FORM);
    expect(first.json.text).toContain("Tavoli: i comandi");
    // Slack signs a retry anew (later timestamp) and resends the same body with the retry headers.
    const retryHeaders = { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" };
    const retry = await postToSlackEvents(world.s.url, help, FORM, {
      timestampSeconds: Math.floor(Date.now() / 1000) + 1,
      headers: retryHeaders,
    });
    expect(retry.status).toBe(200);
    expect(retry.text).toBe("");

    const absent = clickBody(ACTION.rsvpAssente);
    expect((await postToSlackEvents(world.s.url, absent.body, FORM)).status).toBe(200);
    await world.slack.waitForResponse(absent.responseUrl);
    const present = await world.click({
      userId: SLACK_IDS.refB,
      actionId: ACTION.rsvpPresenza,
      value: meetingId,
    });
    await present.reply();
    const retried = await postToSlackEvents(world.s.url, absent.body, FORM, {
      timestampSeconds: Math.floor(Date.now() / 1000) + 2,
      headers: retryHeaders,
    });
    expect(retried.status).toBe(200);
    expect(await answerOfB()).toBe("presenza");
  });

  it("runs a Slack retry whose first attempt never arrived", async () => {
    const help = slashCommandBody({
      text: "aiuto",
      userId: SLACK_IDS.refA,
      responseUrl: world.slack.responseUrl(),
    });
    const retry = await postToSlackEvents(world.s.url, help, FORM, { headers: { "x-slack-retry-num": "2" } });
    expect(retry.status).toBe(200);
    expect(retry.json.text).toContain("Tavoli: i comandi");
  });

  it("forgets a request once it can no longer come back: an expired row does not count and is swept", async () => {
    const help = slashCommandBody({
      text: "aiuto",
      userId: SLACK_IDS.refA,
      responseUrl: world.slack.responseUrl(),
    });
    const requests = world.s.db.collection("slackRequests");
    // As if this body had been handled long ago (rows outlive their expiry until the next write sweeps).
    await requests.insertOne({
      signature: "v0=old",
      bodyHash: createHash("sha256").update(help).digest("hex"),
      expiresAt: new Date(Date.now() - 1000),
    });
    const retry = await postToSlackEvents(world.s.url, help, FORM, { headers: { "x-slack-retry-num": "3" } });
    expect(retry.json.text).toContain("Tavoli: i comandi");
    expect(await requests.countDocuments({ signature: "v0=old" })).toBe(0);
    for (const row of await requests.find().toArray())
      expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60 * 1000);
  });
});
