import { serve } from "@hono/node-server";
import { MongoClient } from "mongodb";
import { ConfigError, loadConfig } from "./config.ts";
import { startEmbeddedMongo } from "./db/embedded.ts";
import { ensureIndexes } from "./db/indexes.ts";
import { seedDemoIfEmpty } from "./demo/seed.ts";
import { createApp } from "./http/app.ts";
import { EventBus } from "./shared/events.ts";
import { createMailer } from "./shared/mailer.ts";
import { join } from "node:path";

/** Start-up: config → database (real MongoDB or embedded FerretDB) → indexes → demo data → HTTP. */
async function main() {
  const config = loadConfig(process.env);
  const embedded = config.mongodbUri
    ? null
    : await startEmbeddedMongo({ binary: config.ferretdbBin, dataDir: join(config.dataDir, "ferretdb") });
  const client = await MongoClient.connect(config.mongodbUri ?? embedded?.uri ?? "", { appName: "tavoli" });
  const db = client.db(config.dbName);
  await ensureIndexes(db);
  const bus = new EventBus();
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, db });
  const demo = config.seedDemo === "auto" ? await seedDemoIfEmpty({ db, bus, config }) : null;
  const app = createApp({ config, db, bus, mailer });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  console.log(`[tavoli] API su ${config.publicUrl}/api/v1  ·  documentazione ${config.publicUrl}/api/docs`);
  console.log(`[tavoli] database: ${config.mongodbUri ? "MongoDB (MONGODB_URI)" : `FerretDB incorporato, dati in ${config.dataDir}`}`);
  if (demo?.loginUrl) console.log(`[tavoli] accesso demo (amministratore): ${demo.loginUrl}`);
  if (mailer.devOutbox) console.log(`[tavoli] email di sviluppo: ${config.publicUrl}/dev/outbox`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    await client.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
