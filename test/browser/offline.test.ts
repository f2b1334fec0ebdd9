import { ObjectId } from "mongodb";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { launchPhone, pwaWorld, screenshot, signIn, storedAnswer, waitForServiceWorker } from "./support.ts";

/**
 * Does this server honour Idempotency-Key (the server side of the PWA issue)? The same PUT twice with one
 * key must come back marked `Idempotent-Replayed`.
 */
async function serverReplaysIdempotently(s: TestServer, token: string, meetingId: string): Promise<boolean> {
  const key = crypto.randomUUID();
  const put = () =>
    s.api("PUT", `/api/v1/meetings/${meetingId}/rsvps/me`, {
      token,
      body: { answer: "assente" },
      headers: { "idempotency-key": key },
    });
  await put();
  return (await put()).headers.get("idempotent-replayed") === "true";
}

describe("the PWA offline: the outbox keeps what was done without a network and sends it once", () => {
  let s: TestServer;
  let world: Awaited<ReturnType<typeof pwaWorld>>;
  let context: BrowserContext;
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    s = await startTestServer();
    world = await pwaWorld(s);
    ({ context, close } = await launchPhone(s.url));
    await signIn(s, context, world.refA.id);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto("/#/meetings");
    await page.getByRole("heading", { name: world.meetings[0]?.title }).waitFor();
    await waitForServiceWorker(page);
    // Visited once online: the list and the detail are in the service worker's cache for offline use.
    await page.goto(`/#/meetings/${world.meetings[0]?.id}`);
    await page.getByRole("heading", { name: "Ordine del giorno" }).waitFor();
    await page.goto("/#/meetings");
    await page.getByRole("heading", { name: world.meetings[0]?.title }).waitFor();
  });
  afterAll(async () => {
    await close?.();
    await s?.close();
  });

  it("RSVP offline → reload shows it waiting → online → the server has exactly one answer", async () => {
    const meeting = world.meetings[0] as { id: string };
    const answered = () =>
      s.events.filter((e) => e.type === "rsvp.answered" && e.payload.meetingId === meeting.id).length;
    await context.setOffline(true);
    const card = page.locator(`[data-meeting="${meeting.id}"]`);
    await card.getByRole("button", { name: "Presenza" }).click();
    await card.getByTestId("rsvp-pending").waitFor();
    await page.reload();
    // The shell from the precache, the list from the cache, the answer from the outbox.
    await page.locator(`[data-meeting="${meeting.id}"]`).getByTestId("rsvp-pending").waitFor();
    expect(await card.getByRole("button", { name: "Presenza" }).getAttribute("aria-pressed")).toBe("true");
    await page.getByText("Sei offline").first().waitFor();
    await screenshot(page, "20-offline-in-attesa");
    expect(await storedAnswer(s, meeting.id, world.refA.id)).toBeNull();
    await context.setOffline(false);
    await card.getByTestId("rsvp-pending").waitFor({ state: "detached" });
    expect(await storedAnswer(s, meeting.id, world.refA.id)).toBe("presenza");
    // Sent, the answer stays shown: the screen reloads what the server now has.
    await expect
      .poll(() => card.getByRole("button", { name: "Presenza" }).getAttribute("aria-pressed"))
      .toBe("true");
    await s.drain();
    expect(answered()).toBe(1);
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toContain(
      "tavoli",
    );
  });

  it("shows a replay the server refuses (the deadline passed meanwhile) and keeps it until dismissed", async () => {
    const meeting = world.meetings[1] as { id: string };
    await context.setOffline(true);
    const card = page.locator(`[data-meeting="${meeting.id}"]`);
    await card.getByRole("button", { name: "Assente" }).click();
    await card.getByTestId("rsvp-pending").waitFor();
    await s.c.meetings.updateOne(
      { _id: new ObjectId(meeting.id) },
      { $set: { rsvpDeadline: new Date(Date.now() - 60_000) } },
    );
    await context.setOffline(false);
    const refused = page.getByTestId("refused");
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/Non inviato: Assente/);
    await screenshot(page, "21-rifiutato");
    await page.reload();
    await refused.waitFor();
    await refused.getByRole("button", { name: "Ho capito, elimina" }).click();
    await refused.waitFor({ state: "detached" });
    expect(await storedAnswer(s, meeting.id, world.refA.id)).toBeNull();
  });

  it("a write whose answer was lost is replayed with the same Idempotency-Key, and is one answer", async () => {
    const meeting = world.meetings[0] as { id: string };
    const idempotent = await serverReplaysIdempotently(s, world.refB.token, meeting.id);
    const before = s.events.filter((e) => e.type === "rsvp.answered").length;
    const sent: Array<{ key: string | null; replayed: string | null }> = [];
    // The first PUT reaches the server, but its answer is lost on the way back (a train in a tunnel).
    await context.route("**/api/v1/meetings/*/rsvps/me", async (route) => {
      const response = await route.fetch();
      sent.push({
        key: route.request().headers()["idempotency-key"] ?? null,
        replayed: response.headers()["idempotent-replayed"] ?? null,
      });
      if (sent.length === 1) await route.abort("connectionreset");
      else await route.fulfill({ response });
    });
    const card = page.locator(`[data-meeting="${meeting.id}"]`);
    await card.getByRole("button", { name: "Da remoto" }).click();
    await card.getByTestId("rsvp-pending").waitFor();
    // Coming back to the app replays the outbox.
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await card.getByTestId("rsvp-pending").waitFor({ state: "detached" });
    await context.unrouteAll();
    expect(sent).toHaveLength(2);
    expect(sent[0]?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]?.key).toBe(sent[0]?.key);
    expect(await storedAnswer(s, meeting.id, world.refA.id)).toBe("remoto");
    await s.drain();
    const answered = s.events.filter((e) => e.type === "rsvp.answered").length - before;
    if (!idempotent) {
      // Without the server side (branch pwa-server) the replay is applied again: the gap this test closes.
      console.warn("[browser] server ignores Idempotency-Key: replay recorded twice");
      expect(answered).toBe(2);
      return;
    }
    expect(sent[1]?.replayed).toBe("true");
    expect(answered).toBe(1);
  });
});
