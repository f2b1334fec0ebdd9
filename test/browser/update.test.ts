import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PWA_DIST } from "../../pwa/build/build.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { launchPhone, pwaWorld, screenshot, signIn, waitForServiceWorker } from "./support.ts";

describe("the PWA's update flow: a new worker waits until the person chooses 'aggiorna'", () => {
  let s: TestServer;
  let dist: string;
  let context: BrowserContext;
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    // A copy of the built app, so this test can deploy "a new version" without touching pwa/dist.
    dist = mkdtempSync(join(tmpdir(), "tavoli-pwa-dist-"));
    cpSync(PWA_DIST, dist, { recursive: true });
    s = await startTestServer({ pwaDist: dist });
    const world = await pwaWorld(s);
    ({ context, close } = await launchPhone(s.url));
    await signIn(s, context, world.refA.id);
    page = context.pages()[0] ?? (await context.newPage());
  });
  afterAll(async () => {
    await close?.();
    await s?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("shows 'Nuova versione disponibile — aggiorna' and reloads on the new worker when pressed", async () => {
    await page.goto("/#/meetings");
    await page.getByRole("heading", { name: "Le mie riunioni" }).waitFor();
    await waitForServiceWorker(page);
    const bar = page.getByRole("status").filter({ hasText: "Nuova versione disponibile" });
    expect(await bar.count()).toBe(0);
    appendFileSync(join(dist, "sw.js"), "\n// the next version\n");
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await bar.waitFor();
    await screenshot(page, "04-aggiornamento");
    // Not taken over behind the person's back: the old worker still controls the page.
    expect(
      await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)),
    ).toBe(true);
    const reloaded = page.waitForEvent("load");
    await bar.getByRole("button", { name: "aggiorna" }).click();
    await reloaded;
    await page.getByRole("heading", { name: "Le mie riunioni" }).waitFor();
    expect(
      await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)),
    ).toBe(false);
    expect(await bar.count()).toBe(0);
  });
});
