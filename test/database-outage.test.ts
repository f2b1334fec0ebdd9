import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../server/src/config.ts";
import { type EmbeddedMongo, startEmbeddedMongo } from "../server/src/db/embedded-mongo/index.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

type Outcome = { status: number; slug: string; ms: number; retryAfter: string | null; at: number };

// The API on its own supervised embedded database, which the tests kill and stop.
describe("when the database goes away", () => {
  let dataDir: string;
  let mongo: EmbeddedMongo;
  let s: TestServer;
  let token: string;
  let counter = 0;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "tavoli-outage-"));
    mongo = await startEmbeddedMongo({ cacheDir: loadConfig({}).cacheDir, dataDir, log: () => {} });
    s = await startTestServer({ mongoUri: mongo.uri });
    token = (await s.createPerson({ admin: true })).token;
  });
  afterAll(async () => {
    await s?.close().catch(() => {});
    await mongo?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function createAgreement(): Promise<Outcome> {
    counter += 1;
    const slug = `accordo-outage-${counter}`;
    const started = Date.now();
    const response = await s.api("POST", "/api/v1/agreements", {
      token,
      body: {
        slug,
        title: `Accordo ${counter}`,
        shortName: `A${counter}`,
        adhesionDelayDays: 15,
        withdrawalNotice: { amount: 3, unit: "months" },
      },
    });
    const at = Date.now();
    return {
      status: response.status,
      slug,
      ms: at - started,
      retryAfter: response.headers.get("retry-after"),
      at,
    };
  }

  it("answers 503 with Retry-After during a kill -9, never 500 or a hang, and recovers by itself", async () => {
    const outcomes: Outcome[] = [];
    let killedAt = 0;
    let stop = false;
    const restarted = mongo.process.restarted();
    const workers = Array.from({ length: 4 }, async () => {
      while (!stop) outcomes.push(await createAgreement());
    });
    while (outcomes.filter((o) => o.status === 201).length < 20) await new Promise((r) => setImmediate(r));
    killedAt = Date.now();
    process.kill(mongo.process.pid() ?? 0, "SIGKILL");
    await restarted;
    // Keep writing until writes succeed again after the kill.
    while (!outcomes.some((o) => o.status === 201 && o.at > killedAt + 50)) {
      await new Promise((r) => setImmediate(r));
      if (Date.now() - killedAt > 20_000) break;
    }
    stop = true;
    await Promise.all(workers);

    const statuses = new Set(outcomes.map((o) => o.status));
    expect([...statuses].filter((status) => status !== 201 && status !== 503)).toEqual([]);
    for (const o of outcomes.filter((x) => x.status === 503)) expect(o.retryAfter).toBe("5");
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(10_000);
    const firstSuccessAfter = outcomes.find((o) => o.status === 201 && o.at > killedAt + 50);
    expect(firstSuccessAfter && firstSuccessAfter.at - killedAt).toBeLessThan(10_000);
    // Every write the API acknowledged is still there.
    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.slug);
    const stored = await s.c.agreements.countDocuments({ slug: { $in: acknowledged } });
    expect(stored).toBe(acknowledged.length);
  });

  it("answers /healthz within a second and writes with 503 when the database is down", async () => {
    await mongo.stop();
    const started = Date.now();
    const health = await fetch(`${s.url}/healthz`);
    expect(Date.now() - started).toBeLessThan(2_000); // 0.8 s timer, with room for a loaded machine
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "degraded", db: { reachable: false } });
    const write = await createAgreement();
    expect(write.status).toBe(503);
    expect(write.ms).toBeLessThan(5_000);
  });
});
