import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ObjectId } from "mongodb";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { issueLoginLink } from "../../server/src/auth/login-links.ts";
import { convene, meetingWorld } from "../../server/src/meetings/test-fixtures.ts";
import { createCtx } from "../../server/src/shared/context.ts";
import type { TestServer } from "../support/server.ts";

/** Debian's Chromium (`.ci/run` installs it); CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * One headless Chromium per test file, as a phone (390×844, touch, Italian, Rome time), with the flags
 * ENVIRONMENT.md lists and a fresh profile: a persistent one, since Chromium refuses to call an incognito
 * window installable.
 */
export async function launchPhone(
  baseURL: string,
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `no Chromium at ${CHROMIUM}: apt-get install -y chromium (as .ci/run does), or set CHROMIUM_PATH`,
    );
  const profile = mkdtempSync(join(tmpdir(), "tavoli-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "it-IT",
    timezoneId: "Europe/Rome",
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The login link mailed to `email` (other mails, such as convocations, are skipped). */
export async function loginLinkMailedTo(s: TestServer, email: string): Promise<string> {
  for (;;) {
    const mail = await s.nextMail(10_000);
    const link = mail.text.match(/https?:\/\/\S+\/auth\/verify\?token=[^\s]+/)?.[0];
    if (link && mail.to === email) {
      const url = new URL(link);
      return url.pathname + url.search;
    }
  }
}

/** Signs the context in as `personId` with a real session cookie from a login link. */
export async function signIn(s: TestServer, context: BrowserContext, personId: string): Promise<void> {
  const url = await issueLoginLink({
    ctx: createCtx({ db: s.db, bus: s.bus }),
    input: { personId: new ObjectId(personId), publicUrl: s.url },
  });
  const token = new URL(url).searchParams.get("token");
  const session = await s.api("POST", "/api/v1/auth/sessions", { body: { token } });
  const cookie = session.headers.getSetCookie()[0]?.split(";")[0] ?? "";
  const [name, value] = cookie.split("=");
  await context.addCookies([{ name: name as string, value: value as string, url: s.url }]);
}

/** A Rome wall-clock time `days` from now at 10:00, as the convene API takes it. */
function romeDay(days: number, hour: string): string {
  const day = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${hour}`;
}

/**
 * meetingWorld on today's real clock (the browser's), with two online sittings convened a week and two
 * weeks ahead on the open table: refA and refB are convened, colleagueA is refA's colleague.
 */
export async function pwaWorld(s: TestServer) {
  const w = await meetingWorld(s);
  s.clock.now = new Date();
  const meetings: Array<{ id: string; title: string }> = [];
  for (const [days, title] of [
    [7, "Seduta ordinaria di dicembre"],
    [14, "Seduta sul cloud"],
  ] as const) {
    const response = await convene(s, w.coordinator.token, w.openTable, {
      title,
      startsAt: romeDay(days, "10:00"),
      endsAt: romeDay(days, "12:00"),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    meetings.push({ id: response.body.id, title });
  }
  return { ...w, meetings };
}

/** The answer the server holds for `personId` at a meeting (null when none). */
export async function storedAnswer(s: TestServer, meetingId: string, personId: string) {
  const list = await s.api("GET", `/api/v1/meetings/${meetingId}/rsvps`, {
    token: (await s.createPerson({ admin: true })).token,
  });
  return list.body.people.find((p: { personId: string }) => p.personId === personId)?.answer ?? null;
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's WCAG 2.1 A/AA rules on the page as it is; fails on any serious or critical violation.
 * Evaluated through DevTools, which the page's CSP (no inline script) rightly does not let a <script> do.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: unknown) => Promise<any> } })
      .axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n: any) => n.target.join(" ")).slice(0, 3),
    }));
  });
  const serious = violations.filter(
    (v: { impact: string }) => v.impact === "serious" || v.impact === "critical",
  );
  expect(serious, `${screen}: ${JSON.stringify(serious)}`).toEqual([]);
}

/** Writes a screenshot for a person to look at (test/browser/screenshots/, git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test/browser/screenshots/${name}.png`, fullPage: true });
}

/** Waits until the page is controlled by the active service worker (the shell is then precached). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
      );
  });
}

/** What the worker's global scope offers a test (the DOM lib these tests compile with has no worker types). */
type WorkerScope = {
  registration: { getNotifications(): Promise<Array<{ title: string }>> };
  dispatchEvent(event: unknown): boolean;
  NotificationEvent: new (type: string, init: { notification: unknown; action: string }) => unknown;
};

/**
 * Presses `action` on the notification titled `title`. DevTools cannot press a notification's button, so
 * the worker's own notificationclick listener is dispatched in the worker, with that notification.
 */
export async function clickNotificationAction(
  context: BrowserContext,
  title: string,
  action: string,
): Promise<void> {
  const [worker] = context.serviceWorkers();
  if (!worker) throw new Error("no service worker");
  await worker.evaluate(
    async ({ title, action }) => {
      const scope = self as unknown as WorkerScope;
      const notification = (await scope.registration.getNotifications()).find((n) => n.title === title);
      scope.dispatchEvent(new scope.NotificationEvent("notificationclick", { notification, action }));
    },
    { title, action },
  );
}
