import { readFileSync } from "node:fs";
import { Hono } from "hono";
import type { AppEnv } from "./env.ts";

const TYPES = { js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8" } as const;

/**
 * Serves one browser file shipped beside the code at `path`: the CSP allows no inline script or style,
 * so a page's few lines of script and its stylesheet are files. Read once, at start-up.
 */
export function staticFile(path: string, file: URL, type: keyof typeof TYPES) {
  const body = readFileSync(file, "utf8");
  const router = new Hono<AppEnv>();
  router.get(path, (c) => c.body(body, 200, { "content-type": TYPES[type], "cache-control": "no-cache" }));
  return router;
}
