import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = import.meta.dirname;
const README = join(SRC, "../../README.md");

/** `folder/ → module names` as the README's code map lists them (the text block of that section). */
function mapInReadme(): Map<string, string[]> {
  const readme = readFileSync(README, "utf8");
  const section = readme.slice(
    readme.indexOf("## Code map"),
    readme.indexOf("\n## ", readme.indexOf("## Code map") + 1),
  );
  const block = section.match(/```text\n([\s\S]*?)```/)?.[1] ?? "";
  const rows = block.split("\n").filter((line) => line.trim() !== "");
  return new Map(
    rows.map((row) => {
      const [folder = "", ...modules] = row.trim().split(/\s+/);
      return [folder.replace(/\/$/, ""), modules];
    }),
  );
}

/** Every folder of server/src with its TypeScript modules, tests aside. */
function mapOfTree(): Map<string, string[]> {
  const folders = readdirSync(SRC, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  return new Map(
    folders.map((folder) => [
      folder.name,
      readdirSync(join(SRC, folder.name))
        .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
        .map((file) => file.slice(0, -".ts".length))
        .sort(),
    ]),
  );
}

/**
 * Features no HTTP route serves: chat accounts and table channels are reached through the bot only;
 * notifications are sent by the dispatcher (their one collection remembers the mails sent);
 * idempotency is a middleware of every write (its one collection remembers the answers).
 */
const WITHOUT_HTTP = new Set(["chat", "idempotency", "notifications"]);

describe("the README's code map", () => {
  it("lists exactly the folders and modules of server/src", () => {
    const listed = mapInReadme();
    expect(listed.size).toBeGreaterThan(10);
    expect(Object.fromEntries(listed)).toEqual(Object.fromEntries(mapOfTree()));
  });

  it("gives every feature with collections the same kinds of file", () => {
    for (const [folder, modules] of mapOfTree()) {
      if (folder === "shared" || !modules.includes("documents")) continue;
      const kinds = WITHOUT_HTTP.has(folder) ? ["documents"] : ["contracts", "routes", "documents"];
      expect({ folder, has: kinds.filter((m) => modules.includes(m)) }).toEqual({ folder, has: kinds });
      expect({ folder, old: modules.filter((m) => m === "use-cases" || m === "schema") }).toEqual({
        folder,
        old: [],
      });
    }
  });
});
