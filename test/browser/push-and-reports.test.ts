import { readFileSync } from "node:fs";
import type { BrowserContext, CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakePush, startFakePush } from "../support/fake-push.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import {
  clickNotificationAction,
  launchPhone,
  pwaWorld,
  screenshot,
  signIn,
  storedAnswer,
  waitForServiceWorker,
} from "./support.ts";

const PHOTO = readFileSync(new URL("../../pwa/public/icons/icon-192.png", import.meta.url));

/** Reads `registration.getNotifications()` from the page: what the service worker has on screen. */
function shownNotifications(page: Page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      actions: ((n as unknown as { actions?: Array<{ action: string }> }).actions ?? []).map((a) => a.action),
    }));
  });
}

describe("the PWA's service worker takes a real reminder push; issue reports carry a photo", () => {
  let s: TestServer;
  let push: FakePush;
  let world: Awaited<ReturnType<typeof pwaWorld>>;
  let context: BrowserContext;
  let close: () => Promise<void>;
  let page: Page;
  let cdp: CDPSession;
  let payload: { title: string; actions?: unknown[] };

  beforeAll(async () => {
    push = await startFakePush();
    s = await startTestServer({ pushAgent: push.agent });
    world = await pwaWorld(s);
    ({ context, close } = await launchPhone(s.url));
    await context.grantPermissions(["notifications"], { origin: s.url });
    await signIn(s, context, world.refA.id);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto("/#/meetings");
    await page.getByRole("heading", { name: world.meetings[0]?.title }).waitFor();
    await waitForServiceWorker(page);
    cdp = await context.newCDPSession(page);
  });
  afterAll(async () => {
    await close?.();
    await s?.close();
    await push?.close();
  });

  it("shows the reminder the server pushed, delivered to the service worker through DevTools", async () => {
    // The push service is unreachable from here: the stand-in takes the server's real Web Push request
    // and decrypts it, and DevTools hands that plaintext to the worker as the browser's push would.
    const key = (await s.api("GET", "/api/v1/push/vapid-public-key")).body.publicKey;
    const subscription = push.subscribe(key);
    const token = world.refA.token;
    expect(
      (await s.api("POST", "/api/v1/people/me/push-subscriptions", { token, body: subscription })).status,
    ).toBe(201);
    const prefs = { channels: { push: true, email: false, slack: false }, leadMinutes: [60] };
    expect(
      (await s.api("PUT", "/api/v1/people/me/reminder-preferences", { token, body: prefs })).status,
    ).toBe(200);
    await s.drain();
    const meeting = await s.api("GET", `/api/v1/meetings/${world.meetings[0]?.id}`, { token });
    // The eve of the deadline, no answer yet: the "please confirm" reminder falls due.
    s.clock.now = new Date(Date.parse(meeting.body.rsvpDeadline) - 12 * 3_600_000);
    await s.drain();
    const received = await push.waitFor((p) => p.endpoint === subscription.endpoint && p.plaintext !== null);
    payload = JSON.parse(received.plaintext as string);
    expect(payload.title).toMatch(/^Conferma la tua presenza/);
    const registrations = new Promise<string>((resolve) =>
      cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations: list }) => {
        const live = list.find((r: { isDeleted: boolean }) => !r.isDeleted);
        if (live) resolve(live.registrationId);
      }),
    );
    await cdp.send("ServiceWorker.enable");
    const registrationId = await registrations;
    await cdp.send("ServiceWorker.deliverPushMessage", {
      origin: s.url,
      registrationId,
      data: received.plaintext as string,
    });
    await expect
      .poll(async () => (await shownNotifications(page)).map((n) => n.title))
      .toEqual([payload.title]);
    const [shown] = await shownNotifications(page);
    // The answers first, then "Apri", cut at the browser's limit (Chromium shows 2): a tap on the body opens.
    const maxActions = await page.evaluate(
      () => (Notification as unknown as { maxActions: number }).maxActions,
    );
    const answers = (payload.actions ?? []) as { action: string }[];
    const offered = [...answers.map((a) => a.action), "open"];
    expect(offered.slice(0, 2)).toEqual(["presenza", "remoto"]);
    expect(shown?.actions).toEqual(offered.slice(0, maxActions));
  });

  it("answers from the notification's 'Partecipo' action, with the token the push carried", async (ctx) => {
    if (!payload?.actions?.length)
      ctx.skip(true, "this server's reminders carry no answer actions yet (pwa-server branch)");
    const meetingId = world.meetings[0]?.id as string;
    // DevTools cannot press a notification's button: the worker's own notificationclick listener is
    // dispatched in the worker with the notification on screen and the action pressed.
    await clickNotificationAction(context, payload.title, "presenza");
    await expect.poll(() => storedAnswer(s, meetingId, world.refA.id), { timeout: 10_000 }).toBe("presenza");
    await expect
      .poll(async () => (await shownNotifications(page)).map((n) => n.title))
      .toEqual(["Risposta registrata"]);
  });

  it("says when an answer from the notification fails, and opens the sitting instead", async () => {
    const meetingId = world.meetings[1]?.id as string;
    // A reminder as the contract has it, with a token the server cannot accept (expired, or forged).
    const reminder = {
      meetingId,
      title: "Conferma la tua presenza: Seduta sul cloud",
      body: "Rispondi entro domani",
      startsAtRome: "2026-12-15T10:00:00+01:00",
      url: `${s.url}/#/meetings/${meetingId}`,
      tag: `meeting-${meetingId}`,
      actions: [
        { action: "presenza", title: "Partecipo", token: "scaduto" },
        { action: "remoto", title: "Da remoto", token: "scaduto" },
      ],
    };
    const { registrations } = await new Promise<{
      registrations: Array<{ registrationId: string; isDeleted: boolean }>;
    }>((resolve) => {
      cdp.once("ServiceWorker.workerRegistrationUpdated", resolve);
      void cdp.send("ServiceWorker.disable").then(() => cdp.send("ServiceWorker.enable"));
    });
    const registrationId = registrations.find((r) => !r.isDeleted)?.registrationId as string;
    await cdp.send("ServiceWorker.deliverPushMessage", {
      origin: s.url,
      registrationId,
      data: JSON.stringify(reminder),
    });
    // Chromium shows at most Notification.maxActions (2) buttons: the answers; a tap on the body opens.
    await expect
      .poll(async () =>
        (await shownNotifications(page)).find((n) => n.title === reminder.title)?.actions.slice(0, 2),
      )
      .toEqual(["presenza", "remoto"]);
    await clickNotificationAction(context, reminder.title, "presenza");
    await expect
      .poll(async () => (await shownNotifications(page)).map((n) => n.title))
      .toContain("Risposta non registrata");
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/meetings/${meetingId}`);
    expect(await storedAnswer(s, meetingId, world.refA.id)).toBeNull();
  });

  it("raises an issue report with a photo, online, and one made offline goes when the network is back", async () => {
    const openApi = (await s.api("GET", "/api/v1/openapi.json")).body;
    const attachments = Boolean(openApi.paths["/issue-reports/{id}/attachments"]);
    await page.goto("/#/reports");
    await page.getByRole("heading", { name: "Nuova segnalazione" }).waitFor();
    await page.getByLabel("Titolo").fill("Sportello telematico irraggiungibile");
    await page.getByLabel("Alta").check();
    await page
      .getByLabel("Foto o documento (facoltativo)")
      .setInputFiles({ name: "schermata.png", mimeType: "image/png", buffer: PHOTO });
    await screenshot(page, "30-segnalazione");
    await page.getByRole("button", { name: "Invia" }).click();
    const reports = async () =>
      (await s.api("GET", `/api/v1/tables/${world.openTable}/issue-reports`, { token: world.refA.token }))
        .body.items as Array<{
        id: string;
        title: string;
        severity: string;
      }>;
    await expect
      .poll(async () => (await reports()).map((r) => `${r.title}:${r.severity}`), { timeout: 5000 })
      .toContain("Sportello telematico irraggiungibile:alta");
    if (attachments) {
      await page.getByRole("status").filter({ hasText: "Inviato" }).waitFor();
    } else {
      // Until the attachments endpoint lands (pwa-server branch) the photo is refused, and says so.
      await page.getByTestId("refused").waitFor({ timeout: 5000 });
      console.warn(
        "[browser] no attachments endpoint on this server: the photo was refused and kept visible",
      );
    }
    await context.setOffline(true);
    await page.getByLabel("Titolo").fill("Manca la connettività in sala consiliare");
    await page.getByRole("button", { name: "Invia" }).click();
    await page
      .getByTestId("pending-entry")
      .filter({ hasText: "Manca la connettività" })
      .waitFor({ timeout: 5000 });
    await context.setOffline(false);
    await page.getByTestId("pending-entry").waitFor({ state: "detached" });
    expect((await reports()).map((r) => r.title)).toContain("Manca la connettività in sala consiliare");
  });
});
