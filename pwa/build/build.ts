import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const PWA_DIR = fileURLToPath(new URL("..", import.meta.url));
/** Where the built app lives (git-ignored); the server serves it at `/`. */
export const PWA_DIST = join(PWA_DIR, "dist");
const HASH_FILE = join(PWA_DIST, ".build-hash");
const LOCKFILE = join(PWA_DIR, "..", "package-lock.json");

function filesUnder(dir: string, skip: (path: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (skip(path)) return [];
    return entry.isDirectory() ? filesUnder(path, skip) : [path];
  });
}

/** A hash of everything the build reads: the app's sources and the locked dependency versions. */
export function pwaSourceHash(): string {
  const hash = createHash("sha256");
  const sources = filesUnder(PWA_DIR, (p) => p === PWA_DIST || p.endsWith("node_modules")).sort();
  for (const file of [...sources, LOCKFILE]) {
    hash.update(relative(PWA_DIR, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** Builds the app shell with Vite, then the service worker with the shell's file list precached. */
export async function buildPwa(): Promise<void> {
  const hash = pwaSourceHash();
  const { build } = await import("vite");
  // Vite follows NODE_ENV: under vitest ("test") it would ship the libraries' development branches.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await buildShellAndWorker(build);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  injectPrecacheManifest();
  writeFileSync(HASH_FILE, hash);
}

async function buildShellAndWorker(build: typeof import("vite").build): Promise<void> {
  await build({ configFile: join(PWA_DIR, "vite.config.ts"), logLevel: "warn", mode: "production" });
  await build({
    configFile: false,
    root: PWA_DIR,
    logLevel: "warn",
    mode: "production",
    publicDir: false,
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      outDir: PWA_DIST,
      emptyOutDir: false,
      target: "es2022",
      lib: {
        entry: join(PWA_DIR, "src/sw/sw.ts"),
        formats: ["iife"],
        name: "tavoliServiceWorker",
        fileName: () => "sw.js",
      },
    },
  });
}

/** Workbox's precache list, written into sw.js where it reads `self.__WB_MANIFEST`. */
function injectPrecacheManifest(): void {
  const swFile = join(PWA_DIST, "sw.js");
  const files = filesUnder(PWA_DIST, () => false)
    .map((file) => `/${relative(PWA_DIST, file).split("\\").join("/")}`)
    .filter((url) => url !== "/sw.js" && !url.startsWith("/.") && !url.endsWith(".woff"))
    .sort();
  const entries = files.map((url) => ({
    url,
    // Files under /static/ carry their content hash in the name already.
    revision: url.startsWith("/static/")
      ? null
      : createHash("md5")
          .update(readFileSync(join(PWA_DIST, url)))
          .digest("hex"),
  }));
  const source = readFileSync(swFile, "utf8");
  if (!source.includes("self.__WB_MANIFEST")) throw new Error("sw.js has no self.__WB_MANIFEST to fill");
  writeFileSync(swFile, source.replace("self.__WB_MANIFEST", JSON.stringify(entries)));
}

/** True when dist/ was built from exactly the sources there are now. */
export function pwaBuildIsFresh(): boolean {
  return (
    existsSync(HASH_FILE) &&
    statSync(HASH_FILE).isFile() &&
    readFileSync(HASH_FILE, "utf8") === pwaSourceHash()
  );
}

/** Builds the app when it is missing or its sources changed since; says which in one line. */
export async function ensurePwaBuilt(log: (line: string) => void = () => {}): Promise<void> {
  if (pwaBuildIsFresh()) return;
  const started = Date.now();
  log("[tavoli] app (pwa/): compilazione in corso…");
  await buildPwa();
  log(`[tavoli] app (pwa/) compilata in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
