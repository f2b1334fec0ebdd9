import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");
const SOURCE_DIRS = ["server/src", "bot/src", "scripts"];
const ONLY_WRITER = "server/src/shared/record.ts";

/** Every non-test TypeScript file under the source folders, relative to the repository root. */
function sourceFiles(): string[] {
  return SOURCE_DIRS.flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
      .map((file) => relative(ROOT, join(ROOT, dir, file))),
  );
}

// Anything that could add an audit entry or publish an event outside recordChange, which writes both at once.
const WRITES_A_RECORD = [
  /\.audit\s*\.\s*(insertOne|insertMany|bulkWrite|replaceOne|findOneAndReplace)\b/,
  /\.audit\s*\.\s*(updateOne|updateMany|findOneAndUpdate)\([^;]*upsert/s,
  /\.publish\(/,
];
// A second handle on the collection (or the old events collection) would escape the patterns above.
const NAMES_THE_COLLECTION = /collection(<[^>]*>)?\(\s*["'`](auditLog|domainEvents)["'`]/;

const matching = (pattern: RegExp) =>
  sourceFiles().filter((file) => pattern.test(readFileSync(join(ROOT, file), "utf8")));

describe("the change record", () => {
  it("is written (audit entry and event in one document) and published by recordChange alone", () => {
    expect(sourceFiles()).toContain(ONLY_WRITER);
    const writers = sourceFiles().filter((file) => {
      const text = readFileSync(join(ROOT, file), "utf8");
      return WRITES_A_RECORD.some((pattern) => pattern.test(text));
    });
    expect(writers).toEqual([ONLY_WRITER]);
  });

  it("is reached through the one typed handle", () => {
    expect(matching(NAMES_THE_COLLECTION)).toEqual(["server/src/audit/documents.ts"]);
  });
});
