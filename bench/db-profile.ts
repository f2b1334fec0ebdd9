// Where the time of one API request goes: the database round trips it makes, grouped by what they are for.
// Command monitoring runs on a client and an app of their own, so the measured runs stay unobserved.
import { type Document, MongoClient } from "mongodb";
import { type BenchApp, type BenchEnv, startBenchApp } from "./harness.ts";

// Handshakes and session bookkeeping are not the request's work.
const CRUD = new Set(["find", "getMore", "insert", "update", "delete", "findAndModify", "aggregate"]);

/** Names the purpose of one command from its collection and body (a getMore takes its find's label). */
export type PhaseOf = (command: string, collection: string, body: Document) => string;

/** Token check and its last-use stamp are "auth"; everything else is labelled by collection. */
export const byCollection: PhaseOf = (_command, collection) =>
  collection === "apiTokens" ? "auth" : collection;

/**
 * The steps of PUT /meetings/{id}/rsvps/{personId}, told apart by collection and filter: auth (token),
 * actor (loadActor), meeting, table, convened (memberships and designations), answers (reads of the
 * sitting's rsvps), write, record (the stream's last number, then the audit entry with its event).
 */
export const rsvpPhases: PhaseOf = (command, collection, body) => {
  const filter = (body.filter ?? {}) as Document;
  switch (collection) {
    case "people":
    case "agreementAdmins":
      return "actor";
    case "tables":
      return "coordinatorIds" in filter ? "actor" : "table";
    case "designations":
      return "personId" in filter ? "actor" : "convened";
    case "memberships":
      return "convened";
    case "meetings":
      return "meeting";
    case "rsvps":
      // Reads of the sitting's answers feed delegations (convened) and the counts returned.
      return command === "find" ? "answers" : "write";
    case "auditLog":
      return "record";
    default:
      return byCollection(command, collection, body);
  }
};

/**
 * Serves a fresh app on a monitored client, lets `prepare` set data up and return the request to make,
 * makes `warmup` unobserved then `runs` observed requests (sequential, or `concurrency` in flight), and
 * returns per phase the round trips and summed command time per request (parallel commands overlap, so
 * the sum can exceed the wall, which is elapsed time ÷ requests).
 */
export async function profileRequests(
  env: BenchEnv,
  prepare: (app: BenchApp) => Promise<(i: number) => Promise<void>>,
  options: { warmup: number; runs: number; phaseOf: PhaseOf; concurrency?: number },
) {
  const host = env.client.options.hosts[0]?.toString();
  const client = await MongoClient.connect(`mongodb://${host}/`, {
    appName: "tavoli-bench-profile",
    monitorCommands: true,
  });
  const app = await startBenchApp(client, env.config);
  try {
    const request = await prepare(app);
    for (let i = 0; i < options.warmup; i++) await request(i);
    const phases = new Map<string, { trips: number; ms: number }>();
    const pending = new Map<number, string>();
    const lastPhase = new Map<string, string>();
    client.on("commandStarted", (e) => {
      if (!CRUD.has(e.commandName)) return;
      const getMore = e.commandName === "getMore";
      const collection = String(getMore ? e.command.collection : e.command[e.commandName]);
      const phase = getMore
        ? (lastPhase.get(collection) ?? "getMore")
        : options.phaseOf(e.commandName, collection, e.command);
      lastPhase.set(collection, phase);
      pending.set(e.requestId, phase);
    });
    const done = (e: { requestId: number; duration: number }) => {
      const phase = pending.get(e.requestId);
      if (phase === undefined) return;
      pending.delete(e.requestId);
      const row = phases.get(phase) ?? { trips: 0, ms: 0 };
      phases.set(phase, { trips: row.trips + 1, ms: row.ms + e.duration });
    };
    client.on("commandSucceeded", done);
    client.on("commandFailed", done);
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: options.concurrency ?? 1 }, async () => {
        while (next < options.runs) await request(options.warmup + next++);
      }),
    );
    const wallMs = (performance.now() - started) / options.runs;
    client.removeAllListeners();
    const perRequest = [...phases].map(([phase, row]) => ({
      phase,
      trips: row.trips / options.runs,
      ms: row.ms / options.runs,
    }));
    return {
      wallMs,
      perRequest,
      trips: perRequest.reduce((sum, p) => sum + p.trips, 0),
      dbMs: perRequest.reduce((sum, p) => sum + p.ms, 0),
    };
  } finally {
    await app.close();
    await client.close();
  }
}

/** Two table rows for a profile: round trips by phase, then command time by phase. */
export function profileRows(
  bench: string,
  label: string,
  profile: Awaited<ReturnType<typeof profileRequests>>,
) {
  const fmt = (n: number) => String(Number(n.toFixed(1)));
  return [
    {
      bench,
      measure: `${label}: DB round trips per request`,
      value: `${fmt(profile.trips)} = ${profile.perRequest.map((p) => `${p.phase} ${fmt(p.trips)}`).join(" · ")}`,
    },
    {
      bench,
      measure: `${label}: DB command ms per request`,
      value: `${fmt(profile.dbMs)} (wall ${fmt(profile.wallMs)}) = ${profile.perRequest.map((p) => `${p.phase} ${fmt(p.ms)}`).join(" · ")}`,
    },
  ];
}
