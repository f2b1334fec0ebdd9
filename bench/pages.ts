// The pages the issue names, timed through the real API over whatever data the caller loaded, and the
// RSVP write through the API against a raw driver updateOne on the same collection, in the same run.
import type { ObjectId } from "mongodb";
import { createApiToken } from "../server/src/auth/create-token.ts";
import { loadActor } from "../server/src/people/load-actor.ts";
import { createCtx } from "../server/src/shared/context.ts";
import { EventBus } from "../server/src/shared/events.ts";
import { type BenchApp, type BenchRow, concurrentRate, ms, timeCalls } from "./harness.ts";

/** A page to time: a label and the API path (after /api/v1) read with the viewer's token. */
export type Page = { label: string; path: string; token: string };

/** An API token for a person, made through the real use case (so auth runs its real lookup). */
export async function tokenFor(app: BenchApp, personId: ObjectId): Promise<string> {
  const actor = await loadActor(app.c, personId, new Date());
  const ctx = createCtx({ db: app.db, bus: new EventBus(), actor });
  return (await createApiToken({ ctx, input: { name: "bench" } })).token;
}

async function get(app: BenchApp, page: Page): Promise<void> {
  const response = await fetch(`${app.url}/api/v1${page.path}`, {
    headers: { authorization: `Bearer ${page.token}` },
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${page.path}: ${response.status}`);
}

/** p50 and p99 of `runs` sequential reads of each page; p99 labelled against `p99TargetMs`. */
export async function pageRows(
  app: BenchApp,
  bench: string,
  pages: Page[],
  options: { runs: number; p99TargetMs: number; note: string },
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const page of pages) {
    const t = await timeCalls(() => get(app, page), options.runs, 5);
    rows.push({
      bench,
      measure: `${page.label} p50 / p99 (${options.note})`,
      value: `${ms(t.p50)} / ${ms(t.p99)}`,
      target: `p99 ≤ ${options.p99TargetMs} ms`,
      ok: t.p99 <= options.p99TargetMs,
    });
  }
  return rows;
}

/** The people answering one sitting, each with a token; call i flips person i mod n between two answers. */
export type Answerers = { meetingId: ObjectId; people: { id: ObjectId; token: string }[] };

const answerFor = (n: number, i: number) => (Math.floor(i / n) % 2 ? "remoto" : "presenza");

/**
 * RSVP through the API ÷ raw driver updateOne of the same answer documents, `writes` each with
 * `concurrency` in flight after one warm-up pass; the ratio is labelled against `ratioTarget`.
 */
export async function rsvpRatioRows(
  app: BenchApp,
  bench: string,
  who: Answerers,
  options: { writes: number; concurrency: number; ratioTarget: number },
): Promise<BenchRow[]> {
  const n = who.people.length;
  const person = (i: number) => who.people[i % n] as Answerers["people"][number];
  const api = async (i: number) => {
    const answer = answerFor(n, i);
    const response = await fetch(`${app.url}/api/v1/meetings/${who.meetingId}/rsvps/me`, {
      method: "PUT",
      headers: { authorization: `Bearer ${person(i).token}`, "content-type": "application/json" },
      body: JSON.stringify({ answer }),
    });
    const body = (await response.json()) as { answer?: string };
    if (response.status !== 200 || body.answer !== answer)
      throw new Error(`PUT rsvp: ${response.status} ${JSON.stringify(body)}`);
  };
  const raw = async (i: number) => {
    const { id } = person(i);
    const result = await app.c.rsvps.updateOne(
      { meetingId: who.meetingId, personId: id },
      { $set: { answer: answerFor(n, i), answeredBy: id, answeredAt: new Date() } },
    );
    if (result.matchedCount !== 1) throw new Error(`raw rsvp update matched ${result.matchedCount}`);
  };
  // Whole passes over the people, so every call changes the answer it finds.
  const writes = Math.ceil(options.writes / n) * n;
  await concurrentRate(api, n, options.concurrency);
  const apiRate = await concurrentRate((i) => api(n + i), writes, options.concurrency);
  await concurrentRate((i) => raw(i), n, options.concurrency);
  const rawRate = await concurrentRate((i) => raw(n + i), writes, options.concurrency);
  const ratio = apiRate / rawRate;
  const load = `${n} referents, ${options.concurrency} in flight, ${writes} writes`;
  return [
    {
      bench,
      measure: `PUT /meetings/{id}/rsvps/me ÷ raw updateOne (${load})`,
      value: `${ratio.toFixed(2)}× (${apiRate.toFixed(0)} vs ${rawRate.toFixed(0)} /s)`,
      target: `≥ ${options.ratioTarget}×`,
      ok: ratio >= options.ratioTarget,
    },
  ];
}
