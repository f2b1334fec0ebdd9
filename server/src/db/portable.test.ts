import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ensureSlackIndexes } from "../../../bot/src/index.ts";
import { ensureIndexes } from "./indexes.ts";

// The embedded engine accepts partial and TTL indexes but silently ignores them, and has no
// transactions: code relying on any of them would pass the tests and misbehave on MongoDB, or the
// other way round. These tests keep the code on the subset both engines honour.

const root = fileURLToPath(new URL("../../..", import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .map((name) => join(folder, name));
}

describe("code on the common subset of MongoDB and the embedded engine", () => {
  let client: MongoClient;
  beforeAll(async () => {
    client = await MongoClient.connect(inject("mongoUri"));
  });
  afterAll(async () => {
    await client?.close();
  });

  it("declares no partial and no TTL index", async () => {
    const db = client.db(`t_portable_${process.pid}`);
    // Every index the product creates: the server's and the bot's, as main.ts composes them.
    await ensureIndexes(db);
    await ensureSlackIndexes(db);
    const offending: string[] = [];
    for (const { name } of await db.listCollections().toArray()) {
      for (const index of await db.collection(name).listIndexes().toArray()) {
        if ("partialFilterExpression" in index || "expireAfterSeconds" in index) {
          offending.push(`${name}.${index.name}`);
        }
      }
    }
    await db.dropDatabase();
    expect(offending).toEqual([]);
  });

  it("opens no session and no transaction", () => {
    const uses = ["server/src", "bot/src"].flatMap(sourceFiles).filter((file) => {
      const text = readFileSync(join(root, file), "utf8");
      return /\.(startSession|withSession|withTransaction|startTransaction)\(/.test(text);
    });
    expect(uses).toEqual([]);
  });

  it("passes no partialFilterExpression or expireAfterSeconds to createIndex anywhere", () => {
    const uses = ["server/src", "bot/src"].flatMap(sourceFiles).filter((file) => {
      const text = readFileSync(join(root, file), "utf8");
      return /partialFilterExpression|expireAfterSeconds/.test(text);
    });
    expect(uses).toEqual([]);
  });
});
