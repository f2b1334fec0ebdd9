import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkChatAccount } from "../server/src/chat/index.ts";
import { addressedProposal, proposalBody } from "../server/src/proposals/test-fixtures.ts";
import { createCtx } from "../server/src/shared/context.ts";
import { TEST_TEAM_ID } from "./support/slack-requests.ts";
import { SLACK_IDS, type SlackWorld, startSlackWorld } from "./support/slack-world.ts";

const CANARY = "CANARY-PROPOSTA-RISERVATA";

/**
 * Issue 15: when a proposal is addressed to an organisation, its referents who linked Slack are told by
 * direct message, through the durable dispatcher, once however often the delivery runs; a confidential
 * proposal is named "una proposta riservata", its title never sent to Slack.
 */
describe("Slack notice of a proposal addressed to my organisation", () => {
  let world: SlackWorld;
  beforeAll(async () => {
    world = await startSlackWorld();
    const { s, w } = world;
    const link = (personId: string, userId: string, locale: string) =>
      linkChatAccount({
        ctx: createCtx({ db: s.db, bus: s.bus }),
        input: { teamId: TEST_TEAM_ID, userId, personId: new ObjectId(personId), locale, linkedBy: "email" },
      });
    await link(w.refA.id, SLACK_IDS.refA, "it-IT");
    await link(w.refB.id, SLACK_IDS.refB, "en-GB");
  });
  afterAll(() => world.close());

  const dmsTo = (userId: string) => world.slack.callsOf("chat.postMessage", (a) => a.channel === userId);

  it("tells each addressed organisation's linked referents, in their language, only them, once", async () => {
    const { s, w } = world;
    const id = await addressedProposal(s, w.coordinator.token, w.openTable, proposalBody(), {
      organisationIds: [w.orgA],
    });
    await s.drain();
    const toA = dmsTo(SLACK_IDS.refA);
    expect(toA).toHaveLength(1);
    expect(toA[0]?.args.text).toContain(
      "ha indirizzato a *Comune di Caltagirone* la proposta «Adottare il modello",
    );
    expect(toA[0]?.args.text).toContain(`/api/v1/proposals/${id}`);
    expect(dmsTo(SLACK_IDS.refB)).toHaveLength(0);

    // The delivery run again, as after its instance died having posted: nothing is posted twice.
    const record = await s.c.audit.findOne({ type: "proposal.addressed", entityId: new ObjectId(id) });
    const delivery = await s.c.deliveries.findOne({ subscriber: "slack-proposals", recordId: record?._id });
    expect(delivery).toMatchObject({ state: "done", attempts: 1 });
    await s.c.deliveries.updateOne(
      { _id: delivery?._id },
      { $set: { state: "running", owner: "dead", leaseUntil: new Date(s.clock.now.getTime() - 1) } },
    );
    await s.drain();
    expect(await s.c.deliveries.findOne({ _id: delivery?._id })).toMatchObject({
      state: "done",
      attempts: 2,
    });
    expect(dmsTo(SLACK_IDS.refA)).toHaveLength(1);
  });

  it("names a confidential proposal without its title", async () => {
    const { s, w } = world;
    const before = { a: dmsTo(SLACK_IDS.refA).length, b: dmsTo(SLACK_IDS.refB).length };
    await addressedProposal(
      s,
      w.coordinator.token,
      w.openTable,
      proposalBody({ title: CANARY, confidential: true }),
    );
    await s.drain();
    const toA = dmsTo(SLACK_IDS.refA).slice(before.a);
    const toB = dmsTo(SLACK_IDS.refB).slice(before.b);
    expect(toA.map((c) => c.args.text)).toEqual([
      expect.stringContaining("una proposta riservata a *Comune di Caltagirone*"),
    ]);
    expect(toB.map((c) => c.args.text)).toEqual([
      expect.stringContaining("a confidential proposal to *Comune di Mineo*"),
    ]);
    expect(JSON.stringify(world.slack.callsOf("chat.postMessage"))).not.toContain(CANARY);
  });
});
