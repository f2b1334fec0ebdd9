import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { download, pdfText } from "../../../test/support/report-canary.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { record, sitting } from "../attendance/test-fixtures.ts";
import { meetingWorld } from "../meetings/test-fixtures.ts";
import { agendaIds, CANARY, minutesBody, moveMinutes, putMinutes } from "./test-fixtures.ts";

describe("minutes exported as PDF and ODT", () => {
  let s: TestServer;
  let w: Awaited<ReturnType<typeof meetingWorld>>;
  let meetingId: string;
  beforeAll(async () => {
    s = await startTestServer();
    w = await meetingWorld(s);
    meetingId = (await sitting(s, w)).id;
    await record(s, w.coordinator.token, meetingId, w.refA.id);
    await putMinutes(s, w.coordinator.token, meetingId, minutesBody(await agendaIds(s, meetingId)));
    await moveMinutes(s, w.coordinator.token, meetingId, "review", {});
    await moveMinutes(s, w.coordinator.token, meetingId, "approve");
  });
  afterAll(() => s.close());

  const exported = (token: string, format: string) =>
    download(s, token, `/api/v1/meetings/${meetingId}/minutes/export?format=${format}`);

  it("gives a PDF with the Italian heading, the attendees, decisions and actions, and page numbers", async () => {
    const res = await exported(w.refA.token, "pdf");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="verbale-2026-03-24-${meetingId}.pdf"; filename*=UTF-8''verbale-2026-03-24-${meetingId}.pdf`,
    );
    const text = await pdfText(res.bytes);
    for (const expected of [
      "WP1 Servizi digitali",
      "Verbale della seduta «Seduta ordinaria»",
      "Seduta: martedì 24 marzo 2026, ore 10:00",
      "Stato: approvato il 24/03/2026",
      "Presenti",
      "Anna Referente A",
      "Comune di Caltagirone",
      "Ordine del giorno",
      "Decisioni",
      "Si adotta il piano di migrazione al cloud",
      "Inviare il piano aggiornato",
      "30/04/2026",
      "Pagina 1 di 1",
    ])
      expect(text).toContain(expected);
    expect(text.replace(/\s+/g, "")).toContain(CANARY);
  });

  it("gives a valid ODT: mimetype first and stored, a manifest, the content", async () => {
    const res = await exported(w.refA.token, "odt");
    expect(res.headers.get("content-type")).toBe("application/vnd.oasis.opendocument.text");
    const bytes = res.bytes;
    const u16 = (at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
    // First local file header: signature, compression method 0 (stored), name "mimetype", then the type.
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(u16(8)).toBe(0);
    const nameLength = u16(26);
    const extraLength = u16(28);
    expect(strFromU8(bytes.slice(30, 30 + nameLength))).toBe("mimetype");
    const start = 30 + nameLength + extraLength;
    expect(strFromU8(bytes.slice(start, start + 39))).toBe("application/vnd.oasis.opendocument.text");
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(["mimetype", "META-INF/manifest.xml", "styles.xml", "content.xml"]);
    expect(strFromU8(files["META-INF/manifest.xml"] as Uint8Array)).toContain(
      'manifest:full-path="content.xml"',
    );
    const content = strFromU8(files["content.xml"] as Uint8Array);
    expect(content).toContain('<text:h text:style-name="Heading" text:outline-level="2">Presenti</text:h>');
    expect(content).toContain("Verbale della seduta «Seduta ordinaria»");
    expect(content).toContain(CANARY);
  });

  it("leaves the confidential items out for readers outside the table, and refuses an unknown format", async () => {
    const pdf = await exported(w.outsider.token, "pdf");
    expect(pdf.status).toBe(200);
    const text = (await pdfText(pdf.bytes)).replace(/\s+/g, "");
    expect(text).not.toContain("CANARY");
    expect(text).toContain("Puntiriservatinonmostrati:1.");
    const odt = await exported(w.outsider.token, "odt");
    for (const file of Object.values(unzipSync(odt.bytes))) expect(strFromU8(file)).not.toContain("CANARY");
    const bad = await s.api("GET", `/api/v1/meetings/${meetingId}/minutes/export?format=docx`, {
      token: w.refA.token,
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, "validation_failed"]);
    expect((await s.api("GET", `/api/v1/meetings/${meetingId}/minutes/export`)).status).toBe(401);
  });
});
