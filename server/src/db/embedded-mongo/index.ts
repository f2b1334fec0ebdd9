import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ensureEmbeddedMongo } from "./build.ts";
import { type Supervised, supervise } from "./supervisor.ts";

/** A running embedded MongoDB stand-in, supervised, and how to stop it. */
export type EmbeddedMongo = { uri: string; process: Supervised; stop: () => Promise<void> };

/** Heap cap: without one the JVM grows past 1 GB; a year of demo data needs well under this. */
const DEFAULT_HEAP = "384m";

/**
 * Starts mongo-java-server on a free loopback port: on an H2 file in `dataDir` (durable: every
 * acknowledged write is on disk) or, with `memory`, in memory. Restarted with backoff if it exits.
 */
export async function startEmbeddedMongo(options: {
  cacheDir: string;
  dataDir?: string;
  memory?: boolean;
  heap?: string;
  log?: (line: string) => void;
}): Promise<EmbeddedMongo> {
  const classpath = ensureEmbeddedMongo(options.cacheDir);
  let file = ":memory:";
  if (!options.memory) {
    if (!options.dataDir) throw new Error("startEmbeddedMongo: dataDir or memory is required");
    mkdirSync(options.dataDir, { recursive: true });
    file = join(options.dataDir, "tavoli.mv.db");
  }
  const supervised = await supervise(
    {
      name: "database incorporato (mongo-java-server)",
      command: "java",
      args: (port) => [
        `-Xmx${options.heap ?? DEFAULT_HEAP}`,
        "-XX:+UseSerialGC",
        "-XX:+ExitOnOutOfMemoryError",
        "-cp",
        classpath,
        "TavoliMongo",
        String(port),
        file,
      ],
      ready: /LISTENING (\d+)/,
    },
    options.log,
  );
  return {
    uri: `mongodb://127.0.0.1:${supervised.port}/`,
    process: supervised,
    stop: supervised.stop,
  };
}
