import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { seedDemoIfEmpty } from "./seed.ts";

describe("the demo proposal", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    await seedDemoIfEmpty({ db: s.db, bus: s.bus, config: s.config });
  });
  afterAll(() => s.close());

  it("is addressed to four comuni: two adopt it by Giunta resolutions, one declines, one is weighing it", async () => {
    const [proposal] = await s.c.proposals.find().toArray();
    expect(proposal?.status).toBe("indirizzata");
    const names = new Map(
      (await s.c.organisations.find().toArray()).map((o) => [o._id.toHexString(), o.name]),
    );
    const answers = proposal?.adoptions.map((a) => [
      names.get(a.organisationId.toHexString()),
      a.state,
      a.act?.number ?? null,
    ]);
    const year = new Date().getFullYear();
    expect(answers).toEqual([
      ["Comune di Caltagirone", "adottata", `45/${year}`],
      ["Comune di Grammichele", "adottata", `12/${year}`],
      ["Comune di Vizzini", "non_adottata", null],
      ["Comune di Mineo", "in_valutazione", null],
    ]);
    // Recorded by each comune's own referent, through the use case (audited as theirs).
    const recorded = await s.c.audit.find({ action: "proposal.adoption_recorded" }).toArray();
    expect(recorded).toHaveLength(3);
    expect(new Set(recorded.map((r) => r.actorName)).size).toBe(3);
  });
});
