import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { z } from "@hono/zod-openapi";
import { MongoBulkWriteError, ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { isDuplicateKey } from "../shared/errors.ts";
import { requireInstallationAdmin } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { OrganisationDoc } from "./documents.ts";

/**
 * The bundled ISTAT list. `shared/` sits beside the repository (dev layout /work/{main,shared}, CI
 * `<clone>/../shared`), so it is resolved from this file rather than from the working directory.
 */
export const bundledComuniFile = fileURLToPath(
  new URL("../../../../shared/data/comuni-istat-2020.json", import.meta.url),
);

const named = z.object({ codice: z.string(), nome: z.string().min(1) });
const comuneSchema = z.object({
  nome: z.string().min(1),
  codice: z.string().regex(/^\d{6}$/),
  regione: named,
  provincia: named,
  sigla: z.string().regex(/^[A-Z]{2}$/),
  codiceCatastale: z.string().regex(/^[A-Z]\d{3}$/),
  popolazione: z.number().int().min(0),
});

/** One entry of comuni-istat-2020.json. */
export type Comune = z.infer<typeof comuneSchema>;

export type ImportSummary = {
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  ms: number;
};

/** Reads and validates an ISTAT list (the bundled one unless `file` is given); throws on a malformed file. */
export async function loadComuni(file: string = bundledComuniFile): Promise<Comune[]> {
  return z.array(comuneSchema).parse(JSON.parse(await readFile(file, "utf8")));
}

// The fields ISTAT is the authority for; the name, website, IPA code and kind belong to the organisation
// and are left alone: agreements, minutes and messages say "Comune di Milano", ISTAT says "Milano".
const istatFields = [
  "istatName",
  "region",
  "province",
  "provinceCode",
  "plate",
  "cadastralCode",
  "population",
] as const;
type IstatFields = Required<Pick<OrganisationDoc, (typeof istatFields)[number]>>;
type Change = { _id: ObjectId; key: string; before: IstatFields; after: IstatFields };

function fieldsOf(comune: Comune): IstatFields {
  return {
    istatName: comune.nome,
    region: comune.regione.nome,
    province: comune.provincia.nome,
    provinceCode: comune.provincia.codice,
    plate: comune.sigla,
    cadastralCode: comune.codiceCatastale,
    population: comune.popolazione,
  };
}

const pickIstat = (doc: Pick<OrganisationDoc, (typeof istatFields)[number]>): IstatFields =>
  Object.fromEntries(istatFields.map((f) => [f, doc[f] ?? null])) as IstatFields;

/** Inserts the new comuni; keys another instance inserted meanwhile are skipped, not failed. Returns how many this run inserted. */
async function insertNew(ctx: Ctx, docs: OrganisationDoc[]): Promise<number> {
  if (docs.length === 0) return 0;
  try {
    return (await ctx.c.organisations.insertMany(docs, { ordered: false })).insertedCount;
  } catch (error) {
    const writeErrors = error instanceof MongoBulkWriteError ? [error.writeErrors].flat() : [];
    if (writeErrors.length === 0 || !writeErrors.every(isDuplicateKey)) throw error;
    // Counted from the refusals, not `insertedCount`: mongo-java-server reports every document sent.
    return docs.length - writeErrors.length;
  }
}

/**
 * Imports or refreshes the comuni as organisations keyed `istat:<code>`. Idempotent: one projected read of
 * the existing keys, one unordered insertMany of the new ones, one update per changed comune (the
 * embedded database commits every write, so unchanged comuni must cost nothing), and one summary audit
 * entry per run.
 */
export async function importIstatComuni({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { comuni: Comune[] };
}): Promise<ImportSummary> {
  requireInstallationAdmin(ctx);
  const started = performance.now();
  const projection = Object.fromEntries([["key", 1], ...istatFields.map((f) => [f, 1])]);
  // `{ key: /…/ }`, not `{ key: { $regex: /…/ } }`: mongo-java-server fails on the latter.
  const existing = await ctx.c.organisations.find({ key: /^istat:/ }, { projection }).toArray();
  const byKey = new Map(existing.map((doc) => [doc.key, doc]));
  const now = ctx.now();
  const seen = new Set<string>();
  const toInsert: OrganisationDoc[] = [];
  const changes: Change[] = [];
  for (const comune of input.comuni) {
    const key = `istat:${comune.codice}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const after = fieldsOf(comune);
    const current = byKey.get(key);
    if (!current) {
      // A comune new to Tavoli starts with the official name; from then on the name is its own.
      const base = {
        key,
        name: comune.nome,
        kind: "comune",
        istatCode: comune.codice,
        ipaCode: null,
        website: null,
      };
      toInsert.push({ _id: new ObjectId(), ...base, ...after, createdAt: now, updatedAt: now });
      continue;
    }
    const before = pickIstat(current);
    if (istatFields.some((f) => before[f] !== after[f]))
      changes.push({ _id: current._id, key, before, after });
  }
  const inserted = await insertNew(ctx, toInsert);
  // Sequential on purpose: the engine serialises a collection's writes anyway; parallel ones only contend.
  for (const change of changes) {
    await ctx.c.organisations.updateOne({ _id: change._id }, { $set: { ...change.after, updatedAt: now } });
  }
  const updated = changes.length;
  const total = input.comuni.length;
  const summary = {
    total,
    inserted,
    updated,
    unchanged: total - inserted - updated,
    ms: Math.round(performance.now() - started),
  };
  // One entry per run, not per comune; the changed records are listed (capped to keep the entry well under 16 MB).
  const listed = changes.slice(0, 2000);
  await recordChange(ctx, {
    action: "organisations.imported",
    entity: "organisation",
    entityId: new ObjectId(),
    agreementId: null,
    before: { changed: listed.map((c) => ({ key: c.key, ...c.before })) },
    after: {
      source: "ISTAT comuni 2020",
      ...summary,
      changed: listed.map((c) => ({ key: c.key, ...c.after })),
    },
    event: { type: "organisations.imported", payload: { source: "istat", ...summary } },
  });
  return summary;
}

/** Loads an ISTAT list (the bundled one by default) and imports it; admin check first so strangers cost nothing. */
export async function importIstatFile({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { file?: string };
}): Promise<ImportSummary> {
  requireInstallationAdmin(ctx);
  return importIstatComuni({ ctx, input: { comuni: await loadComuni(input.file) } });
}
