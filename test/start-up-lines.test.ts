import { randomBytes } from "node:crypto";
import { MongoClient } from "mongodb";
import { expect, inject, it } from "vitest";
import { startProduct } from "./support/product.ts";

// A deployment (https PUBLIC_URL) without SMTP: the demo data may be seeded, but no working admin login
// and no dev outbox may be printed to its logs, only the warning that login mails cannot be delivered.
it("prints no demo login and no dev outbox on an https PUBLIC_URL, only the mail warning", async () => {
  const dbName = `t_${randomBytes(6).toString("hex")}`;
  const product = await startProduct(
    {
      MONGODB_URI: inject("mongoUri"),
      MONGODB_DB: dbName,
      SEED_DEMO: "auto",
      PUBLIC_URL: "https://tavoli.example.it",
    },
    "SMTP_URL assente",
  );
  try {
    expect(product.output()).toContain("dati dimostrativi caricati");
    expect(product.output()).not.toContain("accesso demo");
    expect(product.output()).not.toContain("/dev/outbox\n");
    expect(product.output()).not.toContain("email di sviluppo");
  } finally {
    const exited = new Promise((resolve) => product.process.once("exit", resolve));
    product.process.kill("SIGTERM");
    await exited;
    const client = await MongoClient.connect(inject("mongoUri"));
    await client.db(dbName).dropDatabase();
    await client.close();
  }
}, 120_000);
