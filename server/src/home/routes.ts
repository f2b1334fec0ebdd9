import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import type { AppEnv } from "../http/env.ts";

/** The built PWA (pwa/dist, git-ignored): `npm start` and the tests' global set-up build it when stale. */
const DIST = fileURLToPath(new URL("../../../pwa/dist/", import.meta.url));

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

async function serve(file: string, cacheControl: string): Promise<Response | null> {
  const type = TYPES[extname(file)];
  if (!type) return null;
  try {
    const body = await readFile(DIST + file);
    return new Response(body, { headers: { "content-type": type, "cache-control": cacheControl } });
  } catch {
    return null;
  }
}

/** Serves the app at `/`: its shell, offline page, manifest, service worker, icons and hashed files. */
export function homeRoutes() {
  const router = new Hono<AppEnv>();
  const shell = async () =>
    (await serve("index.html", REVALIDATE)) ??
    new Response(NOT_BUILT, { status: 503, headers: { "content-type": TYPES[".html"] as string } });
  router.get("/", shell);
  router.get("/index.html", shell);
  for (const file of ["offline.html", "manifest.webmanifest", "sw.js"]) {
    router.get(`/${file}`, async (c) => (await serve(file, REVALIDATE)) ?? c.notFound());
  }
  // One path segment of known characters only: nothing outside dist/ can be named.
  router.get(
    "/icons/:file{[A-Za-z0-9._-]+}",
    async (c) => (await serve(`icons/${c.req.param("file")}`, REVALIDATE)) ?? c.notFound(),
  );
  router.get(
    "/static/:file{[A-Za-z0-9._-]+}",
    async (c) => (await serve(`static/${c.req.param("file")}`, IMMUTABLE)) ?? c.notFound(),
  );
  return router;
}
