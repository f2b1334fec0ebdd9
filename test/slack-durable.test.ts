import { ObjectId } from "mongodb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  linkedChannel,
  linkedChannelWithSitting,
  SLACK_IDS,
  type SlackWorld,
  startSlackWorld,
} from "./support/slack-world.ts";

/**
 * Issue 13, item 2: the bot's notices are durable subscribers, delivered at least once. A delivery run
 * again (its instance died after posting, before the delivery was done) must not post again; a Slack
 * failure is retried instead of being logged and dropped.
 */
describe("Slack notices through the durable dispatcher", () => {
  let world: SlackWorld;
  beforeEach(async () => {
    world = await startSlackWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  /** Runs the delivery of `subscriber` for the record of `type` again, as after its instance died. */
  async function runAgain(subscriber: string, type: string, entityId?: string) {
    const record = await world.s.c.audit.findOne(
      { type, ...(entityId ? { entityId: new ObjectId(entityId) } : {}) },
      { sort: { _id: -1 } },
    );
    const delivery = await world.s.c.deliveries.findOne({ subscriber, recordId: record?._id });
    expect(delivery).toMatchObject({ state: "done", attempts: 1 });
    await world.s.c.deliveries.updateOne(
      { _id: delivery?._id },
      {
        $set: {
          state: "running",
          owner: "an-instance-that-died",
          leaseUntil: new Date(world.s.clock.now.getTime() - 1),
        },
      },
    );
    await world.s.drain();
    expect(await world.s.c.deliveries.findOne({ _id: delivery?._id })).toMatchObject({
      state: "done",
      attempts: 2,
    });
  }

  const posts = (where: (args: Record<string, any>) => boolean) =>
    world.slack.callsOf("chat.postMessage", where).length;

  it("posts a convocation to its channel once even when its delivery runs again", async () => {
    const { channelId, meetingId } = await linkedChannelWithSitting(world);
    expect(posts((a) => a.channel === channelId)).toBe(1);
    await runAgain("slack-meetings", "meeting.convened", meetingId);
    expect(posts((a) => a.channel === channelId)).toBe(1);
    expect(
      await world.s.db.collection("slackMessages").countDocuments({ meetingId: new ObjectId(meetingId) }),
    ).toBe(1);
  });

  it("replies in the thread and tells each person once even when a change's delivery runs again", async () => {
    const { meetingId, convocationTs } = await linkedChannelWithSitting(world);
    await (await world.command("prossime", SLACK_IDS.refB)).reply();
    const moved = await world.s.api("POST", `/api/v1/meetings/${meetingId}/reschedule`, {
      token: world.w.coordinator.token,
      body: { startsAt: "2026-03-25T15:00", endsAt: "2026-03-25T17:00" },
    });
    expect(moved.status).toBe(200);
    await world.s.drain();
    const inThread = (a: Record<string, any>) => a.thread_ts === convocationTs;
    const toRefB = (a: Record<string, any>) => a.channel === SLACK_IDS.refB;
    expect(posts(inThread)).toBe(1);
    expect(posts(toRefB)).toBe(1);
    const edits = world.slack.callsOf("chat.update", (a) => a.ts === convocationTs).length;
    await runAgain("slack-meetings", "meeting.rescheduled", meetingId);
    expect(posts(inThread)).toBe(1);
    expect(posts(toRefB)).toBe(1);
    // The edit is repeated, harmlessly: it says what is true now.
    expect(world.slack.callsOf("chat.update", (a) => a.ts === convocationTs).length).toBe(edits + 1);
  });

  it("posts a table notice once even when its delivery runs again", async () => {
    const channelId = await linkedChannel(world);
    const designation = await world.s.c.designations.findOne({ personId: new ObjectId(world.w.refA.id) });
    const result = await world.s.api("POST", `/api/v1/designations/${designation?._id}/substitute`, {
      token: world.w.refA.token,
      body: { personId: world.w.colleagueA.id, from: "2026-03-11" },
    });
    expect(result.status).toBe(201);
    await world.s.drain();
    const notice = (a: Record<string, any>) =>
      a.channel === channelId && String(a.text).startsWith("Sostituzione del referente");
    expect(posts(notice)).toBe(1);
    await runAgain("slack-table-notices", "referent.substituted");
    expect(posts(notice)).toBe(1);
  });

  it("retries a convocation Slack failed to take, and it is then posted once", async () => {
    const channelId = await linkedChannel(world);
    world.slack.failNext("chat.postMessage", {
      kind: "error",
      error: "internal_error",
      when: (args) => args.channel === channelId,
    });
    const convened = await world.s.api("POST", `/api/v1/tables/${world.w.openTable}/meetings`, {
      token: world.w.coordinator.token,
      body: {
        title: "Seduta di prova",
        startsAt: "2026-03-30T10:00",
        endsAt: "2026-03-30T11:00",
        mode: "online",
        videoLink: { generate: true },
      },
    });
    expect(convened.status).toBe(201);
    await world.s.drain();
    const record = await world.s.c.audit.findOne({
      type: "meeting.convened",
      entityId: new ObjectId(convened.body.id),
    });
    const failed = await world.s.c.deliveries.findOne({
      subscriber: "slack-meetings",
      recordId: record?._id,
    });
    expect(failed).toMatchObject({
      state: "pending",
      attempts: 1,
      lastError: expect.stringContaining("internal_error"),
    });
    expect(await world.s.db.collection("slackMessages").countDocuments({ channelId })).toBe(0);

    world.s.clock.now = new Date(world.s.clock.now.getTime() + 1000); // the first retry waits at most a second
    await world.s.drain();
    expect(posts((a) => a.channel === channelId)).toBe(2); // the refused one and the one Slack took
    expect(await world.s.db.collection("slackMessages").countDocuments({ channelId })).toBe(1);
    expect(await world.s.c.deliveries.findOne({ _id: failed?._id })).toMatchObject({
      state: "done",
      attempts: 2,
    });
  });
});
