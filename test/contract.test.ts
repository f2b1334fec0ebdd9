import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoIfEmpty } from "../server/src/demo/seed.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

describe("contract points checked from outside", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it("GET /healthz reports the database as reachable", async () => {
    const response = await s.api("GET", "/healthz");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: "ok", db: { reachable: true } });
  });

  // Each documented operation's answers are checked against this document by openapi-responses.test.ts
  // (reads) and authorization-matrix.test.ts (writes); here, the document's own shape.
  it("GET /api/v1/openapi.json is an OpenAPI 3.1 document with the membership paths and the Error schema", async () => {
    const response = await s.api("GET", "/api/v1/openapi.json");
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe("3.1.0");
    const paths = Object.keys(response.body.paths);
    for (const path of [
      "/agreements",
      "/agreements/{id}/adhesions",
      "/agreements/{id}/withdrawals",
      "/tables/{id}/members",
    ]) {
      expect(paths).toContain(path);
    }
    expect(response.body.components.schemas.Error).toBeDefined();
  });

  it("documents a success for every operation and the Error shape for every refusal", async () => {
    const doc = (await s.api("GET", "/api/v1/openapi.json")).body;
    const problems: string[] = [];
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, operation] of Object.entries<any>(item)) {
        const statuses = Object.keys(operation.responses ?? {});
        if (!statuses.some((status) => status.startsWith("2"))) problems.push(`${method} ${path}: no 2xx`);
        for (const status of statuses.filter((status) => /^[45]/.test(status))) {
          const ref = operation.responses[status].content?.["application/json"]?.schema?.$ref;
          if (ref !== "#/components/schemas/Error")
            problems.push(`${method} ${path} ${status}: not an Error`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("GET /api/docs serves the interactive docs page with its assets from this server", async () => {
    const page = await fetch(`${s.url}/api/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("swagger-ui");
    const asset = await fetch(`${s.url}/api/docs/assets/swagger-ui-bundle.js`);
    expect(asset.status).toBe(200);
    expect((await asset.text()).length).toBeGreaterThan(100_000);
  });

  it("the home page is the app: its shell, manifest and service worker, the same for everyone", async () => {
    const anonymous = await fetch(`${s.url}/`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get("cache-control")).toBe("no-cache");
    const html = await anonymous.text();
    expect(html).toContain('<html lang="it">');
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest">');
    const script = html.match(/<script type="module" crossorigin src="(\/static\/[^"]+\.js)">/)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${s.url}${script}`);
    expect(asset.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect(asset.headers.get("content-encoding")).toBe("gzip");
    const manifest = await (await fetch(`${s.url}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ short_name: "Tavoli", display: "standalone", start_url: "/#/" });
    const worker = await fetch(`${s.url}/sw.js`);
    expect(worker.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await worker.text()).toContain('"/index.html"');
    // Who is signed in is the app's question (GET /api/v1/auth/session), not the shell's.
    const person = await s.createPerson({ name: "Giulia <Ferrara>" });
    const signedIn = await fetch(`${s.url}/`, { headers: { authorization: `Bearer ${person.token}` } });
    expect(await signedIn.text()).toBe(html);
    expect((await fetch(`${s.url}/static/..%2Fsw.js`)).status).toBe(404);
  });

  it("unknown routes get the error shape in Italian, or English on request", async () => {
    const it = await s.api("GET", "/api/v1/nope");
    expect(it.status).toBe(404);
    expect(it.body.error).toMatchObject({ code: "route_not_found", message: "Percorso inesistente." });
    const en = await s.api("GET", "/api/v1/nope", { lang: "en-GB,en;q=0.9,it;q=0.5" });
    expect(en.body.error.message).toBe("No such route.");
  });

  it("the demo data list the five source agreements, seeded once even by concurrent instances", async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => seedDemoIfEmpty({ db: s.db, bus: s.bus, config: s.config })),
    );
    expect(results.filter((r) => r.seeded)).toHaveLength(1);
    const response = await s.api("GET", "/api/v1/agreements");
    expect(response.body.items).toHaveLength(5);
    const titles = response.body.items
      .map((a: { shortName: string; title: string }) => `${a.shortName} ${a.title}`)
      .join(" | ");
    for (const name of ["Reggio Emilia", "Innovazione d'Insieme", "Lombardia", "Piemonte", "Calatino"]) {
      expect(titles).toContain(name);
    }
    const calatino = response.body.items.find((a: { slug: string }) => a.slug.includes("calatino"));
    const members = await s.api("GET", `/api/v1/agreements/${calatino.id}/members`);
    expect(members.body.items).toHaveLength(8);
  });
});
