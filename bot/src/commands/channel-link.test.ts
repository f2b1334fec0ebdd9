import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLACK_IDS, type SlackWorld, startSlackWorld } from "../../../test/support/slack-world.ts";

describe("/tavoli collega under concurrent use", () => {
  let world: SlackWorld;
  beforeAll(async () => {
    world = await startSlackWorld();
  });
  afterAll(() => world.close());

  it("links a channel once when the same command races, and audits each link against the one it replaced", async () => {
    const table = await world.s.c.tables.findOne({ _id: new ObjectId(world.w.openTable) });
    const channelId = "C0RACE";
    const commands = await Promise.all(
      Array.from({ length: 6 }, () =>
        world.command(`collega ${table?.name}`, SLACK_IDS.coordinator, { channelId }),
      ),
    );
    for (const { ack, reply } of commands) {
      expect(ack.status).toBe(200);
      expect((await reply()).body.text).toContain(`canale del tavolo «${table?.name}»`);
    }
    const channels = await world.s.db.collection("slackChannels").find({ channelId }).toArray();
    expect(channels).toHaveLength(1);
    const audit = await world.s.c.audit.find({ entityId: channels[0]?._id }).toArray();
    expect(audit.map((a) => a.action)).toEqual(Array(6).fill("slack.channel_linked"));
    // Exactly one link found the channel unlinked; each other one replaced an earlier link.
    expect(audit.filter((a) => a.before === null)).toHaveLength(1);
  });

  it("unlinks and audits the channel once, however often the coordinator asks at once", async () => {
    const channelId = "C0RACE";
    const [linked] = await world.s.db.collection("slackChannels").find({ channelId }).toArray();
    const commands = await Promise.all(
      Array.from({ length: 3 }, () => world.command("scollega", SLACK_IDS.coordinator, { channelId })),
    );
    for (const { reply } of commands) await reply();
    expect(await world.s.db.collection("slackChannels").countDocuments({ channelId })).toBe(0);
    const unlinked = await world.s.c.audit
      .find({ entityId: linked?._id, action: "slack.channel_unlinked" })
      .toArray();
    expect(unlinked).toHaveLength(1);
  });
});
