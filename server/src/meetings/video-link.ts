import { randomBytes } from "node:crypto";
import { AppError } from "../shared/errors.ts";
import type { MeetingDoc, VideoProvider } from "./documents.ts";

/** Hosts of the services PA use for audio-video sittings; the configured Jitsi host is added at run time. */
const KNOWN_HOSTS: [RegExp, VideoProvider][] = [
  [/(^|\.)teams\.microsoft\.com$/, "teams"],
  [/(^|\.)teams\.live\.com$/, "teams"],
  [/^meet\.google\.com$/, "meet"],
  [/(^|\.)zoom\.us$/, "zoom"],
  [/(^|\.)zoomgov\.com$/, "zoom"],
  [/(^|\.)webex\.com$/, "webex"],
  [/^meet\.jit\.si$/, "jitsi"],
  [/^8x8\.vc$/, "jitsi"],
];

/** Which service a pasted link belongs to, or null. Self-hosted Jitsi is recognised by the configured base. */
export function recogniseProvider(url: URL, jitsiBaseUrl: string): VideoProvider | null {
  const host = url.hostname.toLowerCase();
  if (host === new URL(jitsiBaseUrl).hostname.toLowerCase()) return "jitsi";
  for (const [pattern, provider] of KNOWN_HOSTS) if (pattern.test(host)) return provider;
  return null;
}

/** A Jitsi room nobody can guess: 120 random bits, readable in a URL. */
export function generateJitsiLink(jitsiBaseUrl: string): MeetingDoc["videoLink"] {
  const room = `Tavoli-${randomBytes(15).toString("base64url").replace(/[-_]/g, "x")}`;
  return { url: `${jitsiBaseUrl.replace(/\/$/, "")}/${room}`, provider: "jitsi", generated: true };
}

export type VideoLinkInput = { generate: true } | { url: string } | null | undefined;

/**
 * Resolves the requested link for a meeting mode: online and hybrid sittings need one, generated on the
 * configured Jitsi or pasted (https, recognised service); an in-person sitting may still carry one.
 */
export function resolveVideoLink(
  mode: MeetingDoc["mode"],
  input: VideoLinkInput,
  jitsiBaseUrl: string,
): MeetingDoc["videoLink"] {
  if (!input) {
    if (mode !== "in_presenza") throw new AppError("video_link_required", { mode });
    return null;
  }
  if ("generate" in input) return generateJitsiLink(jitsiBaseUrl);
  let url: URL;
  try {
    url = new URL(input.url.trim());
  } catch {
    throw new AppError("video_link_not_https", { url: input.url });
  }
  if (url.protocol !== "https:") throw new AppError("video_link_not_https", { url: input.url });
  const provider = recogniseProvider(url, jitsiBaseUrl);
  if (!provider) throw new AppError("video_link_unrecognised", { host: url.hostname });
  return { url: url.toString(), provider, generated: false };
}
