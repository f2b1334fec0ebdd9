import { createHash } from "node:crypto";
import type { ObjectId } from "mongodb";
import { romeIso } from "../meetings/index.ts";

/**
 * What a push reminder may say, and all that reaches the browser: the payload is built field by field
 * from these, so whatever else a caller's object carries (an agenda, a video link) is never sent. Push
 * text is read on lock screens: the dispatcher passes only what anyone may read (DOMAIN rule 10).
 */
export type PushReminder = {
  meetingId: ObjectId | string;
  /** The sitting's public headline (never a confidential agenda item). */
  title: string;
  body: string;
  startsAt: Date;
  /** What a tap on the notification opens, e.g. the sitting's page. */
  url: string;
  /** The last reminder before the sitting: sent with high urgency. */
  last: boolean;
  /** Answer buttons, only while the person may still answer (never on a cancellation notice). */
  actions?: PushAction[];
};

/** A notification button the service worker shows; posting `token` to /api/v1/rsvp-actions answers. */
export type PushAction = { action: "presenza" | "remoto"; title: string; token: string };

/** The JSON the service worker receives. */
export type PushPayload = {
  meetingId: string;
  title: string;
  body: string;
  /** The start in Italian legal time, `2026-11-17T10:00:00+01:00`. */
  startsAtRome: string;
  url: string;
  /** Notification tag: the newer reminder of a sitting replaces the older one on screen. */
  tag: string;
  /** Absent when the person can no longer answer, or when the buttons would not fit. */
  actions?: PushAction[];
};

/**
 * Ceiling of the payload's JSON in UTF-8 bytes. Push services accept 4,096 bytes of encrypted record
 * (RFC 8291: 86 of header, 16 of tag, 1 of padding delimiter); 3,000 leaves room for all of it.
 */
export const MAX_PAYLOAD_BYTES = 3000;

const graphemes = new Intl.Segmenter("it", { granularity: "grapheme" });

const hexOf = (id: ObjectId | string) => (typeof id === "string" ? id : id.toHexString());

/** The Web Push `Topic` of a sitting (≤ 32 URL-safe characters): a newer reminder replaces one still queued. */
export function topicFor(meetingId: ObjectId | string): string {
  return createHash("sha256")
    .update(`meeting:${hexOf(meetingId)}`)
    .digest("base64url")
    .slice(0, 32);
}

/**
 * The payload as JSON within MAX_PAYLOAD_BYTES: title and body are cut, whole characters only (never
 * half an emoji or accented letter) and ending in "…", to the longest common length that fits, so a
 * huge title is shortened before a short body is. The answer buttons are kept whole or left out (when
 * even empty texts would not fit beside them: the notification still opens the sitting). Null when
 * even empty texts alone would not fit.
 */
export function buildPayload(message: PushReminder): string | null {
  const actions = message.actions?.length ? message.actions : undefined;
  return fitted(message, actions) ?? (actions ? fitted(message, undefined) : null);
}

function fitted(message: PushReminder, actions: PushAction[] | undefined): string | null {
  const meetingId = hexOf(message.meetingId);
  const title = Array.from(graphemes.segment(message.title), (s) => s.segment);
  const body = Array.from(graphemes.segment(message.body), (s) => s.segment);
  const json = (limit: number) =>
    JSON.stringify({
      meetingId,
      title: cut(title, limit),
      body: cut(body, limit),
      startsAtRome: romeIso(message.startsAt),
      url: message.url,
      tag: `meeting-${meetingId}`,
      actions: actions?.map(({ action, title, token }) => ({ action, title, token })),
    } satisfies Record<keyof PushPayload, unknown>);
  const fits = (limit: number) => Buffer.byteLength(json(limit)) <= MAX_PAYLOAD_BYTES;
  let high = Math.max(title.length, body.length);
  if (fits(high)) return json(high);
  if (!fits(0)) return null;
  let low = 0;
  while (low < high - 1) {
    const mid = Math.floor((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid;
  }
  return json(low);
}

/** At most `limit` characters, the last one "…" when something was cut. */
function cut(characters: string[], limit: number): string {
  if (characters.length <= limit) return characters.join("");
  return limit === 0 ? "" : `${characters.slice(0, limit - 1).join("")}…`;
}
