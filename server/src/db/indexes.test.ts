import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..");

describe("the index runner", () => {
  it("runs the indexes of every feature that declares some", () => {
    const features = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && readdirSync(join(SRC, entry.name)).includes("indexes.ts"))
      .map((entry) => entry.name)
      .filter((name) => name !== "db");
    const runner = readFileSync(join(SRC, "db/indexes.ts"), "utf8");
    const missing = features.filter((feature) => !runner.includes(`"../${feature}/indexes.ts"`));
    expect(features.length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});
