import { request as httpRequest } from "node:http";
import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { raise, reportBody } from "../issue-reports/test-fixtures.ts";
import { meetingWorld } from "../meetings/test-fixtures.ts";

const MAX = 64 * 1024;
const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "IHDR finto");
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF");
const WEBP = bytes("RIFF", [0x10, 0, 0, 0], "WEBPVP8 ");
const PDF = bytes("%PDF-1.7\n%âãÏÓ\n");

describe("files attached to issue reports", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  let report: string;
  let secret: string;
  beforeAll(async () => {
    s = await startTestServer({ env: { ATTACHMENT_MAX_BYTES: String(MAX) } });
    w = await meetingWorld(s);
    report = (await raise(s, w.refA.token, w.openTable, reportBody(w.orgA))).body.id;
    secret = (await raise(s, w.refA.token, w.openTable, reportBody(w.orgA, { confidential: true }))).body.id;
  });
  afterAll(() => s.close());

  async function upload(
    token: string,
    id: string,
    file: { data: Buffer; name: string; type?: string },
    headers: Record<string, string> = {},
  ) {
    const form = new FormData();
    form.append(
      "file",
      new Blob([new Uint8Array(file.data)], { type: file.type ?? "application/octet-stream" }),
      file.name,
    );
    const res = await fetch(`${s.url}/api/v1/issue-reports/${id}/attachments`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, ...headers },
      body: form,
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  }
  const download = (token: string, id: string) =>
    fetch(`${s.url}/api/v1/attachments/${id}`, { headers: { authorization: `Bearer ${token}` } });

  it("takes JPEG, PNG, WebP and PDF by their bytes, lists them on the report and serves them back as downloads", async () => {
    const sent = [
      { data: JPEG, name: "foto.jpeg", type: "image/jpeg" },
      { data: PNG, name: "schermata.bin", type: "text/plain" },
      { data: WEBP, name: "foto", type: "image/png" },
      { data: PDF, name: "Verbale è «bozza».pdf" },
    ];
    const ids: string[] = [];
    for (const file of sent) {
      const res = await upload(w.refA.token, report, file);
      expect(res.status, file.name).toBe(201);
      ids.push(res.body.id);
    }
    const got = await s.api("GET", `/api/v1/issue-reports/${report}`, { token: w.outsider.token });
    expect(got.body.attachments.map((a: { contentType: string }) => a.contentType)).toEqual([
      "image/jpeg",
      "image/png",
      "image/webp",
      "application/pdf",
    ]);
    expect(got.body.attachments[3]).toMatchObject({
      id: ids[3],
      name: "Verbale è «bozza».pdf",
      size: PDF.length,
    });
    const file = await download(w.outsider.token, ids[3] ?? "");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-disposition")).toBe(
      `attachment; filename="Verbale e bozza.pdf"; filename*=UTF-8''Verbale%20%C3%A8%20%C2%ABbozza%C2%BB.pdf`,
    );
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it("refuses what its bytes are not (415) and what is over the limit (413), storing nothing", async () => {
    const before = await s.c.attachmentChunks.countDocuments();
    const html = await upload(w.refA.token, report, {
      data: bytes("<html><script>"),
      name: "foto.jpg",
      type: "image/jpeg",
    });
    expect(html.status).toBe(415);
    expect(html.body.error.code).toBe("unsupported_file_type");
    const big = await upload(w.refA.token, report, {
      data: Buffer.concat([PNG, Buffer.alloc(MAX)]),
      name: "grande.png",
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("file_too_large");
    const json = await s.api("POST", `/api/v1/issue-reports/${report}/attachments`, {
      token: w.refA.token,
      body: { file: "x" },
    });
    expect(json.status).toBe(415);
    expect(await s.c.attachmentChunks.countDocuments()).toBe(before);
  });

  it("refuses an announced oversized upload before reading it", async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${s.url}/api/v1/issue-reports/${report}/attachments`, {
        method: "POST",
        agent: false,
        headers: {
          authorization: `Bearer ${w.refA.token}`,
          "content-type": "multipart/form-data; boundary=x",
          "content-length": String(50 * 1024 * 1024),
        },
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (c: Buffer) => {
          body += c.toString();
        });
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      });
      req.on("error", reject);
      req.write("--x\r\n"); // the rest never comes: the answer must not wait for it
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe("file_too_large");
  });

  it("refuses a chunked oversized upload while reading it, also under an Idempotency-Key", async () => {
    const key = `grande-${Date.now()}`;
    // Its own connection (no keep-alive pool): the server answers before the body ends and drops it.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${s.url}/api/v1/issue-reports/${report}/attachments`, {
        method: "POST",
        agent: false,
        headers: {
          authorization: `Bearer ${w.refA.token}`,
          "content-type": "multipart/form-data; boundary=x",
          "idempotency-key": key,
        },
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (c: Buffer) => {
          body += c.toString();
        });
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      });
      req.on("error", () => {}); // the server may close while we still write: the answer is what counts
      req.write('--x\r\nContent-Disposition: form-data; name="file"; filename="grande.png"\r\n\r\n');
      const chunk = Buffer.concat([PNG, Buffer.alloc(16 * 1024)]);
      let sent = 0;
      const more = () => {
        while (sent < 8 * MAX && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", more);
        }
        if (!req.destroyed) req.end("\r\n--x--\r\n");
      };
      more();
      setTimeout(() => reject(new Error("no answer")), 10_000).unref();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe("file_too_large");
    expect(await s.c.idempotencyRecords.countDocuments({ key })).toBe(0);
  });

  it("lets the author, the organisation's referents and the table's coordinators attach; nobody else", async () => {
    expect((await upload(w.coordinator.token, report, { data: PNG, name: "a.png" })).status).toBe(201);
    expect((await upload(w.admin.token, report, { data: PNG, name: "a.png" })).status).toBe(201);
    const other = await upload(w.refB.token, report, { data: PNG, name: "a.png" });
    expect(other.status).toBe(403);
    expect((await upload(w.outsider.token, report, { data: PNG, name: "a.png" })).status).toBe(403);
    expect((await upload(w.outsider.token, secret, { data: PNG, name: "a.png" })).status).toBe(404);
  });

  it("keeps a confidential report's files inside the table, and their names out of the event", async () => {
    const before = s.events.length;
    const res = await upload(w.refA.token, secret, { data: PNG, name: "CANARY-RISERVATO gara.png" });
    expect(res.status).toBe(201);
    expect((await download(w.outsider.token, res.body.id)).status).toBe(404);
    expect((await download(w.refB.token, res.body.id)).status).toBe(200);
    const events = s.events.slice(before);
    expect(events.map((e) => e.type)).toEqual(["attachment.added"]);
    expect(events[0]?.payload).toEqual({
      attachmentId: res.body.id,
      ownerKind: "issue_report",
      ownerId: secret,
      tableId: w.openTable,
      contentType: "image/png",
      size: PNG.length,
    });
    expect(
      await s.c.audit.countDocuments({
        entityId: new ObjectId(res.body.id),
        actorId: new ObjectId(w.refA.id),
      }),
    ).toBe(1);
    const unknown = await s.api("GET", `/api/v1/attachments/${new ObjectId().toHexString()}`, {
      token: w.refA.token,
    });
    expect(unknown.status).toBe(404);
  });

  it("sanitises the name: no folders, control or bidi characters, reserved characters or hidden-file dots", async () => {
    const cases: [string, string][] = [
      ["../../etc/pass<wd>.png", "pass_wd_.png"],
      ["C:\\Users\\anna\\foto.png", "foto.png"],
      ["fattura\u202Egnp.exe.png", "fatturagnp.exe.png"],
      ["...", "allegato.png"],
      [".nascosto.png", "nascosto.png"],
      [`${"x".repeat(300)}.png`, `${"x".repeat(146)}.png`],
    ];
    for (const [sent, stored] of cases) {
      const res = await upload(w.refA.token, report, { data: PNG, name: sent });
      expect(res.body.name, sent).toBe(stored);
    }
  });

  it("with an Idempotency-Key stores a repeated upload once, also after a crash before the answer was kept", async () => {
    const key = `allegato-${Date.now()}`;
    const send = () =>
      upload(w.refA.token, report, { data: JPEG, name: "foto.jpg" }, { "idempotency-key": key });
    const first = await send();
    const again = await send();
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    const other = await upload(
      w.refA.token,
      report,
      { data: PNG, name: "foto.jpg" },
      { "idempotency-key": key },
    );
    expect(other.status).toBe(422);
    await s.c.idempotencyRecords.updateOne(
      { key },
      { $set: { state: "running", response: null, leaseUntil: new Date(s.clock.now.getTime() - 1) } },
    );
    const chunks = await s.c.attachmentChunks.countDocuments();
    const rerun = await send();
    expect(rerun.status).toBe(201);
    expect(rerun.body.id).toBe(first.body.id);
    expect(await s.c.attachments.countDocuments({ idempotencyKey: `${w.refA.id}:${key}` })).toBe(1);
    expect(await s.c.attachmentChunks.countDocuments()).toBe(chunks);
    expect(await s.c.audit.countDocuments({ entityId: new ObjectId(first.body.id) })).toBe(1);
  });

  it("stores a file over several chunks and gives it back whole; lists it in the uploader's export", async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(MAX - PDF.length, 7)]);
    const res = await upload(w.refA.token, report, { data: big, name: "grande.pdf" });
    expect(res.status).toBe(201);
    const doc = await s.c.attachments.findOne({ _id: new ObjectId(res.body.id) });
    expect(doc?.size).toBe(MAX);
    const back = Buffer.from(await (await download(w.refA.token, res.body.id)).arrayBuffer());
    expect(back.equals(big)).toBe(true);
    const exported = await s.api("GET", "/api/v1/people/me/export", { token: w.refA.token });
    expect(exported.body.attachments).toContainEqual(
      expect.objectContaining({
        id: res.body.id,
        ownerKind: "issue_report",
        ownerId: report,
        name: "grande.pdf",
      }),
    );
  });
});
