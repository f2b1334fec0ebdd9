import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { type Db, MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FAIL_FAST } from "../server/src/db/connect.ts";
import { dispatchCollections } from "../server/src/dispatch/documents.ts";
import { notificationCollections } from "../server/src/notifications/documents.ts";
import { messageIdOf } from "../server/src/notifications/sent-mails.ts";
import { startProduct } from "./support/product.ts";
import { type FakeSmtp, startFakeSmtp } from "./support/smtp.ts";

/** Resolves once `check` holds, looking every 50 ms; rejects after `ms`. */
async function until(check: () => Promise<boolean> | boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const messageIdsOf = (smtp: FakeSmtp) =>
  smtp.received.map((mail) => /^Message-ID:\s*(<[^>]+>)/im.exec(mail.raw)?.[1] ?? "(none)");

// The real product process (server/src/main.ts), killed with SIGKILL while its dispatcher sends the
// demo's convocation mails, then started again on the same database, as after a crash of a machine.
describe("an instance killed mid-fan-out (kill -9)", () => {
  let client: MongoClient;
  let db: Db;
  let smtp: FakeSmtp;
  const running: ChildProcess[] = [];

  beforeAll(async () => {
    client = await MongoClient.connect(inject("mongoUri"), FAIL_FAST);
    db = client.db(`crash_${randomBytes(6).toString("hex")}`);
    // Each mail takes a moment to be accepted, as by a remote server: the kill finds sends in flight.
    smtp = await startFakeSmtp({ acceptDelayMs: 20 });
  });
  afterAll(async () => {
    for (const child of running) if (child.exitCode === null) child.kill("SIGKILL");
    await db?.dropDatabase().catch(() => {});
    await client?.close();
    await smtp?.close();
  });

  const env = () => ({
    MONGODB_URI: inject("mongoUri"),
    MONGODB_DB: db.databaseName,
    SEED_DEMO: "auto",
    SMTP_URL: smtp.url,
    DISPATCH_POLL_MS: "100",
    // A dead instance's claims are taken over after this: short, so the test does not wait a minute.
    DISPATCH_LEASE_MS: "3000",
  });

  it("loses nothing after the restart, and repeats at most what was in flight, each under the same Message-ID", async () => {
    const first = await startProduct(env());
    running.push(first.process);
    await until(() => smtp.received.length >= 15, 60_000, "the demo's first mails");
    const exited = new Promise((resolve) => first.process.once("exit", resolve));
    first.process.kill("SIGKILL");
    await exited;
    const deliveries = dispatchCollections(db).deliveries;
    const acceptedBeforeKill = smtp.received.length;
    const recordedAtKill = new Set(
      (await notificationCollections(db).sentMails.find().toArray()).map((mail) => messageIdOf(mail._id)),
    );
    // Killed mid-fan-out: work was left, some of it claimed by the dead instance.
    expect(await deliveries.countDocuments({ state: { $in: ["pending", "running"] } })).toBeGreaterThan(0);

    const second = await startProduct(env());
    running.push(second.process);
    await until(
      async () =>
        (await deliveries.countDocuments({ state: { $in: ["pending", "running"] } })) === 0 &&
        (await db.collection("auditLog").countDocuments({ dispatch: "pending" })) === 0,
      90_000,
      "every delivery done after the restart",
    );
    second.process.kill("SIGTERM");

    expect(await deliveries.countDocuments({ state: "dead" })).toBe(0);
    expect(smtp.received.length).toBeGreaterThan(acceptedBeforeKill);
    const received = messageIdsOf(smtp);
    const sent = await notificationCollections(db).sentMails.find().toArray();
    // Nothing lost: every mail the product counts as sent reached the mail server.
    const arrived = new Set(received);
    expect(sent.filter((mail) => !arrived.has(messageIdOf(mail._id))).map((mail) => mail._id)).toEqual([]);
    // Repeats: only mails whose send was under way at the kill, one per handler in flight at most
    // (the dispatcher's default concurrency, 4), recognisable by their Message-ID.
    const seen = new Map<string, number>();
    for (const id of received) seen.set(id, (seen.get(id) ?? 0) + 1);
    const repeated = [...seen].filter(([, n]) => n > 1);
    expect(repeated.length).toBeLessThanOrEqual(4);
    expect(repeated.every(([, n]) => n === 2)).toBe(true);
    // A mail recorded as sent before the kill is never sent again.
    expect(repeated.filter(([id]) => recordedAtKill.has(id))).toEqual([]);
    console.info(
      `[instance-crash] ${acceptedBeforeKill} mails before kill -9, ${received.length} in all, ${sent.length} recorded as sent, ${repeated.length} repeated`,
    );
  }, 180_000);
});
