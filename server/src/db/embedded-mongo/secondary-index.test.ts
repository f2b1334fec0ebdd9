import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { type Collection, type Db, type Filter, MongoClient, ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";
import { FAIL_FAST } from "../connect.ts";
import { type EmbeddedMongo, startEmbeddedMongo } from "./index.ts";

// SecondaryIndex.java gives the engine the non-unique indexes it otherwise accepts and ignores, and
// NarrowingUniqueIndex.java lets its unique ones (`_id` included) serve queries with more fields and a
// compound key's first field. Both may only narrow what the engine then matches itself: on generated
// documents, updates and queries, an indexed collection must answer exactly (same documents, same
// order) as a copy with no index but `_id`.

const people = Array.from({ length: 4 }, () => new ObjectId());
type Row = {
  _id: number;
  personId?: ObjectId | null;
  tableIds?: ObjectId[];
  n?: number;
  w?: { on: string } | null;
  kind?: string;
  /** (u, v) is unique: i mod 7 and i div 7 of the document's number. */
  u?: number;
  v?: number;
};

const person = fc.constantFrom(...people);
const row = fc.record(
  {
    personId: fc.option(person),
    tableIds: fc.uniqueArray(person, { maxLength: 3 }),
    // 1 and 1.0 are one key for MongoDB: the index must find an int by a double.
    n: fc.constantFrom(1, 2, 1.5),
    w: fc.option(fc.record({ on: fc.constantFrom("2026-01-01", "2026-06-30") })),
    kind: fc.constantFrom("standing", "single_meeting"),
  },
  { requiredKeys: [] },
);
const condition: fc.Arbitrary<Filter<Row>> = fc.oneof(
  person.map((p) => ({ personId: p })),
  fc.uniqueArray(person, { minLength: 1, maxLength: 3 }).map((ps) => ({ personId: { $in: ps } })),
  person.map((p) => ({ personId: { $eq: p } })),
  person.map((p) => ({ tableIds: p })),
  fc.uniqueArray(person, { maxLength: 2 }).map((ps) => ({ tableIds: { $in: ps } })),
  fc.constantFrom(1, 1.0, 2, 1.5).map((n) => ({ n })),
  fc.constantFrom("2026-01-01", "2026-06-30").map((on) => ({ "w.on": on })),
  // What the index must leave to a scan: null (matches missing), ranges, negation, regex, arrays.
  fc.constant({ personId: null }),
  fc.constant({ n: { $gte: 1.5 } }),
  person.map((p) => ({ personId: { $ne: p } })),
  fc.constant({ kind: /^single/ }),
  person.map((p) => ({ tableIds: [p] })),
  // Unique indexes: `_id` with more fields, all of (u, v) with more, and u alone (the compound's prefix).
  fc.nat(29).map((_id) => ({ _id, n: 1 })),
  fc.uniqueArray(fc.nat(29), { maxLength: 4 }).map((ids) => ({ _id: { $in: ids }, kind: "standing" })),
  fc.tuple(fc.nat(6), fc.nat(4)).map(([u, v]) => ({ u, v, n: { $gte: 1.5 } })),
  fc.nat(6).map((u) => ({ u })),
  fc.uniqueArray(fc.nat(6), { maxLength: 3 }).map((us) => ({ u: { $in: us } })),
);
const query = fc
  .tuple(condition, fc.option(fc.constantFrom({ kind: "standing" }, { n: 2 })))
  .map(([first, extra]) => ({ ...first, ...(extra ?? {}) }) as Filter<Row>);
const change = fc.oneof(
  fc.record({ set: fc.tuple(fc.nat(29), row) }),
  fc.record({ remove: fc.nat(29) }),
  fc.record({ push: fc.tuple(fc.nat(29), person) }),
);

async function indexed(collection: Collection<Row>) {
  await collection.createIndex({ personId: 1 });
  await collection.createIndex({ tableIds: 1, n: 1 });
  await collection.createIndex({ n: 1 });
  await collection.createIndex({ "w.on": 1 });
  await collection.createIndex({ u: 1, v: 1 }, { unique: true });
}

function agreesWithAScan(client: () => MongoClient) {
  return fc.assert(
    fc.asyncProperty(
      fc.array(row, { minLength: 1, maxLength: 30 }),
      fc.array(change, { maxLength: 10 }),
      fc.array(query, { minLength: 1, maxLength: 8 }),
      async (rows, changes, queries) => {
        const db = client().db(`ix_${new ObjectId().toHexString()}`);
        const withIndex = db.collection<Row>("withIndex");
        const scanned = db.collection<Row>("scanned");
        await indexed(withIndex);
        const uv = (i: number) => ({ u: i % 7, v: Math.floor(i / 7) });
        const docs = rows.map((r, i) => ({ _id: i, ...r, ...uv(i) }));
        for (const target of [withIndex, scanned]) {
          await target.insertMany(docs.map((d) => ({ ...d })));
          for (const c of changes) {
            if ("set" in c) await target.replaceOne({ _id: c.set[0] }, { ...c.set[1], ...uv(c.set[0]) });
            else if ("remove" in c) await target.deleteOne({ _id: c.remove });
            else await target.updateOne({ _id: c.push[0] }, { $addToSet: { tableIds: c.push[1] } });
          }
        }
        for (const q of queries)
          expect(await withIndex.find(q).toArray(), JSON.stringify(q)).toEqual(
            await scanned.find(q).toArray(),
          );
        await db.dropDatabase();
      },
    ),
    { numRuns: 40 },
  );
}

/** The entries each index holds: 0 for an index the engine ignores. */
async function indexSizes(db: Db, collection: string): Promise<Record<string, number>> {
  const stats = await db.command({ collStats: collection });
  return stats.indexSize as Record<string, number>;
}

describe.each(["memory", "H2 file"])("non-unique indexes of the embedded database (%s)", (backend) => {
  let dataDir: string;
  let mongo: EmbeddedMongo;
  let client: MongoClient;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "tavoli-index-"));
    const { cacheDir } = loadConfig({});
    mongo = await startEmbeddedMongo({ cacheDir, dataDir, memory: backend === "memory", log: () => {} });
    client = await MongoClient.connect(mongo.uri, FAIL_FAST);
  });
  afterAll(async () => {
    await client?.close();
    await mongo?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers every query as a scan would, after inserts, replacements, removals and $addToSet", async () => {
    await agreesWithAScan(() => client);
  });

  it("holds every document, and is rebuilt when the engine restarts", async () => {
    const rows = client.db("sizes").collection<Row>("rows");
    await indexed(rows);
    await rows.insertMany(
      Array.from({ length: 50 }, (_, i) => ({
        _id: i,
        personId: people[i % 4],
        u: i % 7,
        v: Math.floor(i / 7),
      })),
    );
    await rows.deleteOne({ _id: 0 });
    expect((await indexSizes(client.db("sizes"), "rows")).personId_1).toBe(49);
    if (backend === "memory") return; // nothing survives a restart in memory
    const restarted = mongo.process.restarted();
    process.kill(mongo.process.pid() ?? 0, "SIGKILL");
    await restarted;
    const deadline = Date.now() + 15_000;
    for (;;) {
      try {
        expect((await indexSizes(client.db("sizes"), "rows")).personId_1).toBe(49);
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
    expect(await rows.find({ personId: people[1] }).toArray()).toHaveLength(13);
    // The compound key's prefix is refilled from the file, and the key still refuses a duplicate.
    expect(await rows.find({ u: 3 }).toArray()).toHaveLength(7);
    await expect(rows.insertOne({ _id: 99, u: 3, v: 1 })).rejects.toThrow(/duplicate key/);
    await rows.insertOne({ _id: 100, u: 3, v: 9 });
    expect(await rows.find({ u: 3 }).toArray()).toHaveLength(8);
  });
});
