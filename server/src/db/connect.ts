import { join } from "node:path";
import { type Db, MongoClient, type MongoClientOptions } from "mongodb";
import type { Config } from "../config.ts";
import { type EmbeddedMongo, startEmbeddedMongo } from "./embedded-mongo/index.ts";

/**
 * Driver settings that fail fast: without them an outage holds every request for the driver's 30 s
 * server selection. Two seconds, then the API answers 503 with Retry-After; heartbeats every second
 * notice the database is back. The connect timeout stays the driver's: it also bounds heartbeats, and
 * at 2 s a database busy with a large write under CPU load was declared down, interrupting the write.
 */
export const FAIL_FAST: MongoClientOptions = {
  serverSelectionTimeoutMS: 2_000,
  heartbeatFrequencyMS: 1_000,
};

/** The database the product runs on: MONGODB_URI, or the embedded one started (and supervised) here. */
export type Database = {
  client: MongoClient;
  db: Db;
  embedded: EmbeddedMongo | null;
  close: () => Promise<void>;
};

/** Connects to MONGODB_URI or starts the embedded database in DATA_DIR and connects to it. */
export async function openDatabase(config: Config, appName: string): Promise<Database> {
  const embedded = config.mongodbUri
    ? null
    : await startEmbeddedMongo({ cacheDir: config.cacheDir, dataDir: join(config.dataDir, "mongo") });
  const client = await MongoClient.connect(config.mongodbUri ?? embedded?.uri ?? "", {
    appName,
    ...FAIL_FAST,
  });
  return {
    client,
    db: client.db(config.dbName),
    embedded,
    close: async () => {
      await client.close();
      await embedded?.stop();
    },
  };
}
