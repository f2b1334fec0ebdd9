import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { createApiToken } from "../auth/create-token.ts";
import { loadActor } from "../people/load-actor.ts";
import { createCtx } from "../shared/context.ts";
import { DEMO_REFERENT_EMAIL, seedDemoIfEmpty } from "./seed.ts";

describe("demo action items", () => {
  let s: TestServer;
  let token: string;
  beforeAll(async () => {
    s = await startTestServer();
    expect((await seedDemoIfEmpty({ db: s.db, bus: s.bus, config: s.config })).seeded).toBe(true);
    const giulia = await s.c.people.findOne({ email: DEMO_REFERENT_EMAIL });
    if (!giulia) throw new Error("no demo referent");
    const actor = await loadActor(s.c, giulia._id, new Date());
    token = (
      await createApiToken({ ctx: createCtx({ db: s.db, bus: s.bus, actor }), input: { name: "demo" } })
    ).token;
  });
  afterAll(() => s.close());

  it("holds approved minutes with one item done and one overdue, checked at the table's next sitting", async () => {
    const items = await s.c.actionItems.find().sort({ index: 1 }).toArray();
    expect(items.map((i) => i.status)).toEqual(["completata", "aperta", "aperta"]);
    const mine = await s.api("GET", "/api/v1/people/me/action-items?overdue=true", { token });
    expect(mine.body.items.map((i: { what: string }) => i.what)).toEqual([
      "Predisporre la scheda di ricognizione dei gestionali per gli otto Comuni",
    ]);
    const next = await s.c.meetings
      .find({ tableId: items[0]?.tableId, startsAt: { $gt: new Date() } })
      .sort({ startsAt: 1 })
      .limit(1)
      .next();
    const read = await s.api("GET", `/api/v1/meetings/${next?._id.toHexString()}`, { token });
    expect(read.body.agenda.at(-1).title).toBe("Verifica azioni");
    expect(read.body.agenda.at(-1).actionItems).toHaveLength(3);
  });
});
