import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slackDemoSession } from "../scripts/slack-demo-session.ts";
import { SLACK_IDS, type SlackWorld, startSlackWorld } from "./support/slack-world.ts";

describe("npm run demo:slack: each typed line shows its flow working", () => {
  let world: SlackWorld;
  let demo: ReturnType<typeof slackDemoSession>;
  beforeAll(async () => {
    world = await startSlackWorld();
    demo = slackDemoSession({
      serverUrl: world.s.url,
      slack: world.slack,
      people: Object.entries(SLACK_IDS).map(([ref, slackId]) => ({ ref, slackId })),
      channelId: "C0DEMO",
    });
  });
  afterAll(async () => {
    await world.close();
  });

  it("answers «aiuto» alone with the help and who can be typed as", async () => {
    const out = await demo.runLine("aiuto");
    expect(out).toContain("Tavoli: i comandi");
    expect(out).toContain("Persone: coordinator, refA");
    expect(out).not.toContain("Persona sconosciuta");
  });

  it("shows the convocation modal's fields, submits it and the sitting exists", async () => {
    const out = await demo.runLine("coordinator convoca");
    expect(out).toContain("Seduta dimostrativa");
    expect(out).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(out).not.toContain("! ");
    expect(await world.s.c.meetings.countDocuments({ title: "Seduta dimostrativa" })).toBe(1);
  });

  it("files an issue report and a contribution through their modals", async () => {
    const report = await demo.runLine("refA segnala");
    expect(report).not.toContain("! ");
    expect(await world.s.c.issueReports.countDocuments({ raisedById: new ObjectId(world.w.refA.id) })).toBe(
      1,
    );
    const contribution = await demo.runLine("refB contributo");
    expect(contribution).not.toContain("! ");
    expect(await world.s.c.contributions.countDocuments({ authorId: new ObjectId(world.w.refB.id) })).toBe(1);
  });

  it("delegates to a colleague named as @person", async () => {
    const meeting = await world.s.c.meetings.findOne({ title: "Seduta dimostrativa" });
    const code = meeting?._id.toHexString().slice(-6);
    const out = await demo.runLine(`refA presenza ${code} delega @colleagueA`);
    expect(out).toContain("Risposta registrata: *Delega*");
    const rsvp = await world.s.c.rsvps.findOne({
      meetingId: meeting?._id,
      personId: new ObjectId(world.w.refA.id),
    });
    expect(rsvp?.delegateId?.toHexString()).toBe(world.w.colleagueA.id);
  });

  it("still names an unknown person", async () => {
    expect(await demo.runLine("nessuno prossime")).toContain("Persona sconosciuta: nessuno");
  });
});
