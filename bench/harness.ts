import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type Db, type MongoClient, ObjectId } from "mongodb";
import { createSlackBot, ensureSlackIndexes } from "../bot/src/index.ts";
import { createApiToken } from "../server/src/auth/create-token.ts";
import type { Config } from "../server/src/config.ts";
import { ensureIndexes } from "../server/src/db/indexes.ts";
import { createDispatcher, serverSubscribers } from "../server/src/dispatch/index.ts";
import { createApp } from "../server/src/http/app.ts";
import { loadActor } from "../server/src/people/load-actor.ts";
import { type Collections, collections } from "../server/src/shared/collections.ts";
import { type Ctx, createCtx } from "../server/src/shared/context.ts";
import { EventBus } from "../server/src/shared/events.ts";
import { createMailer } from "../server/src/shared/mailer.ts";

/** One line of the final table; `ok` is undefined when the figure has no target. */
export type BenchRow = { bench: string; measure: string; value: string; target?: string; ok?: boolean };

/** What index.ts hands every `*.bench.ts` module: the shared database server and a way to serve the real app. */
export type BenchEnv = {
  client: MongoClient;
  config: Config;
  startApp: () => Promise<BenchApp>;
  /** Kills the embedded database (SIGKILL) and waits for its supervisor's restart; null when on a given MONGODB_URI. */
  restartDatabase: (() => Promise<void>) | null;
  /** The embedded database's process id, for its memory; null when on a given MONGODB_URI. */
  databasePid: () => number | null;
  /** "in memory" or "H2 file": which backend the figures are for. */
  backend: string;
};

/** The real app on a loopback port over its own fresh database, with an installation admin ready to act. */
export type BenchApp = {
  url: string;
  db: Db;
  c: Collections;
  adminToken: string;
  /** A use-case context acting as the admin, for setting data up without going through HTTP. */
  adminCtx: Ctx;
  /** Waits until the dispatcher has handled what the stored events ask for now (mails, Slack notices). */
  drain: (options?: { timeoutMs?: number }) => Promise<void>;
  close: () => Promise<void>;
};

/** Serves createApp() on its own database of the shared server (what test/support/server.ts does for tests). */
export async function startBenchApp(client: MongoClient, config: Config): Promise<BenchApp> {
  const db = client.db(`bench_${randomBytes(4).toString("hex")}`);
  await ensureIndexes(db);
  await ensureSlackIndexes(db);
  const bus = new EventBus();
  const mailer = createMailer({ smtpUrl: undefined, from: config.mailFrom, db, quiet: true });
  // Composed as main.ts does: the bot, when the config has Slack, mounted on the server's app.
  const slackBot = createSlackBot({ config, db, bus });
  // And the durable dispatcher with both sides' subscribers, as main.ts: notices leave as they do in production.
  const dispatcher = createDispatcher({
    db,
    subscribers: [...serverSubscribers({ config, db, bus, mailer }), ...(slackBot?.subscribers ?? [])],
    ...config.dispatch,
  });
  bus.on("*", () => dispatcher.wake());
  dispatcher.start();
  const server = serve({
    fetch: createApp({ config, db, bus, mailer, mounts: slackBot ? [slackBot.routes] : [] }).fetch,
    port: 0,
    hostname: "127.0.0.1",
  }) as Server;
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const c = collections(db);
  const now = new Date();
  const adminId = new ObjectId();
  await c.people.insertOne({
    _id: adminId,
    name: "Bench admin",
    email: `bench-${adminId.toHexString()}@bench.example.it`,
    locale: "it",
    isInstallationAdmin: true,
    createdAt: now,
    updatedAt: now,
  });
  const adminCtx = createCtx({ db, bus, actor: await loadActor(c, adminId, now) });
  const { token } = await createApiToken({ ctx: adminCtx, input: { name: "bench" } });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    db,
    c,
    adminToken: token,
    adminCtx,
    drain: (options) => dispatcher.drain(options),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await dispatcher.stop({ waitMs: 1000 });
      await db.dropDatabase().catch(() => {});
    },
  };
}

/** Latency percentiles and throughput of `runs` sequential calls, after `warmup` unmeasured ones. */
export async function timeCalls(call: () => Promise<unknown>, runs: number, warmup = 10) {
  for (let i = 0; i < warmup; i++) await call();
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await call();
    samples.push(performance.now() - t);
  }
  const totalMs = performance.now() - started;
  samples.sort((a, b) => a - b);
  const at = (p: number) =>
    samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)] ?? 0;
  return { p50: at(50), p99: at(99), perSecond: (runs / totalMs) * 1000 };
}

/** Calls per second of `count` calls `call(0…count-1)` kept `concurrency` in flight (after any warm-up the caller did). */
export async function concurrentRate(
  call: (i: number) => Promise<unknown>,
  count: number,
  concurrency: number,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await call(next++);
    }),
  );
  return (count / (performance.now() - started)) * 1000;
}

/** "123 ms" with one decimal under 10 ms. */
export const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

/** Prints the rows as an aligned table. */
export function printTable(rows: BenchRow[]): void {
  const cells = rows.map((r) => [
    r.bench,
    r.measure,
    r.value,
    r.target ?? "—",
    r.ok === undefined ? "" : r.ok ? "ok" : "over target",
  ]);
  const header = ["bench", "measure", "value", "target", "status"];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of cells) console.log(line(row));
}
