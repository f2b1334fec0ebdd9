import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { errorCatalogue } from "./errors.ts";

const SRC = join(import.meta.dirname, "..");

/** Each feature's own catalogue (`<feature>/errors.ts`), loaded from the tree rather than a hand-kept list. */
async function featureCatalogues(): Promise<Record<string, unknown>[]> {
  const features = readdirSync(SRC, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== "shared" && entry.name !== "http")
    .filter((entry) => readdirSync(join(SRC, entry.name)).includes("errors.ts"))
    .map((entry) => entry.name);
  const catalogues: Record<string, unknown>[] = [];
  for (const feature of features) {
    const module: Record<string, Record<string, unknown>> = await import(join(SRC, feature, "errors.ts"));
    catalogues.push(...Object.values(module));
  }
  return catalogues;
}

describe("the error catalogue", () => {
  it("holds every feature's codes unchanged, none declared by two features", async () => {
    const catalogues = await featureCatalogues();
    const declared = catalogues.flatMap((catalogue) => Object.keys(catalogue));
    expect(catalogues.length).toBeGreaterThan(5);
    expect(new Set(declared).size).toBe(declared.length);
    for (const catalogue of catalogues) {
      for (const [code, entry] of Object.entries(catalogue)) {
        expect(errorCatalogue[code as keyof typeof errorCatalogue]).toBe(entry);
      }
    }
  });
});
