import { randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import type { Agent } from "node:https";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { MongoClient, ObjectId } from "mongodb";
import { inject } from "vitest";
import { createSlackBot, ensureSlackIndexes } from "../../bot/src/index.ts";
import { createApiToken } from "../../server/src/auth/create-token.ts";
import { loadConfig } from "../../server/src/config.ts";
import { FAIL_FAST } from "../../server/src/db/connect.ts";
import { ensureIndexes } from "../../server/src/db/indexes.ts";
import { createDispatcher, serverSubscribers } from "../../server/src/dispatch/index.ts";
import { createApp } from "../../server/src/http/app.ts";
import { loadActor } from "../../server/src/people/load-actor.ts";
import { loadVapidKeys } from "../../server/src/push/index.ts";
import {
  createReminderSender,
  defaultReminderChannels,
  type ReminderChannel,
  type ReminderSender,
} from "../../server/src/reminders/index.ts";
import { collections } from "../../server/src/shared/collections.ts";
import { createCtx } from "../../server/src/shared/context.ts";
import { EventBus, type StoredEvent } from "../../server/src/shared/events.ts";
import { createMailer, type Mail, type Mailer } from "../../server/src/shared/mailer.ts";

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers };

/**
 * A real API server on a loopback port, on its own fresh database of the shared test database (or of `mongoUri`), with a
 * settable clock (`clock.now`) so date rules can be exercised. Every domain event is kept in `events`, and
 * `nextMail()` waits for each mail the real mailer has delivered (to SMTP or the dev outbox). The durable
 * dispatcher runs as in main.ts, on the test clock; `drain()` resolves once it has nothing left to do now.
 */
export async function startTestServer(
  options: {
    env?: Record<string, string>;
    hostname?: string;
    mongoUri?: string;
    /** The https agent push services are reached with (the push stand-in's, to trust its certificate). */
    pushAgent?: Agent;
    /** Reminder channels besides push and e-mail (a Slack one, as main.ts adds the bot's). */
    reminderChannels?: ReminderChannel[];
    /** A copy of the built PWA to serve instead of pwa/dist (to change it as a deployment would). */
    pwaDist?: string;
  } = {},
) {
  const client = await MongoClient.connect(options.mongoUri ?? inject("mongoUri"), FAIL_FAST);
  const db = client.db(`t_${randomBytes(6).toString("hex")}`);
  await ensureIndexes(db);
  await ensureSlackIndexes(db);
  const config = loadConfig({ SEED_DEMO: "never", ...options.env });
  const bus = new EventBus();
  const events: StoredEvent[] = [];
  bus.on("*", (event) => {
    events.push(event);
  });
  const clock = { now: new Date() };
  const now = () => new Date(clock.now);
  const delivered = deliveries(
    createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, db, quiet: true }),
  );
  const mailer = delivered.mailer;
  // Composed as main.ts does: the bot (when the env configures Slack) mounted on the server's app.
  const slackBot = createSlackBot({ config, db, bus, now });
  const app = createApp({
    config,
    db,
    bus,
    mailer,
    now,
    mounts: slackBot ? [slackBot.routes] : [],
    ...(options.pwaDist ? { pwaDist: options.pwaDist } : {}),
  });
  const dispatcher = createDispatcher({
    db,
    now,
    subscribers: [...serverSubscribers({ config, db, bus, mailer, now }), ...(slackBot?.subscribers ?? [])],
    ...config.dispatch,
  });
  bus.on("*", () => dispatcher.wake());
  dispatcher.start();
  // The reminder sender as main.ts runs it; more instances on the same database with newReminderSender().
  const vapid = await loadVapidKeys(db, config);
  const senders = new Set<ReminderSender>();
  function newReminderSender(instanceId?: string): ReminderSender {
    const sender = createReminderSender({
      db,
      bus,
      now,
      publicUrl: config.publicUrl,
      ...(instanceId ? { instanceId } : {}),
      channels: [
        ...defaultReminderChannels({
          ctx: createCtx({ db, bus, now }),
          mailer,
          vapid,
          publicUrl: config.publicUrl,
          mailFrom: config.mailFrom,
          pushAgent: options.pushAgent,
        }),
        ...(options.reminderChannels ?? []),
      ],
    });
    senders.add(sender);
    sender.start();
    return sender;
  }
  let reminderSender = newReminderSender();
  // `hostname: "0.0.0.0"` lets a test reach the server from a non-loopback address too.
  const server = serve({ fetch: app.fetch, port: 0, hostname: options.hostname ?? "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Calls the API over HTTP; `token` authenticates as a person, `lang` sets Accept-Language. */
  async function api<T = any>(
    method: string,
    path: string,
    init: {
      body?: unknown;
      token?: string;
      lang?: string;
      headers?: Record<string, string>;
      rawBody?: string;
    } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.lang) headers["accept-language"] = init.lang;
    let body: string | undefined = init.rawBody;
    if (init.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(init.body);
    } else if (body !== undefined) headers["content-type"] ??= "application/json";
    const response = await fetch(url + path, { method, headers, body, redirect: "manual" });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /** One request on its own connection (node:http, no keep-alive): for bodies the server refuses before reading. */
  function rawRequest(method: string, path: string, body: string, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; body: any }>((resolve, reject) => {
      const request = httpRequest(url + path, {
        method,
        agent: false,
        headers: { "content-type": "application/json", ...headers },
      });
      request.on("response", (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text || "null") }),
        );
      });
      request.on("error", reject);
      request.end(body);
    });
  }

  /** Creates a person directly and an API token for them through the real token use case. */
  async function createPerson(input: { name?: string; email?: string; admin?: boolean } = {}) {
    const c = collections(db);
    const id = new ObjectId();
    const person = {
      _id: id,
      name: input.name ?? `Persona ${id.toHexString().slice(-5)}`,
      email: input.email ?? `p${id.toHexString()}@test.example.it`,
      locale: "it" as const,
      isInstallationAdmin: input.admin ?? false,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    await c.people.insertOne(person);
    const actor = await loadActor(c, id, now());
    const { token } = await createApiToken({
      ctx: createCtx({ db, bus, actor, now }),
      input: { name: "test" },
    });
    return { id: id.toHexString(), person, token };
  }

  return {
    url,
    /** The Hono app itself, for tests that walk its route table. */
    app,
    db,
    c: collections(db),
    bus,
    events,
    clock,
    config,
    api,
    rawRequest,
    createPerson,
    nextMail: delivered.next,
    dispatcher,
    /** The running reminder sender (replaced by restartReminderSender). */
    get reminderSender() {
      return reminderSender;
    },
    /** Another reminder sender on this database, as a second instance would run it. */
    newReminderSender,
    /** Stops the reminder sender and starts a new one, as a restart of the process does. */
    restartReminderSender: async () => {
      await reminderSender.stop({ waitMs: 1000 });
      senders.delete(reminderSender);
      reminderSender = newReminderSender();
      return reminderSender;
    },
    /**
     * Waits until the dispatcher has fanned out and handled all it can now (on the test clock), and the
     * reminder senders have sent every occurrence due now.
     */
    drain: async (options?: { timeoutMs?: number }) => {
      await dispatcher.drain(options);
      for (const sender of senders) await sender.drain(options);
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await dispatcher.stop({ waitMs: 1000 });
      await Promise.all([...senders].map((sender) => sender.stop({ waitMs: 1000 })));
      await db.dropDatabase().catch(() => {});
      await client.close();
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * The real mailer, telling the test when each send has completed: mails go out in the background after
 * the response, and waiting for the delivery itself needs no polling and no guessed sleep.
 */
function deliveries(real: Mailer) {
  const done: Mail[] = [];
  const waiters: Array<(mail: Mail) => void> = [];
  let taken = 0;
  const mailer: Mailer = {
    devOutbox: real.devOutbox,
    send: async (mail) => {
      await real.send(mail);
      done.push(mail);
      waiters.shift()?.(mail);
    },
  };
  /** Resolves with the next delivered mail not yet taken (waiting for it if needed; fails after `ms`). */
  function next(ms = 5000): Promise<Mail> {
    const ready = done[taken];
    if (ready) {
      taken += 1;
      return Promise.resolve(ready);
    }
    return new Promise((resolve, reject) => {
      const waiter = (mail: Mail) => {
        clearTimeout(timer);
        taken += 1;
        resolve(mail);
      };
      // A waiter that gave up must not take the next mail from whoever waits after it.
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(new Error("no mail delivered"));
      }, ms);
      waiters.push(waiter);
    });
  }
  return { mailer, next };
}
