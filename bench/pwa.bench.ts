// The PWA's budget: gzipped JS and CSS of the shell (what the first visit downloads besides fonts) against
// the issue's targets, and the time "Le mie riunioni" takes to show the demo referent's sittings in
// Chromium on a throttled phone connection (a cold visit, no service worker yet).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { ensurePwaBuilt, PWA_DIST } from "../pwa/build/build.ts";
import { issueLoginLink } from "../server/src/auth/login-links.ts";
import { DEMO_REFERENT_EMAIL, seedDemoIfEmpty } from "../server/src/demo/seed.ts";
import { EventBus } from "../server/src/shared/events.ts";
import type { BenchEnv, BenchRow } from "./harness.ts";

const KB = 1024;
/** DevTools' "Slow 4G" preset: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, and a 4× slower CPU. */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

/** Gzipped bytes of the files index.html loads (its script and stylesheets, with their imports). */
function shellSizes(): { js: number; css: number; fonts: number; worker: number } {
  const html = readFileSync(join(PWA_DIST, "index.html"), "utf8");
  const referenced = [...html.matchAll(/(?:src|href)="\/(static\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1] as string,
  );
  const gz = (file: string) => gzipSync(readFileSync(join(PWA_DIST, file)), { level: 9 }).length;
  const sum = (ext: string) =>
    referenced.filter((f) => f.endsWith(ext)).reduce((total, f) => total + gz(f), 0);
  const fonts = readdirSync(join(PWA_DIST, "static"))
    .filter((f) => f.endsWith(".woff2"))
    .reduce((total, f) => total + readFileSync(join(PWA_DIST, "static", f)).length, 0);
  return { js: sum(".js"), css: sum(".css"), fonts, worker: gz("sw.js") };
}

async function timeToMeetings(env: BenchEnv): Promise<number> {
  const app = await env.startApp();
  try {
    await seedDemoIfEmpty({ db: app.db, bus: new EventBus(), config: env.config });
    const referent = await app.c.people.findOne({ email: DEMO_REFERENT_EMAIL });
    if (!referent) throw new Error("no demo referent");
    const link = await issueLoginLink({
      ctx: app.adminCtx,
      input: { personId: referent._id, publicUrl: app.url },
    });
    const session = await fetch(`${app.url}/api/v1/auth/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: new URL(link).searchParams.get("token") }),
    });
    const [name, value] = (session.headers.getSetCookie()[0]?.split(";")[0] ?? "").split("=");
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
      ],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
      await context.addCookies([{ name: name as string, value: value as string, url: app.url }]);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      const started = performance.now();
      await page.goto(`${app.url}/#/meetings`);
      await page.locator("[data-meeting] [data-answer]").first().waitFor({ timeout: 60_000 });
      return performance.now() - started;
    } finally {
      await browser.close();
    }
  } finally {
    await app.close();
  }
}

export async function run(env: BenchEnv): Promise<BenchRow[]> {
  await ensurePwaBuilt();
  const size = shellSizes();
  const rows: BenchRow[] = [
    {
      bench: "pwa",
      measure: "shell JS, gzipped",
      value: `${(size.js / KB).toFixed(1)} KB`,
      target: "≤ 60 KB",
      ok: size.js <= 60 * KB,
    },
    {
      bench: "pwa",
      measure: "shell CSS, gzipped",
      value: `${(size.css / KB).toFixed(1)} KB`,
      target: "≤ 35 KB",
      ok: size.css <= 35 * KB,
    },
    {
      bench: "pwa",
      measure: "fonts (3 Titillium weights, woff2)",
      value: `${(size.fonts / KB).toFixed(1)} KB`,
    },
    { bench: "pwa", measure: "service worker, gzipped", value: `${(size.worker / KB).toFixed(1)} KB` },
  ];
  const ms = await timeToMeetings(env);
  rows.push({
    bench: "pwa",
    measure: "Le mie riunioni interactive, Slow 4G + 4× CPU, cold",
    value: `${(ms / 1000).toFixed(2)} s`,
    target: "≤ 5 s (set here)",
    ok: ms <= 5000,
  });
  return rows;
}
