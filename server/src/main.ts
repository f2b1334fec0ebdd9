import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import type { Db } from "mongodb";
import {
  createSlackBot,
  createSlackReminderChannel,
  ensureSlackIndexes,
  slackPruner,
} from "../../bot/src/index.ts";
import { devAidsAllowed, mailDeliveryWarning } from "./auth/dev-outbox-guard.ts";
import { issueLoginLink } from "./auth/login-links.ts";
import { type Config, ConfigError, configFromEnvironment } from "./config.ts";
import { openDatabase } from "./db/connect.ts";
import { ensureIndexes } from "./db/indexes.ts";
import { DEMO_ADMIN_EMAIL, DEMO_REFERENT_EMAIL, seedDemoIfEmpty } from "./demo/seed.ts";
import { createDispatcher, serverSubscribers } from "./dispatch/index.ts";
import { startHousekeeping } from "./housekeeping/index.ts";
import { serverPruners, serverTasks } from "./housekeeping/server-pruners.ts";
import { createApp } from "./http/app.ts";
import { gracefulStopper } from "./http/graceful-stop.ts";
import { loadVapidKeys } from "./push/index.ts";
import {
  createReminderSender,
  defaultReminderChannels,
  planUpcomingSittings,
  type ReminderChannel,
} from "./reminders/index.ts";
import { createCtx } from "./shared/context.ts";
import { EventBus } from "./shared/events.ts";
import { createMailer } from "./shared/mailer.ts";

/** A start-up failure with a message for the person starting the product (no stack trace). */
class StartupError extends Error {}

/** A fresh single-use login link for a demo person (the administrator, a referent), when the demo data are there. */
async function demoLoginLink(
  db: Db,
  bus: EventBus,
  publicUrl: string,
  email: string,
): Promise<string | null> {
  const ctx = createCtx({ db, bus });
  const person = await ctx.c.people.findOne({ email });
  return person ? issueLoginLink({ ctx, input: { personId: person._id, publicUrl } }) : null;
}

/** One line on the Slack bot: where it listens, or that it is off and why. */
function slackStatus(config: Config, mode: "http" | "socket" | null): string {
  if (mode === "socket") return "[tavoli] Slack: bot attivo in Socket Mode (SLACK_APP_TOKEN)";
  if (mode === "http") return `[tavoli] Slack: bot attivo su ${config.publicUrl}/slack/events`;
  return "[tavoli] Slack: non configurato (SLACK_SIGNING_SECRET e SLACK_BOT_TOKEN assenti), il bot non parte; tutto il resto sì";
}

/** How long SIGTERM waits for in-flight requests before closing their connections. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Start-up: config → database (real MongoDB or the embedded one) → indexes → demo data → dispatcher →
 * HTTP. The one place that composes the server and the Slack bot: the server knows no client, the bot
 * only the server's public surfaces. Stopping goes the other way: HTTP, bot, dispatcher, database.
 */
async function main() {
  const config = configFromEnvironment();
  // The app served at `/` is built from pwa/ when missing or older than its sources (a few seconds).
  const { ensurePwaBuilt } = await import("../../pwa/build/build.ts");
  await ensurePwaBuilt((line) => console.log(line));
  const database = await openDatabase(config, "tavoli");
  const { db } = database;
  await ensureIndexes(db);
  await ensureSlackIndexes(db);
  // Generated here on the first start (unless configured), so instances agree before any browser subscribes.
  const vapid = await loadVapidKeys(db, config);
  const bus = new EventBus();
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, db });
  if (config.seedDemo === "auto" && (await seedDemoIfEmpty({ db, bus, config })).seeded) {
    console.log(
      "[tavoli] dati dimostrativi caricati: i cinque accordi di esempio, enti, tavoli, referenti e sedute in programma",
    );
  }
  const slackBot = createSlackBot({ config, db, bus });
  // Side effects of stored events, durably; woken by each event this process stores, polling for the rest.
  const dispatcher = createDispatcher({
    db,
    subscribers: [...serverSubscribers({ config, db, bus, mailer }), ...(slackBot?.subscribers ?? [])],
    ...config.dispatch,
  });
  bus.on("*", () => dispatcher.wake());
  dispatcher.start();
  // Reminders as they fall due, in the dispatcher's process. With Slack configured the bot's channel joins
  // the server's own; without it a Slack reminder falls back to e-mail, or is skipped as
  // "channel_not_configured" when the person gets e-mail anyway.
  const slackReminders = createSlackReminderChannel({ config, db, bus });
  const slackReminderChannels: ReminderChannel[] = slackReminders ? [slackReminders] : [];
  const reminderSender = createReminderSender({
    db,
    bus,
    publicUrl: config.publicUrl,
    channels: [
      ...defaultReminderChannels({
        ctx: createCtx({ db, bus }),
        mailer,
        vapid,
        publicUrl: config.publicUrl,
        mailFrom: config.mailFrom,
      }),
      ...slackReminderChannels,
    ],
    pollMs: config.dispatch.pollMs,
    leaseMs: config.dispatch.leaseMs,
    maxAttempts: config.dispatch.maxAttempts,
  });
  reminderSender.start();
  // Hourly clean-up of records kept only for a while, run by one instance per hour.
  // Once per installation: plan the reminders of sittings convened before reminders existed.
  const backfill = {
    name: "reminders.backfill",
    run: async () => `${await planUpcomingSittings({ db, bus })} sittings planned`,
  };
  const housekeeping = await startHousekeeping({
    db,
    pruners: [...serverPruners, slackPruner],
    tasks: serverTasks,
    onceJobs: [backfill],
  });
  const app = createApp({ config, db, bus, mailer, mounts: slackBot ? [slackBot.routes] : [] });
  const server = serve({
    fetch: app.fetch,
    port: config.port,
    ...(config.host ? { hostname: config.host } : {}),
  }) as Server;
  const stopper = gracefulStopper(server);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new StartupError(
              `La porta ${config.port} è già in uso: impostare PORT. / Port ${config.port} is in use: set PORT.`,
            )
          : error,
      ),
    );
  });
  console.log(`[tavoli] API su ${config.publicUrl}/api/v1  ·  documentazione ${config.publicUrl}/api/docs`);
  console.log(`[tavoli] app per i referenti su ${config.publicUrl}/`);
  console.log(
    `[tavoli] database: ${config.mongodbUri ? "MongoDB (MONGODB_URI)" : `incorporato (mongo-java-server), dati in ${config.dataDir}`}`,
  );
  await slackBot?.start();
  console.log(slackStatus(config, slackBot?.mode ?? null));
  // A working admin login in the logs is for a developer's machine only, like the outbox it stands beside.
  const devAids = devAidsAllowed(config, mailer.devOutbox);
  const demoLink = devAids ? await demoLoginLink(db, bus, config.publicUrl, DEMO_ADMIN_EMAIL) : null;
  if (demoLink) console.log(`[tavoli] accesso demo (amministratore, valido 15 minuti, monouso): ${demoLink}`);
  const referentLink = devAids ? await demoLoginLink(db, bus, config.publicUrl, DEMO_REFERENT_EMAIL) : null;
  if (referentLink)
    console.log(
      `[tavoli] accesso demo (referente Giulia Ferrara, Comune di Caltagirone; valido 15 minuti, monouso): ${referentLink}`,
    );
  if (devAids) console.log(`[tavoli] email di sviluppo: ${config.publicUrl}/dev/outbox`);
  const mailWarning = mailDeliveryWarning(config);
  if (mailWarning) console.warn(mailWarning);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    const { unfinished } = await stopper.stop(DRAIN_TIMEOUT_MS);
    if (unfinished > 0) console.error(`[tavoli] arresto: ${unfinished} richieste interrotte dopo l'attesa`);
    await slackBot?.stop();
    // Handlers in flight finish (or are left to their lease: another instance or the next start retakes them).
    await Promise.all([
      dispatcher.stop({ waitMs: DRAIN_TIMEOUT_MS }),
      reminderSender.stop({ waitMs: DRAIN_TIMEOUT_MS }),
      housekeeping.stop(),
    ]);
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error instanceof ConfigError || error instanceof StartupError ? error.message : error);
  process.exit(1);
});
