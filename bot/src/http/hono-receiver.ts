import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import { isValidSlackRequest } from "@slack/bolt";
import type { Context } from "hono";
import type { Collection } from "mongodb";
import type { SlackRequestDoc } from "../store.ts";
import { type ReplayGuard, replayGuard } from "./replay-guard.ts";

/** Slack's replay window: a request signed more than this far from our clock is refused. */
const REPLAY_WINDOW_SECONDS = 5 * 60;

/** A decoded Slack request body; Bolt reads its fields by request type. */
type SlackBody = ReceiverEvent["body"];

/** What a listener's `ack(...)` turns into: the HTTP response Slack waits for (≤ 3 s). */
type Acked = { kind: "acked"; response: unknown } | { kind: "unhandled" } | { kind: "failed" };

/**
 * A Bolt receiver served by our own Hono server at `/slack/events` (Bolt's HTTPReceiver would open a
 * second port). It verifies Slack's signature over the raw body, answers `ssl_check` and
 * `url_verification`, and hands everything else to Bolt; the HTTP response goes out as soon as the
 * listener calls `ack()`, while the listener carries on with the slow work. A correctly signed request
 * runs once: its exact replay inside the window is refused, and a Slack retry of a request already
 * handled is acknowledged without running again.
 */
export class HonoReceiver implements Receiver {
  #app: App | undefined;
  readonly #signingSecret: string;
  readonly #onError: (error: unknown) => void;
  readonly #seen: ReplayGuard;

  constructor(options: {
    signingSecret: string;
    requests: Collection<SlackRequestDoc>;
    onError: (error: unknown) => void;
  }) {
    this.#signingSecret = options.signingSecret;
    this.#onError = options.onError;
    this.#seen = replayGuard(options.requests, REPLAY_WINDOW_SECONDS);
  }

  init(app: App): void {
    this.#app = app;
  }

  // Served by the API's HTTP server: nothing to open or close here.
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** Handles one POST to /slack/events. */
  async handle(c: Context): Promise<Response> {
    const rawBody = await c.req.text();
    const timestamp = Number(c.req.header("x-slack-request-timestamp"));
    const signature = c.req.header("x-slack-signature") ?? "";
    // Slack's clock, not the domain's: the window is about when the request was signed.
    const now = new Date();
    const nowSeconds = now.getTime() / 1000;
    const valid =
      Number.isFinite(timestamp) &&
      Math.abs(nowSeconds - timestamp) <= REPLAY_WINDOW_SECONDS &&
      isValidSlackRequest({
        signingSecret: this.#signingSecret,
        body: rawBody,
        headers: {
          "x-slack-signature": signature,
          "x-slack-request-timestamp": timestamp,
        },
      });
    if (!valid) return c.json({ error: "invalid_signature" }, 401);

    const body = parseBody(rawBody, c.req.header("content-type"));
    if (body === null) return c.json({ error: "invalid_body" }, 400);
    if (body.ssl_check) return c.body(null, 200);
    if (body.type === "url_verification") return c.json({ challenge: body.challenge });
    if (!this.#app) return c.json({ error: "not_ready" }, 503);

    // Slack retries when our answer was late or failed; one it already got through must not run twice.
    const retry = c.req.header("x-slack-retry-num") !== undefined;
    if (retry && (await this.#seen.handledBefore(rawBody, now))) return c.body(null, 200);
    const accepted = await this.#seen.accept(signature, rawBody, now);
    if (accepted === "replayed") return c.json({ error: "replayed_request" }, 401);

    const outcome = await this.#dispatch(this.#app, body, c);
    if (outcome.kind === "unhandled") return c.body(null, 404);
    if (outcome.kind === "failed") {
      await this.#seen.release(accepted);
      return c.body(null, 500);
    }
    const { response } = outcome;
    if (response === undefined || response === null || response === "") return c.body(null, 200);
    if (typeof response === "string") return c.text(response);
    return c.json(response as Record<string, unknown>);
  }

  /** Runs Bolt on the event and resolves on the first `ack()`, or when Bolt finishes without one. */
  #dispatch(app: App, body: SlackBody, c: Context): Promise<Acked> {
    return new Promise<Acked>((resolve) => {
      let acked = false;
      const event: ReceiverEvent = {
        body,
        ack: async (response?: unknown) => {
          if (acked) throw new Error("ack() called twice for one Slack request");
          acked = true;
          resolve({ kind: "acked", response });
        },
        retryNum: numberHeader(c.req.header("x-slack-retry-num")),
        retryReason: c.req.header("x-slack-retry-reason"),
        customProperties: {},
      };
      app.processEvent(event).then(
        () => resolve({ kind: "unhandled" }),
        (error: unknown) => {
          this.#onError(error);
          resolve({ kind: "failed" });
        },
      );
    });
  }
}

function numberHeader(value: string | undefined): number | undefined {
  const parsed = Number(value);
  return value !== undefined && Number.isInteger(parsed) ? parsed : undefined;
}

/** Slash commands and interactions come form-encoded (interactions as a JSON `payload` field); events as JSON. */
function parseBody(raw: string, contentType: string | undefined): SlackBody | null {
  try {
    if (contentType?.startsWith("application/x-www-form-urlencoded")) {
      const form = Object.fromEntries(new URLSearchParams(raw));
      return typeof form.payload === "string" ? JSON.parse(form.payload) : form;
    }
    const parsed = JSON.parse(raw);
    return typeof parsed === "object" && parsed !== null ? parsed : null;
  } catch {
    return null;
  }
}
