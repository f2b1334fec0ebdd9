import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startProduct } from "./support/product.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

// The real product process (server/src/main.ts) on the test database, stopped with SIGTERM under load.
describe("SIGTERM under load", () => {
  let s: TestServer;
  let product: ChildProcess;
  let url: string;
  let token: string;

  beforeAll(async () => {
    s = await startTestServer(); // prepares the database and an admin token; its own server is unused
    token = (await s.createPerson({ admin: true })).token;
    const started = await startProduct({
      MONGODB_URI: inject("mongoUri"),
      MONGODB_DB: s.db.databaseName,
      SEED_DEMO: "never",
    });
    product = started.process;
    url = started.url;
  });
  afterAll(async () => {
    if (product && product.exitCode === null) product.kill("SIGKILL");
    await s?.close();
  });

  it("finishes the requests in flight, then closes the database: no 500, no write lost", async () => {
    const exited = new Promise<number | null>((resolve) => product.once("exit", (code) => resolve(code)));
    const slugs = Array.from({ length: 50 }, (_, i) => `accordo-sigterm-${i}`);
    let answered = 0;
    const calls = slugs.map(async (slug, i) => {
      try {
        const response = await fetch(`${url}/api/v1/agreements`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({
            slug,
            title: `Accordo ${i}`,
            shortName: `A${i}`,
            adhesionDelayDays: 15,
            withdrawalNotice: { amount: 3, unit: "months" },
          }),
        });
        answered += 1;
        if (answered === 1) product.kill("SIGTERM"); // the other 49 are in flight or queued
        return { slug, status: response.status };
      } catch {
        return { slug, status: 0 }; // refused: the server had stopped accepting
      }
    });
    const outcomes = await Promise.all(calls);
    expect(await exited).toBe(0);
    expect(outcomes.filter((o) => o.status !== 201 && o.status !== 0 && o.status !== 503)).toEqual([]);
    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.slug);
    expect(acknowledged.length).toBeGreaterThan(1);
    expect(await s.c.agreements.countDocuments({ slug: { $in: acknowledged } })).toBe(acknowledged.length);
  });
});
