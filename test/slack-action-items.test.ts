import { ObjectId } from "mongodb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ACTION } from "../bot/src/ids.ts";
import { approvedSitting } from "../server/src/action-items/test-fixtures.ts";
import { SLACK_IDS, type SlackWorld, startSlackWorld } from "./support/slack-world.ts";

describe("Slack bot: /tavoli azioni, my open action items", () => {
  let world: SlackWorld;
  beforeEach(async () => {
    world = await startSlackWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("lists mine overdue first with a marker and Italian dates, and marks one done with its button", async () => {
    const { w } = world;
    await approvedSitting(world.s, w, [
      { what: "Inviare il piano aggiornato", who: { personId: w.refA.id }, due: "2026-04-20" },
      { what: "Convocare il gruppo tecnico", who: { personId: w.refA.id }, due: "2026-04-01" },
      { what: "Censire i servizi", who: { personId: w.refB.id }, due: "2026-04-15" },
    ]);
    world.s.clock.now = new Date("2026-04-12T08:00:00Z");

    const { ack, reply } = await world.command("azioni", SLACK_IDS.refA);
    expect(ack.status).toBe(200);
    const message = (await reply()).body;
    expect(message.response_type).toBe("ephemeral");
    const sections = message.blocks.filter((b: { type: string }) => b.type === "section");
    expect(sections.map((b: { text: { text: string } }) => b.text.text)).toEqual([
      ":warning: *IN RITARDO* · *Convocare il gruppo tecnico*\nentro il 01/04/2026 · Comune di Caltagirone\nWP1 Servizi digitali · seduta del 24/03/2026",
      "*Inviare il piano aggiornato*\nentro il 20/04/2026 · Comune di Caltagirone\nWP1 Servizi digitali · seduta del 24/03/2026",
    ]);
    const overdueId = sections[0].accessory.value as string;
    expect(sections[0].accessory.action_id).toBe(ACTION.actionItemDone);

    // Another organisation's referent is refused with the API's message (in English: refB's locale).
    const refused = await world.click({
      userId: SLACK_IDS.refB,
      actionId: ACTION.actionItemDone,
      value: overdueId,
    });
    expect((await refused.reply()).body.text).toBe("A referent may act only for their own organisation.");
    const done = await world.click({
      userId: SLACK_IDS.refA,
      actionId: ACTION.actionItemDone,
      value: overdueId,
    });
    expect((await done.reply()).body.text).toBe("Azione completata: «Convocare il gruppo tecnico».");
    const stored = await world.s.c.actionItems.findOne({ _id: new ObjectId(overdueId) });
    expect(stored).toMatchObject({ status: "completata", doneOn: "2026-04-12" });
    expect(world.s.events.at(-1)?.type).toBe("action_item.completed");

    const again = await world.command("azioni", SLACK_IDS.refA);
    expect(JSON.stringify((await again.reply()).body)).not.toContain("Convocare");
  });

  it("says so when there is nothing open", async () => {
    const { reply } = await world.command("azioni", SLACK_IDS.coordinator);
    expect((await reply()).body.text).toBe("Non hai azioni aperte.");
  });
});
