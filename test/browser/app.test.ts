import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convene } from "../../server/src/meetings/test-fixtures.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import {
  expectAccessible,
  launchPhone,
  loginLinkMailedTo,
  pwaWorld,
  screenshot,
  signIn,
  storedAnswer,
  waitForServiceWorker,
} from "./support.ts";

describe("the PWA in Chromium on a phone: login, my meetings, RSVP, every screen accessible", () => {
  let s: TestServer;
  let close: () => Promise<void>;
  let world: Awaited<ReturnType<typeof pwaWorld>>;
  let context: BrowserContext;
  let page: Page;
  const cspErrors: string[] = [];

  beforeAll(async () => {
    s = await startTestServer();
    world = await pwaWorld(s);
    ({ context, close } = await launchPhone(s.url));
    page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
    });
  });
  afterAll(async () => {
    await close?.();
    await s?.close();
  });

  it("logs in by magic link: the mail's link, the verify page, back in the app signed in", async () => {
    const email = world.refA.person.email;
    await page.goto("/");
    await page.getByLabel("Indirizzo email").fill(email);
    await expectAccessible(page, "login");
    await screenshot(page, "00-accesso");
    await page.getByRole("button", { name: "Invia il link di accesso" }).click();
    await page.getByRole("status").filter({ hasText: "link" }).waitFor();
    await page.goto(await loginLinkMailedTo(s, email));
    await page.getByRole("button", { name: "Accedi" }).click();
    await page.getByRole("heading", { name: "Le mie riunioni" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    await page.getByRole("heading", { name: world.meetings[0]?.title }).waitFor();
    await waitForServiceWorker(page);
  });

  it("answers from the list with one tap, and the server has the answer", async () => {
    const meeting = world.meetings[0] as { id: string };
    const card = page.locator(`[data-meeting="${meeting.id}"]`);
    await card.getByRole("button", { name: "Da remoto" }).click();
    await card.getByRole("status").filter({ hasText: "Risposta registrata" }).waitFor();
    await expect.poll(() => storedAnswer(s, meeting.id, world.refA.id)).toBe("remoto");
    expect(await card.getByRole("button", { name: "Da remoto" }).getAttribute("aria-pressed")).toBe("true");
    await screenshot(page, "01-le-mie-riunioni");
  });

  it("answers with the keyboard alone: Tab to the answer, Space to press it", async () => {
    const meeting = world.meetings[1] as { id: string };
    await page.reload();
    await page.locator(`[data-meeting="${meeting.id}"]`).waitFor();
    const target = page.locator(`[data-meeting="${meeting.id}"] [data-answer="presenza"]`);
    // Focus order must reach it from the top of the page by Tab alone.
    await page.keyboard.press("Tab");
    for (let presses = 0; presses < 40; presses += 1) {
      if (await target.evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press("Tab");
    }
    expect(await target.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Space");
    await expect.poll(() => storedAnswer(s, meeting.id, world.refA.id)).toBe("presenza");
  });

  it("opens Slack's 'Apri in Tavoli' link (/#/meetings/{id}) on that sitting, with agenda and calendar", async () => {
    const meeting = world.meetings[0] as { id: string; title: string };
    await page.goto(`/#/meetings/${meeting.id}`);
    await page.getByRole("heading", { level: 1, name: meeting.title }).waitFor();
    await page.getByRole("heading", { name: "Ordine del giorno" }).waitFor();
    expect(await page.getByText("CANARY-RISERVATO").count()).toBe(1);
    expect(await page.getByRole("link", { name: "Aggiungi al calendario (.ics)" }).getAttribute("href")).toBe(
      `/api/v1/meetings/${meeting.id}/invite.ics`,
    );
    await page.getByRole("heading", { name: "Chi viene della mia organizzazione" }).waitFor();
    await screenshot(page, "02-dettaglio-riunione");
  });

  it("sets quiet hours on the notifications screen, keeping the tables' lead times", async () => {
    await page.goto("/#/notifications");
    await page.getByText("Preferenze dei promemoria").waitFor();
    expect(await page.getByLabel("Usa i tempi scelti da ciascun tavolo").isChecked()).toBe(true);
    await page.getByLabel(/Nessun promemoria in queste ore/).check();
    await page.getByLabel("Dalle").fill("21:30");
    await page.getByRole("button", { name: "Salva" }).click();
    await page.getByText("Preferenze salvate").waitFor();
    const stored = await s.c.reminderPreferences.findOne({ _id: world.refA.person._id });
    expect(stored?.quietHours).toEqual({ from: "21:30", to: "07:00" });
    expect(stored?.ownLeadMinutes).toBe(false);
  });

  it("has no serious or critical axe violations on any screen, in Italian and in English", async () => {
    const screens = [
      ["meetings", "#/meetings", "Le mie riunioni"],
      ["meeting", `#/meetings/${world.meetings[0]?.id}`, "Ordine del giorno"],
      ["contributions", "#/contributions", "Nuovo contributo"],
      ["reports", "#/reports", "Nuova segnalazione"],
      ["minutes", "#/minutes", "Verbali"],
      ["notifications", "#/notifications", "Preferenze dei promemoria"],
      ["profile", "#/profile", "Nome"],
      ["accessibility", "#/accessibility", "Stato di conformità"],
    ] as const;
    for (const [name, hash, marker] of screens) {
      await page.goto(`/${hash}`);
      await page.getByText(marker, { exact: false }).first().waitFor();
      await page.getByText("Caricamento…").waitFor({ state: "detached" });
      await expectAccessible(page, name);
      await screenshot(page, `10-${name}`);
    }
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("heading", { name: "Accessibility statement (draft)" }).waitFor();
    await page.goto("/#/meetings");
    await page.getByRole("heading", { name: "My meetings" }).waitFor();
    await expectAccessible(page, "meetings (en)");
    await page.getByRole("button", { name: "Passa all'italiano" }).click();
    await page.getByRole("heading", { name: "Le mie riunioni" }).waitFor();
    expect(cspErrors).toEqual([]);
  });

  it("is installable: Chromium reports no installability errors, and the footer links the accessibility statement", async () => {
    await page.goto("/#/meetings");
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: Array<{ errorId: string }>;
    };
    expect(installabilityErrors).toEqual([]);
    expect(await page.locator('footer a[data-element="accessibility-link"]').getAttribute("href")).toBe(
      "#/accessibility",
    );
    await cdp.detach();
  });

  it("checks in at the sitting with the code the coordinator shows", async () => {
    // A sitting starting in ten minutes: self check-in opens half an hour before the start.
    const rome = (date: Date) =>
      new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Rome", dateStyle: "short", timeStyle: "short" })
        .format(date)
        .replace(" ", "T");
    const convened = await convene(s, world.coordinator.token, world.openTable, {
      title: "Seduta lampo",
      startsAt: rome(new Date(Date.now() + 10 * 60_000)),
      endsAt: rome(new Date(Date.now() + 70 * 60_000)),
    });
    expect(convened.status, JSON.stringify(convened.body)).toBe(201);
    const code = (
      await s.api("GET", `/api/v1/meetings/${convened.body.id}`, { token: world.coordinator.token })
    ).body.checkInCode as string;
    await page.goto(`/#/meetings/${convened.body.id}`);
    await page.getByRole("heading", { name: "Registra la presenza" }).waitFor();
    await page.getByLabel("Codice della seduta").fill(code);
    await page.getByRole("button", { name: "Registra", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Presenza registrata" }).waitFor();
    const register = await s.api("GET", `/api/v1/meetings/${convened.body.id}/attendance`, {
      token: world.coordinator.token,
    });
    expect(JSON.stringify(register.body)).toContain(world.refA.id);
  });

  it("shows the organisers the answers' summary and the check-in code", async () => {
    await signIn(s, context, world.coordinator.id);
    const view = page;
    await view.goto(`/#/meetings/${world.meetings[0]?.id}`);
    await view.reload();
    await view.getByRole("heading", { name: "Riepilogo risposte" }).waitFor();
    const counts = await view.getByTestId("rsvp-counts").textContent();
    expect(counts).toMatch(/Da remoto\s*1/);
    expect(await view.getByTestId("check-in-code").textContent()).toMatch(/^\S{4,}$/);
    await expectAccessible(view, "meeting (organiser)");
    await screenshot(view, "03-riunione-coordinatore");
  });
});
