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

// A developer's machine (loopback, no SMTP): a working login for the demo administrator and one for a demo
// referent, who lands in the app with sittings to answer.
it("prints a demo referent's login link that signs in to the app with her sittings", async () => {
  const dbName = `t_${randomBytes(6).toString("hex")}`;
  const product = await startProduct(
    { MONGODB_URI: inject("mongoUri"), MONGODB_DB: dbName, SEED_DEMO: "auto" },
    "email di sviluppo",
  );
  try {
    expect(product.output()).toContain("accesso demo (amministratore");
    expect(product.output()).toContain(`app per i referenti su`);
    const link = product.output().match(/accesso demo \(referente[^:]*: (\S+)/)?.[1] ?? "";
    const token = new URL(link).searchParams.get("token");
    const session = await fetch(`${product.url}/api/v1/auth/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token }),
    });
    expect(session.status).toBe(201);
    expect(((await session.json()) as { person: { email: string } }).person.email).toBe(
      "giulia.ferrara@comune-caltagirone.example.it",
    );
    const cookie = session.headers.getSetCookie()[0]?.split(";")[0] ?? "";
    const response = await fetch(`${product.url}/api/v1/people/me/meetings`, { headers: { cookie } });
    const mine = (await response.json()) as { items: unknown[] };
    expect(mine.items.length).toBeGreaterThan(0);
    expect(await (await fetch(`${product.url}/`)).text()).toContain('<link rel="manifest"');
  } finally {
    const exited = new Promise((resolve) => product.process.once("exit", resolve));
    product.process.kill("SIGTERM");
    await exited;
    const client = await MongoClient.connect(inject("mongoUri"));
    await client.db(dbName).dropDatabase();
    await client.close();
  }
}, 120_000);
