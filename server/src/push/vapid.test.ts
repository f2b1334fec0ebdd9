import { randomBytes } from "node:crypto";
import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import webpush from "web-push";
import { loadConfig } from "../config.ts";
import { FAIL_FAST } from "../db/connect.ts";
import { pushCollections } from "./documents.ts";
import { loadVapidKeys } from "./vapid.ts";

describe("the installation's VAPID keys", () => {
  const clients: MongoClient[] = [];
  const dbName = `t_${randomBytes(6).toString("hex")}`;
  /** One instance's own connection to the shared database, as a second server would have. */
  const instance = async () => {
    const client = await MongoClient.connect(inject("mongoUri"), FAIL_FAST);
    clients.push(client);
    return client.db(dbName);
  };
  beforeAll(async () => {
    await instance();
  });
  afterAll(async () => {
    await clients[0]?.db(dbName).dropDatabase();
    await Promise.all(clients.map((client) => client.close()));
  });

  it("are generated once: instances starting together all get the one pair stored", async () => {
    const config = loadConfig({});
    for (let round = 0; round < 3; round++) {
      const dbs = await Promise.all([1, 2, 3, 4].map(instance));
      const { vapidKeys } = pushCollections(await instance());
      await vapidKeys.deleteMany({});
      const keys = await Promise.all(dbs.map((db) => loadVapidKeys(db, config)));
      const stored = await vapidKeys.find().toArray();
      expect(stored).toHaveLength(1);
      for (const got of keys)
        expect(got).toEqual({
          publicKey: stored[0]?.publicKey,
          privateKey: stored[0]?.privateKey,
          subject: "mailto:noreply@tavoli.localhost",
        });
      // Started again later, an instance reads them back.
      expect(await loadVapidKeys(await instance(), config)).toEqual(keys[0]);
    }
  });

  it("come from the configuration when given there, and then nothing is stored", async () => {
    const db = (await instance()).client.db(`${dbName}_configured`);
    const pair = webpush.generateVAPIDKeys();
    const config = loadConfig({
      VAPID_PUBLIC_KEY: pair.publicKey,
      VAPID_PRIVATE_KEY: pair.privateKey,
      VAPID_SUBJECT: "https://tavoli.comune.example.it/contatti",
    });
    expect(await loadVapidKeys(db, config)).toEqual({
      ...pair,
      subject: "https://tavoli.comune.example.it/contatti",
    });
    expect(await pushCollections(db).vapidKeys.countDocuments()).toBe(0);
    expect((await db.listCollections().toArray()).map((c) => c.name)).not.toContain("vapidKeys");
  });
});
