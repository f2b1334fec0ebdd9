import type { presentMeeting } from "../../../server/src/meetings/index.ts";

/** A sitting as the API presents it to one viewer (links and confidential items already filtered). */
export type MeetingView = ReturnType<typeof presentMeeting>;

/** The short code people type after `/tavoli presenza` or `verbale`: the meeting id's last six characters. */
export function shortCode(meetingId: string): string {
  return meetingId.slice(-6);
}

/** Block Kit limits: header 150, section text 3000, button text 75 characters. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export const section = (text: string) => ({
  type: "section",
  text: { type: "mrkdwn", text: clip(text, 3000) },
});
export const context = (text: string) => ({
  type: "context",
  elements: [{ type: "mrkdwn", text: clip(text, 3000) }],
});
export const header = (text: string) => ({
  type: "header",
  text: { type: "plain_text", text: clip(text, 150) },
});
export const divider = { type: "divider" } as const;

/** A button; `url` makes it a link button (Slack still sends an action, acknowledged by `open_tavoli`). */
export function button(input: {
  text: string;
  actionId: string;
  value?: string;
  url?: string;
  style?: "primary" | "danger";
}) {
  return {
    type: "button",
    text: { type: "plain_text", text: clip(input.text, 75) },
    action_id: input.actionId,
    ...(input.value !== undefined ? { value: input.value } : {}),
    ...(input.url ? { url: input.url } : {}),
    ...(input.style ? { style: input.style } : {}),
  };
}

/** A plain-text option for selects, radio buttons and checkboxes. */
export const option = (text: string, value: string) => ({
  text: { type: "plain_text", text: clip(text, 75) },
  value,
});
