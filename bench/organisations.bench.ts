// Organisations: the ISTAT import at full scale (7,904 comuni, target ≤ 5 s), its idempotent re-run, and
// the public list at 1,000 organisations, through the API and straight through the driver for comparison.
import { importIstatComuni, loadComuni } from "../server/src/organisations/import-istat.ts";
import { type BenchApp, type BenchEnv, type BenchRow, ms, timeCalls } from "./harness.ts";

const IMPORT_TARGET_MS = 5000;
// List latency targets are this bench's own yardstick for an interactive page, not a contract.
const P50_TARGET_MS = 100;
const P99_TARGET_MS = 300;
// 100 sequential calls per case keep the whole bench within a minute.
const RUNS = 100;

async function importViaApi(app: BenchApp) {
  const started = performance.now();
  const response = await fetch(`${app.url}/api/v1/organisations/import-istat`, {
    method: "POST",
    headers: { authorization: `Bearer ${app.adminToken}` },
  });
  const body = (await response.json()) as { inserted: number; updated: number; total: number };
  if (response.status !== 200) throw new Error(`import failed: ${response.status} ${JSON.stringify(body)}`);
  return { ...body, wallMs: performance.now() - started };
}

async function importRows(env: BenchEnv): Promise<BenchRow[]> {
  const app = await env.startApp();
  try {
    const first = await importViaApi(app);
    const second = await importViaApi(app);
    const count = await app.c.organisations.countDocuments();
    const row = (measure: string, run: typeof first, expectInserted: number): BenchRow => ({
      bench: "organisations",
      measure,
      value: `${ms(run.wallMs)} (${run.inserted} inserted, ${run.updated} updated)`,
      target: `≤ ${IMPORT_TARGET_MS} ms`,
      ok: run.wallMs <= IMPORT_TARGET_MS && run.inserted === expectInserted && count === 7904,
    });
    return [
      row("ISTAT import, 7,904 comuni, empty DB", first, 7904),
      row("ISTAT import again (idempotent)", second, 0),
    ];
  } finally {
    await app.close();
  }
}

async function listRows(env: BenchEnv): Promise<BenchRow[]> {
  const app = await env.startApp();
  try {
    const comuni = await loadComuni();
    await importIstatComuni({ ctx: app.adminCtx, input: { comuni: comuni.slice(0, 1000) } });
    const count = await app.c.organisations.countDocuments();
    if (count !== 1000) throw new Error(`expected 1,000 organisations, found ${count}`);
    const rows: BenchRow[] = [];
    const cases = [
      { label: "GET /organisations?limit=50", query: "limit=50", filter: {} },
      { label: "GET /organisations?q=san&limit=50", query: "q=san&limit=50", filter: { name: /san/i } },
    ];
    for (const { label, query, filter } of cases) {
      const api = await timeCalls(async () => {
        const response = await fetch(`${app.url}/api/v1/organisations?${query}`);
        if (response.status !== 200) throw new Error(`${label}: ${response.status}`);
        await response.json();
      }, RUNS);
      // The same page as paginate() asks for it (limit + 1 to know whether a next page exists).
      const raw = await timeCalls(
        () => app.c.organisations.find(filter).sort({ _id: 1 }).limit(51).toArray(),
        RUNS,
      );
      rows.push(
        {
          bench: "organisations",
          measure: `${label} p50 (1,000 orgs)`,
          value: ms(api.p50),
          target: `≤ ${P50_TARGET_MS} ms`,
          ok: api.p50 <= P50_TARGET_MS,
        },
        {
          bench: "organisations",
          measure: `${label} p99 (1,000 orgs)`,
          value: ms(api.p99),
          target: `≤ ${P99_TARGET_MS} ms`,
          ok: api.p99 <= P99_TARGET_MS,
        },
        {
          bench: "organisations",
          measure: `${label} API vs raw driver find`,
          value: `${(api.perSecond / raw.perSecond).toFixed(2)}× (${api.perSecond.toFixed(0)} vs ${raw.perSecond.toFixed(0)} req/s)`,
        },
      );
    }
    return rows;
  } finally {
    await app.close();
  }
}

/** Runs the organisation benchmarks; each part on its own fresh database. */
export async function run(env: BenchEnv): Promise<BenchRow[]> {
  return [...(await importRows(env)), ...(await listRows(env))];
}
