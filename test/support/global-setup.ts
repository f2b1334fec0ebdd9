import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { ensurePwaBuilt } from "../../pwa/build/build.ts";
import { loadConfig } from "../../server/src/config.ts";
import { startEmbeddedMongo } from "../../server/src/db/embedded-mongo/index.ts";

declare module "vitest" {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

/** The built PWA, and one embedded database (mongo-java-server, H2 file) for the whole run (each test file uses its own database); TEST_MONGODB_URI targets a real MongoDB instead. */
export default async function setup(project: TestProject) {
  // The server serves the built app at `/` (html pages, browser tests): built once, when stale.
  await ensurePwaBuilt();
  const external = process.env.TEST_MONGODB_URI;
  if (external) {
    project.provide("mongoUri", external);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), "tavoli-test-db-"));
  const config = loadConfig(process.env);
  const mongo = await startEmbeddedMongo({ cacheDir: config.cacheDir, dataDir });
  project.provide("mongoUri", mongo.uri);
  return async () => {
    await mongo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
