import { readFile, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../http/env.ts";

/** The built PWA (pwa/dist, git-ignored): `npm start` and the tests' global set-up build it when stale. */
export const PWA_DIST_DIR = fileURLToPath(new URL("../../../pwa/dist/", import.meta.url));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
};

// Hashed names never change content: a year. The shell, the worker and the manifest: always revalidated,
// so a new version is seen at the next visit (the worker then offers "aggiorna").
const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";

const NOT_BUILT = `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Tavoli</title></head><body><p>L'app non è ancora compilata: <code>npm run build:pwa</code> (lo fa anche <code>npm start</code>). / The app is not built yet.</p></body></html>`;

/** Text files are sent gzipped (a phone on a slow link): compressed once per build, kept by path and mtime. */
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".webmanifest"]);
const gzipped = new Map<string, { mtimeMs: number; body: Uint8Array<ArrayBuffer> }>();

async function gzippedFile(dist: string, file: string): Promise<Uint8Array<ArrayBuffer>> {
  const { mtimeMs } = await stat(join(dist, file));
  const cached = gzipped.get(join(dist, file));
  if (cached?.mtimeMs === mtimeMs) return cached.body;
  const body = new Uint8Array(gzipSync(await readFile(join(dist, file)), { level: 9 }));
  gzipped.set(join(dist, file), { mtimeMs, body });
  return body;
}

async function serve(
  dist: string,
  file: string,
  cacheControl: string,
  acceptEncoding = "",
): Promise<Response | null> {
  const type = TYPES[extname(file)];
  if (!type) return null;
  const headers: Record<string, string> = { "content-type": type, "cache-control": cacheControl };
  try {
    if (!COMPRESSIBLE.has(extname(file))) return new Response(await readFile(join(dist, file)), { headers });
    headers.vary = "Accept-Encoding";
    if (!/\bgzip\b/.test(acceptEncoding)) return new Response(await readFile(join(dist, file)), { headers });
    return new Response(await gzippedFile(dist, file), {
      headers: { ...headers, "content-encoding": "gzip" },
    });
  } catch {
    return null;
  }
}

/**
 * Serves the app at `/`: its shell, offline page, manifest, service worker, icons and hashed files, from
 * `dist` (a test serves a copy it can change, as a deployment would).
 */
export function homeRoutes(dist = PWA_DIST_DIR) {
  const router = new Hono<AppEnv>();
  const shell = async (c: Context<AppEnv>) =>
    (await serve(dist, "index.html", REVALIDATE, c.req.header("accept-encoding"))) ??
    new Response(NOT_BUILT, { status: 503, headers: { "content-type": TYPES[".html"] as string } });
  router.get("/", shell);
  router.get("/index.html", shell);
  for (const file of ["offline.html", "manifest.webmanifest", "sw.js"]) {
    router.get(
      `/${file}`,
      async (c) => (await serve(dist, file, REVALIDATE, c.req.header("accept-encoding"))) ?? c.notFound(),
    );
  }
  // One path segment of known characters only: nothing outside dist/ can be named.
  router.get(
    "/icons/:file{[A-Za-z0-9._-]+}",
    async (c) => (await serve(dist, `icons/${c.req.param("file")}`, REVALIDATE)) ?? c.notFound(),
  );
  router.get(
    "/static/:file{[A-Za-z0-9._-]+}",
    async (c) =>
      (await serve(dist, `static/${c.req.param("file")}`, IMMUTABLE, c.req.header("accept-encoding"))) ??
      c.notFound(),
  );
  return router;
}
