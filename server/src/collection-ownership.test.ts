import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = import.meta.dirname;
/** Infrastructure, not features: the context and record writer, the database, the app, the demo seed. */
const NOT_FEATURES = new Set(["shared", "db", "http", "demo"]);

const folders = () =>
  readdirSync(SRC, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

/** Collection key in `ctx.c` → the feature whose `documents.ts` declares it. */
function owners(): Map<string, string> {
  const owner = new Map<string, string>();
  for (const folder of folders()) {
    if (!readdirSync(join(SRC, folder)).includes("documents.ts")) continue;
    const text = readFileSync(join(SRC, folder, "documents.ts"), "utf8");
    for (const [, key] of text.matchAll(/^\s+(\w+): db\.collection/gm)) owner.set(key as string, folder);
  }
  return owner;
}

/** Each feature module (tests and fixtures aside) → the other features' collections it reaches. */
function reaches(): Record<string, string[]> {
  const owner = owners();
  const found: Record<string, string[]> = {};
  for (const folder of folders().filter((name) => !NOT_FEATURES.has(name))) {
    for (const file of readdirSync(join(SRC, folder))) {
      if (!file.endsWith(".ts") || file.endsWith(".test.ts") || file === "test-fixtures.ts") continue;
      const text = readFileSync(join(SRC, folder, file), "utf8");
      const foreign = new Set<string>();
      // `ctx.c[name]` would hide the collection from the pattern below: not allowed in a feature either.
      if (/\b(?:ctx\.c|c)\[/.test(text)) foreign.add("(computed)");
      for (const [, key] of text.matchAll(/\b(?:ctx\.c|c)\.(\w+)\b/g)) {
        const of = owner.get(key as string);
        if (of && of !== folder && !NOT_FEATURES.has(of)) foreign.add(key as string);
      }
      if (foreign.size) found[`${folder}/${file}`] = [...foreign].sort();
    }
  }
  return found;
}

describe("collection ownership", () => {
  it("finds the collections each feature declares", () => {
    expect(owners().get("meetings")).toBe("meetings");
    expect(owners().get("audit")).toBe("audit");
  });

  // Issue 12, item 3: a feature reads and writes only the collections it declares, and reaches the
  // others' data through their functions (queries.ts, personal-data.ts, verb files).
  it("lets no feature module reach another feature's collections", () => {
    expect(reaches()).toEqual({});
  });
});
