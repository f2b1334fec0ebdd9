import { createECDH } from "node:crypto";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { z } from "zod";

/** The default listen address: loopback only; a deployment says HOST=0.0.0.0 (or ::) on purpose. */
export const DEFAULT_HOST = "127.0.0.1";

const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

/** A base64url value (no padding) that decodes to exactly `bytes` bytes, as VAPID keys are written. */
function base64urlBytes(bytes: number) {
  return z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "must be base64url without padding")
    .refine((value) => Buffer.from(value, "base64url").length === bytes, `must decode to ${bytes} bytes`);
}

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  PUBLIC_URL: z.url().optional(),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, "must start with mongodb:// or mongodb+srv://")
    .optional(),
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/)
    .default("tavoli"),
  DATA_DIR: z.string().min(1).default(".data"),
  TAVOLI_CACHE_DIR: z.string().min(1).optional(),
  SEED_DEMO: z.enum(["auto", "never"]).default("auto"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Tavoli <noreply@tavoli.localhost>"),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  JITSI_BASE_URL: z
    .url({ protocol: /^https$/ })
    .default("https://meet.jit.si")
    .describe("Jitsi Meet server for generated audio-video links (PA often self-host one)"),
  SLACK_SIGNING_SECRET: z.string().min(8).optional(),
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, "must start with xoxb-")
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, "must start with xapp-")
    .optional(),
  SLACK_API_URL: z.url({ protocol: /^https?$/ }).default("https://slack.com/api/"),
  SLACK_CLIENT_ID: z.string().min(1).optional(),
  SLACK_CLIENT_SECRET: z.string().min(1).optional(),
  SLACK_STATE_SECRET: z.string().min(16).optional(),
  VAPID_PUBLIC_KEY: base64urlBytes(65).optional(),
  VAPID_PRIVATE_KEY: base64urlBytes(32).optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, "must be a mailto: address or an https:// URL")
    .optional(),
  /** Comma-separated host names (or parent domains) of the push services subscriptions may name. */
  PUSH_SERVICE_HOSTS: z.string().optional(),
  DISPATCH_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  DISPATCH_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  DISPATCH_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  TRUST_PROXY: booleanish.default(false),
  LOG_REQUESTS: booleanish.default(false),
  NODE_ENV: z.string().optional(),
});

/** Validated settings, parsed once at start-up and passed down; nothing else reads process.env. */
export type Config = {
  port: number;
  /** Listen address; loopback unless HOST says otherwise, so a demo start is not reachable from the network. */
  host: string;
  publicUrl: string;
  mongodbUri: string | undefined;
  dbName: string;
  dataDir: string;
  /** Where the embedded database's jars are kept, shared by every clone (~/.cache/tavoli). */
  cacheDir: string;
  seedDemo: "auto" | "never";
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionTtlMs: number;
  /** Base of generated audio-video links, e.g. https://meet.jit.si or a self-hosted Jitsi. */
  jitsiBaseUrl: string;
  /** Web Push (VAPID, RFC 8292): keys given here, or generated once and kept in the database. */
  push: PushConfig;
  /** The Slack bot's settings; null when Slack is not configured (the bot then does not start). */
  slack: SlackConfig | null;
  /** The durable dispatcher of stored events (dispatch/): polling interval, lease, attempts before dead. */
  dispatch: { pollMs: number; leaseMs: number; maxAttempts: number };
  /** Largest file accepted as an attachment, in bytes (refused while the upload is read). */
  attachmentMaxBytes: number;
  trustProxy: boolean;
  logRequests: boolean;
  /** NODE_ENV=production: a real deployment, where development aids (the dev outbox) are never served. */
  production: boolean;
};

/**
 * How the bot reaches Slack. HTTP mode needs the signing secret plus either one workspace's bot token or
 * the OAuth client (multi-workspace installs); Socket Mode needs the app-level token and a bot token.
 */
export type SlackConfig = {
  signingSecret: string | null;
  botToken: string | null;
  /** Set → Socket Mode (no public URL needed, for local use). */
  appToken: string | null;
  /** Web API base, ending with "/"; tests and the demo point it at a local stand-in. */
  apiUrl: string;
  oauth: { clientId: string; clientSecret: string; stateSecret: string } | null;
};

/** How this installation signs its Web Push requests. */
export type PushConfig = {
  /** VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY (base64url); null: generated on first start and stored. */
  vapidKeys: { publicKey: string; privateKey: string } | null;
  /** Contact the push services may use (`sub` of the VAPID JWT): a mailto: address or an https URL. */
  subject: string;
  /**
   * Hosts (a name or a parent domain) a subscription's endpoint may be on: the server POSTs to it, so an
   * arbitrary URL would let any user make it call into the local network. The browsers' own push
   * services by default; outside a deployment also loopback, for the tests' push service stand-in.
   */
  serviceHosts: string[];
};

/** The push services of Chrome/Edge/Android (FCM), Firefox (Mozilla autopush), Safari (Apple) and Windows (WNS). */
export const BROWSER_PUSH_SERVICES = [
  "fcm.googleapis.com",
  "android.googleapis.com",
  "push.services.mozilla.com",
  "push.apple.com",
  "notify.windows.com",
];
const LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"];

type Env = z.output<typeof schema>;

/** The address inside a MAIL_FROM such as `Tavoli <noreply@comune.it>`, or null when it has none. */
function mailAddress(from: string): string | null {
  const address = /<([^<>\s]+@[^<>\s]+)>/.exec(from)?.[1] ?? from.trim();
  return /^[^\s@<>]+@[^\s@<>]+$/.test(address) ? address : null;
}

/**
 * The VAPID settings: both keys or neither (a half-given pair names what is missing, a pair whose public
 * key is not the private key's is refused), and a subject defaulting to the sender's address.
 */
function pushConfig(e: Env, publicUrl: string, deployment: boolean): PushConfig {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey } = e;
  if (!publicKey !== !privateKey) {
    const missing = publicKey ? "VAPID_PRIVATE_KEY" : "VAPID_PUBLIC_KEY";
    throw new ConfigError(
      `Configurazione Web Push incompleta / Incomplete Web Push configuration: manca / missing ${missing}`,
    );
  }
  if (publicKey && privateKey && vapidPublicKeyOf(privateKey) !== publicKey) {
    throw new ConfigError(
      "VAPID_PUBLIC_KEY non corrisponde a VAPID_PRIVATE_KEY / VAPID_PUBLIC_KEY does not match VAPID_PRIVATE_KEY",
    );
  }
  const address = mailAddress(e.MAIL_FROM);
  const subject = e.VAPID_SUBJECT ?? (address ? `mailto:${address}` : publicUrl);
  // Push services refuse any other contact; better said now than by every push refused later.
  if (!/^(mailto:|https:\/\/)/.test(subject)) {
    throw new ConfigError(
      "Impostare VAPID_SUBJECT (mailto: o https://): MAIL_FROM non ha un indirizzo e PUBLIC_URL non è https / " +
        "Set VAPID_SUBJECT (mailto: or https://): MAIL_FROM has no address and PUBLIC_URL is not https",
    );
  }
  const listed = e.PUSH_SERVICE_HOSTS?.split(",")
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  const serviceHosts = listed?.length
    ? listed
    : [...BROWSER_PUSH_SERVICES, ...(deployment ? [] : LOOPBACK_HOSTS)];
  return { vapidKeys: publicKey && privateKey ? { publicKey, privateKey } : null, subject, serviceHosts };
}

/** The uncompressed P-256 public key (base64url) of a VAPID private key. */
function vapidPublicKeyOf(privateKey: string): string | null {
  try {
    const ecdh = createECDH("prime256v1");
    ecdh.setPrivateKey(Buffer.from(privateKey, "base64url"));
    return ecdh.getPublicKey("base64url");
  } catch {
    return null;
  }
}

/** The Slack settings, or null when none are given; a half-given set names what is missing. */
function slackConfig(e: Env): SlackConfig | null {
  const given = [e.SLACK_SIGNING_SECRET, e.SLACK_BOT_TOKEN, e.SLACK_APP_TOKEN, e.SLACK_CLIENT_ID];
  if (given.every((value) => value === undefined)) return null;
  const oauth =
    e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET
      ? {
          clientId: e.SLACK_CLIENT_ID,
          clientSecret: e.SLACK_CLIENT_SECRET,
          stateSecret: e.SLACK_STATE_SECRET,
        }
      : null;
  const missing: string[] = [];
  if (e.SLACK_APP_TOKEN) {
    if (!e.SLACK_BOT_TOKEN) missing.push("SLACK_BOT_TOKEN");
  } else {
    if (!e.SLACK_SIGNING_SECRET) missing.push("SLACK_SIGNING_SECRET");
    if (!e.SLACK_BOT_TOKEN && !oauth)
      missing.push("SLACK_BOT_TOKEN (o/or SLACK_CLIENT_ID + SLACK_CLIENT_SECRET + SLACK_STATE_SECRET)");
  }
  if (e.SLACK_CLIENT_ID && !oauth) missing.push("SLACK_CLIENT_SECRET + SLACK_STATE_SECRET");
  if (missing.length > 0) {
    throw new ConfigError(
      `Configurazione Slack incompleta / Incomplete Slack configuration: manca / missing ${missing.join(", ")}`,
    );
  }
  return {
    signingSecret: e.SLACK_SIGNING_SECRET ?? null,
    botToken: e.SLACK_BOT_TOKEN ?? null,
    appToken: e.SLACK_APP_TOKEN ?? null,
    apiUrl: e.SLACK_API_URL.endsWith("/") ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
    oauth,
  };
}

/** Thrown when the environment is invalid; its message names every bad variable in Italian and English. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment into a Config or throws a ConfigError naming the bad variables. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join(".");
      return `  - ${name}: valore non valido / invalid value (${issue.message}); ricevuto / got: ${JSON.stringify(env[name] ?? null)}`;
    });
    throw new ConfigError(`Configurazione non valida / Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const cacheDir = e.TAVOLI_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "tavoli");
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  return {
    port: e.PORT,
    host: e.HOST ?? DEFAULT_HOST,
    publicUrl,
    mongodbUri: e.MONGODB_URI,
    dbName: e.MONGODB_DB,
    dataDir: resolve(e.DATA_DIR),
    cacheDir,
    seedDemo: e.SEED_DEMO,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    jitsiBaseUrl: e.JITSI_BASE_URL.replace(/\/$/, ""),
    push: pushConfig(e, publicUrl, e.NODE_ENV === "production" || publicUrl.startsWith("https:")),
    slack: slackConfig(e),
    attachmentMaxBytes: e.ATTACHMENT_MAX_BYTES,
    dispatch: {
      pollMs: e.DISPATCH_POLL_MS,
      leaseMs: e.DISPATCH_LEASE_MS,
      maxAttempts: e.DISPATCH_MAX_ATTEMPTS,
    },
    trustProxy: e.TRUST_PROXY,
    logRequests: e.LOG_REQUESTS,
    production: e.NODE_ENV === "production",
  };
}

/** The process's own settings: the one place that reads process.env. */
export function configFromEnvironment(): Config {
  return loadConfig(process.env);
}
