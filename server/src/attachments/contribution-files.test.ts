import * as XLSX from "@e965/xlsx";
import { strToU8, zipSync } from "fflate";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { contribute, contributionBody } from "../contributions/test-fixtures.ts";
import { raise, reportBody } from "../issue-reports/test-fixtures.ts";
import { meetingWorld } from "../meetings/test-fixtures.ts";

const MAX = 64 * 1024;
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
const CSV = Buffer.from(
  "comune;popolazione;servizi\nCaltagirone;38000;«SUAP, PagoPA»\nMineo;5000;è attivo\n",
);

/** A real PDF, as pdfkit writes one. */
function pdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const parts: Buffer[] = [];
    doc.on("data", (part: Buffer) => parts.push(part));
    doc.on("end", () => resolve(Buffer.concat(parts)));
    doc.text("Relazione del tavolo");
    doc.end();
  });
}

/** A spreadsheet as SheetJS writes it, in an OpenDocument or Office Open XML book. */
function book(bookType: "ods" | "xlsx"): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ["comune", "abitanti"],
      ["Vizzini", 6000],
    ]),
    "Dati",
  );
  return Buffer.from(XLSX.write(wb, { type: "buffer", bookType }));
}

/** The smallest zip each text format is recognised by: ODT's leading `mimetype`, DOCX's content types and `word/`. */
const ODT = Buffer.from(
  zipSync({
    mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }],
    "content.xml": strToU8("<x/>"),
  }),
);
const DOCX = Buffer.from(
  zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w/>") }),
);
const ZIP = Buffer.from(zipSync({ "leggimi.txt": strToU8("ciao") }));

describe("files attached to contributions: documents, photos and datasets", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  let dataset: string;
  beforeAll(async () => {
    s = await startTestServer({ env: { ATTACHMENT_MAX_BYTES: String(MAX) } });
    w = await meetingWorld(s);
    dataset = (
      await contribute(
        s,
        w.refA.token,
        w.openTable,
        contributionBody(w.orgA, { kind: "dataset", licence: "CC-BY-4.0" }),
      )
    ).body.id;
  });
  afterAll(() => s.close());

  async function upload(
    token: string,
    path: string,
    data: Buffer,
    name: string,
    type = "application/octet-stream",
  ) {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(data)], { type }), name);
    const res = await fetch(`${s.url}/api/v1${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: res.status, body: (await res.json()) as any };
  }
  const toContribution = (token: string, id: string, data: Buffer, name: string) =>
    upload(token, `/contributions/${id}/attachments`, data, name);
  const stored = async () => ({
    attachments: await s.c.attachments.countDocuments(),
    chunks: await s.c.attachmentChunks.countDocuments(),
  });

  it("keeps a licence from the closed list, none by default, and refuses another", async () => {
    const got = await s.api("GET", `/api/v1/contributions/${dataset}`, { token: w.outsider.token });
    expect(got.body.licence).toBe("CC-BY-4.0");
    const plain = await contribute(s, w.refA.token, w.openTable, contributionBody(w.orgA));
    expect(plain.body.licence).toBeNull();
    const wrong = await contribute(
      s,
      w.refA.token,
      w.openTable,
      contributionBody(w.orgA, { licence: "GPL" }),
    );
    expect([wrong.status, wrong.body.error.code]).toEqual([400, "validation_failed"]);
  });

  it("takes a PDF, a CSV dataset, a photo and the open and office formats by their bytes, and serves them back", async () => {
    const files: [Buffer, string, string][] = [
      [await pdf(), "relazione.pdf", "application/pdf"],
      [CSV, "popolazione.csv", "text/csv"],
      [JPEG, "sopralluogo.jpg", "image/jpeg"],
      [Buffer.from("comune\tabitanti\nGrammichele\t13000\n"), "dati.tsv", "text/tab-separated-values"],
      [Buffer.from('{"comuni": ["Caltagirone", "Mineo"]}'), "comuni.json", "application/json"],
      [Buffer.from('<?xml version="1.0"?><comuni/>'), "comuni.xml", "application/xml"],
      [book("ods"), "dati.ods", "application/vnd.oasis.opendocument.spreadsheet"],
      [book("xlsx"), "dati.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      [ODT, "testo.odt", "application/vnd.oasis.opendocument.text"],
      [DOCX, "testo.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ];
    for (const [data, name, type] of files) {
      const res = await toContribution(w.refA.token, dataset, data, name);
      expect([res.status, res.body.contentType], name).toEqual([201, type]);
    }
    const got = await s.api("GET", `/api/v1/contributions/${dataset}`, { token: w.outsider.token });
    expect(got.body.attachments.map((a: { name: string }) => a.name)).toEqual(files.map(([, name]) => name));
    const csv = got.body.attachments[1];
    const file = await fetch(`${s.url}/api/v1/attachments/${csv.id}`, {
      headers: { authorization: `Bearer ${w.outsider.token}` },
    });
    expect(file.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-disposition")).toContain("attachment;");
    expect(Buffer.from(await file.arrayBuffer()).equals(CSV)).toBe(true);
  });

  it("refuses a lying extension, an unknown or active content and an oversized file, storing nothing", async () => {
    const before = await stored();
    const cases: [Buffer, string, number, string][] = [
      [PNG, "relazione.pdf", 415, "file_extension_mismatch"],
      [CSV, "foto.jpg", 415, "file_extension_mismatch"],
      [ZIP, "archivio.zip", 415, "unsupported_file_type"],
      [Buffer.from("<!DOCTYPE html><script>alert(1)</script>"), "pagina.csv", 415, "unsupported_file_type"],
      [Buffer.from([0x00, 0x01, 0x02, 0x03]), "dati.csv", 415, "unsupported_file_type"],
      [Buffer.concat([PNG, Buffer.alloc(MAX)]), "grande.png", 413, "file_too_large"],
    ];
    for (const [data, name, status, code] of cases) {
      const res = await toContribution(w.refA.token, dataset, data, name);
      expect([res.status, res.body.error?.code], name).toEqual([status, code]);
    }
    // Issue reports still take photos and PDFs only.
    const report = (await raise(s, w.refA.token, w.openTable, reportBody(w.orgA))).body.id;
    const csvOnReport = await upload(w.refA.token, `/issue-reports/${report}/attachments`, CSV, "dati.csv");
    expect([csvOnReport.status, csvOnReport.body.error.code]).toEqual([415, "unsupported_file_type"]);
    expect(await stored()).toEqual(before);
  });

  it("lets the author, the organisation's referents and coordinators attach; hides a confidential one's files", async () => {
    const before = await stored();
    const other = await toContribution(w.refB.token, dataset, JPEG, "foto.jpg");
    expect([other.status, other.body.error.code]).toEqual([403, "forbidden"]);
    const secret = (
      await contribute(s, w.refA.token, w.openTable, contributionBody(w.orgA, { confidential: true }))
    ).body.id;
    expect((await toContribution(w.outsider.token, secret, JPEG, "foto.jpg")).status).toBe(404);
    expect(await stored()).toEqual(before);
    const byCoordinator = await toContribution(w.coordinator.token, secret, JPEG, "foto.jpg");
    expect(byCoordinator.status).toBe(201);
    const hidden = await fetch(`${s.url}/api/v1/attachments/${byCoordinator.body.id}`, {
      headers: { authorization: `Bearer ${w.outsider.token}` },
    });
    expect(hidden.status).toBe(404);
    const member = await fetch(`${s.url}/api/v1/attachments/${byCoordinator.body.id}`, {
      headers: { authorization: `Bearer ${w.refB.token}` },
    });
    expect(member.status).toBe(200);
  });

  it("refuses a file for a withdrawn contribution", async () => {
    const id = (await contribute(s, w.refA.token, w.openTable, contributionBody(w.orgA))).body.id;
    await s.api("POST", `/api/v1/contributions/${id}/withdraw`, { token: w.refA.token });
    const before = await stored();
    const res = await toContribution(w.refA.token, id, JPEG, "foto.jpg");
    expect([res.status, res.body.error.code]).toEqual([409, "contribution_withdrawn"]);
    expect(await stored()).toEqual(before);
  });
});
