import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { z } from "zod";

const FERRETDB_VERSION = "v1.24.2";

const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

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
  FERRETDB_BIN: z.string().min(1).optional(),
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
  TRUST_PROXY: booleanish.default(false),
  LOG_REQUESTS: booleanish.default(false),
});

/** Validated settings, parsed once at start-up and passed down; nothing else reads process.env. */
export type Config = {
  port: number;
  /** Listen address; unset = every interface (IPv6 and IPv4), as Node does by default. */
  host: string | undefined;
  publicUrl: string;
  mongodbUri: string | undefined;
  dbName: string;
  dataDir: string;
  ferretdbBin: string;
  seedDemo: "auto" | "never";
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionTtlMs: number;
  /** Base of generated audio-video links, e.g. https://meet.jit.si or a self-hosted Jitsi. */
  jitsiBaseUrl: string;
  trustProxy: boolean;
  logRequests: boolean;
};

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
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    mongodbUri: e.MONGODB_URI,
    dbName: e.MONGODB_DB,
    dataDir: resolve(e.DATA_DIR),
    ferretdbBin: e.FERRETDB_BIN ?? join(cacheDir, `ferretdb-${FERRETDB_VERSION}`, "ferretdb"),
    seedDemo: e.SEED_DEMO,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    jitsiBaseUrl: e.JITSI_BASE_URL.replace(/\/$/, ""),
    trustProxy: e.TRUST_PROXY,
    logRequests: e.LOG_REQUESTS,
  };
}

/** The process's own settings: the one place that reads process.env. */
export function configFromEnvironment(): Config {
  return loadConfig(process.env);
}
