import { createHmac } from "node:crypto";

export const TEST_SIGNING_SECRET = "test-signing-secret-0123456789";
export const TEST_BOT_TOKEN = "xoxb-test-bot-token";
export const TEST_TEAM_ID = "T0001";

/** Slack's request signature: v0=HMAC-SHA256(secret, "v0:{timestamp}:{raw body}"). */
export function slackSignature(body: string, timestampSeconds: number, secret = TEST_SIGNING_SECRET) {
  const hash = createHmac("sha256", secret).update(`v0:${timestampSeconds}:${body}`).digest("hex");
  return `v0=${hash}`;
}

type SignOptions = {
  secret?: string;
  timestampSeconds?: number;
  signature?: string;
  /** Further headers, e.g. Slack's `x-slack-retry-num` on a retry. */
  headers?: Record<string, string>;
};

/** Sends a body to `/slack/events` signed exactly as Slack signs it (or deliberately not). */
export async function postToSlackEvents(
  serverUrl: string,
  body: string,
  contentType: string,
  options: SignOptions = {},
) {
  const ts = options.timestampSeconds ?? Math.floor(Date.now() / 1000);
  const response = await fetch(`${serverUrl}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": options.signature ?? slackSignature(body, ts, options.secret),
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {}
  return { status: response.status, text, json };
}

export type SlashCommand = {
  text: string;
  userId: string;
  responseUrl: string;
  channelId?: string;
  teamId?: string;
  triggerId?: string;
};

/** The form body Slack sends for `/tavoli <text>`. */
export function slashCommandBody(command: SlashCommand): string {
  return new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: command.teamId ?? TEST_TEAM_ID,
    team_domain: "demo",
    channel_id: command.channelId ?? "C0TABLE",
    channel_name: "tavolo",
    user_id: command.userId,
    user_name: command.userId.toLowerCase(),
    command: "/tavoli",
    text: command.text,
    api_app_id: "A0001",
    is_enterprise_install: "false",
    response_url: command.responseUrl,
    trigger_id: command.triggerId ?? `trigger-${Math.random().toString(36).slice(2)}`,
  }).toString();
}

/** Sends a signed slash command. */
export function sendSlashCommand(serverUrl: string, command: SlashCommand, options: SignOptions = {}) {
  return postToSlackEvents(
    serverUrl,
    slashCommandBody(command),
    "application/x-www-form-urlencoded",
    options,
  );
}

/** Sends a signed interaction payload (block_actions, view_submission, …) as Slack does: form field `payload`. */
export function sendInteraction(
  serverUrl: string,
  payload: Record<string, unknown>,
  options: SignOptions = {},
) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postToSlackEvents(serverUrl, body, "application/x-www-form-urlencoded", options);
}

/** Sends a signed Events API callback. */
export function sendEvent(serverUrl: string, event: Record<string, unknown>, teamId = TEST_TEAM_ID) {
  const body = JSON.stringify({
    token: "deprecated",
    team_id: teamId,
    api_app_id: "A0001",
    type: "event_callback",
    event_id: `Ev${Math.random().toString(36).slice(2)}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
  return postToSlackEvents(serverUrl, body, "application/json");
}

/** A block_actions payload for a button click. */
export function buttonClick(input: {
  userId: string;
  actionId: string;
  value: string;
  responseUrl: string;
  channelId?: string;
  messageTs?: string;
  teamId?: string;
}) {
  return {
    type: "block_actions",
    team: { id: input.teamId ?? TEST_TEAM_ID, domain: "demo" },
    user: { id: input.userId, team_id: input.teamId ?? TEST_TEAM_ID },
    api_app_id: "A0001",
    token: "deprecated",
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    channel: { id: input.channelId ?? "C0TABLE" },
    container: {
      type: "message",
      channel_id: input.channelId ?? "C0TABLE",
      message_ts: input.messageTs ?? "1.1",
    },
    message: { ts: input.messageTs ?? "1.1", text: "" },
    response_url: input.responseUrl,
    actions: [
      { type: "button", action_id: input.actionId, block_id: "b", value: input.value, action_ts: "1.2" },
    ],
  };
}

/** A view_submission payload carrying the modal's state values. */
export function viewSubmission(input: {
  userId: string;
  callbackId: string;
  values: Record<string, Record<string, unknown>>;
  privateMetadata?: string;
  teamId?: string;
}) {
  return {
    type: "view_submission",
    team: { id: input.teamId ?? TEST_TEAM_ID, domain: "demo" },
    user: { id: input.userId, team_id: input.teamId ?? TEST_TEAM_ID },
    api_app_id: "A0001",
    token: "deprecated",
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    view: {
      id: "V1",
      type: "modal",
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata ?? "",
      state: { values: input.values },
      hash: "h",
    },
  };
}
