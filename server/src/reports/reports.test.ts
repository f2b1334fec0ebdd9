import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  canaryHits,
  download,
  odsSheets,
  pdfText,
  reportInEveryFormat,
} from "../../../test/support/report-canary.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { CANARIES, type ReportWorld, reportWorld } from "./test-fixtures.ts";

const H1 = "preset=semestrale&year=2026&half=1";
const TITLE_H1 = "Relazione semestrale sullo stato di avanzamento — 1° semestre 2026";

describe("periodic reports", () => {
  let s: TestServer;
  let w: ReportWorld;
  beforeAll(async () => {
    s = await startTestServer();
    w = await reportWorld(s);
  }, 60_000);
  afterAll(() => s.close());

  const tableReport = (query: string) => `/api/v1/tables/${w.openTable}/report?${query}`;
  const agreementReport = (query: string) => `/api/v1/agreements/${w.agreementId}/report?${query}`;
  const section = (body: any, key: string) => body.sections.find((x: any) => x.key === key);
  const figures = (sec: any) => Object.fromEntries(sec.summary.map((e: any) => [e.key, e.value]));

  it("gives the half-yearly report of a table in JSON with the sittings, attendance, quorum and contributions", async () => {
    const res = await s.api("GET", tableReport(H1), { token: w.coordinator.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      schema: "tavoli-report/1",
      status: "live",
      title: { it: TITLE_H1 },
      preset: "semestrale",
      period: { from: "2026-01-01", to: "2026-06-30" },
      table: { id: w.openTable, name: "WP1 Servizi digitali" },
    });
    expect(res.body.sections.map((x: any) => x.key)).toEqual([
      "meetings",
      "attendance",
      "quorum",
      "contributions",
      "proposals",
      "action_items",
      "work_plan",
      "issue_reports",
      "services",
      "deadlines",
    ]);
    const meetings = section(res.body, "meetings");
    expect(figures(meetings)).toMatchObject({
      held: 2,
      cancelled: 1,
      scheduled: 0,
      heldOnline: 1,
      heldHybrid: 1,
    });
    expect(meetings.rows.map((r: any) => [r.date, r.time, r.title, r.mode, r.state])).toEqual([
      ["2026-03-24", "10:00", "Prima seduta", "online", "tenuta"],
      ["2026-04-14", "10:00", "Seconda seduta", "ibrida", "tenuta"],
      ["2026-05-05", "10:00", "Seduta annullata", "online", "annullata"],
    ]);
    expect(section(res.body, "attendance").rows).toEqual([
      { organisation: "Comune di Caltagirone", convened: 2, attended: 2, rate: 100 },
      { organisation: "Comune di Mineo", convened: 2, attended: 1, rate: 50 },
    ]);
    expect(figures(section(res.body, "attendance"))).toEqual({ sittings: 2, organisations: 2, rate: 75 });
    expect(
      section(res.body, "quorum").rows.map((r: any) => [r.date, r.present, r.required, r.members, r.reached]),
    ).toEqual([
      ["2026-03-24", 1, 2, 2, false],
      ["2026-04-14", 2, 2, 2, true],
    ]);
    const contributions = section(res.body, "contributions");
    expect(figures(contributions)).toMatchObject({
      total: 3,
      documento: 1,
      buona_pratica: 1,
      dataset: 1,
      organisations: 2,
    });
    expect(contributions.rows[0]).toMatchObject({
      organisation: "Comune di Caltagirone",
      documento: 1,
      buona_pratica: 1,
      total: 2,
    });
  });

  it("gives the same figures as one CSV per section (BOM, `;`, decimal comma) and all of them in a zip", async () => {
    const res = await download(s, w.coordinator.token, tableReport(`${H1}&format=csv&section=attendance`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="relazione-semestrale-2026-01-01-2026-06-30-wp1-servizi-digitali-attendance.csv"; filename*=UTF-8''relazione-semestrale-2026-01-01-2026-06-30-wp1-servizi-digitali-attendance.csv`,
    );
    expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(res.bytes.slice(3))).toBe(
      "Ente;Sedute convocate;Sedute con presenza;Tasso di presenza (%)\r\n" +
        "Comune di Caltagirone;2;2;100\r\nComune di Mineo;2;1;50\r\n",
    );
    const quorum = await download(s, w.coordinator.token, tableReport(`${H1}&format=csv&section=quorum`));
    expect(strFromU8(quorum.bytes)).toContain(
      "2026-03-24;WP1 Servizi digitali;Prima seduta;maggioranza degli enti;2;1;2;no;no",
    );
    const unknown = await s.api("GET", tableReport(`${H1}&format=csv&section=nulla`), {
      token: w.coordinator.token,
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, "report_section_unknown"]);
    const zip = await download(s, w.coordinator.token, tableReport(`${H1}&format=zip`));
    expect(zip.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(zip.bytes);
    expect(Object.keys(files).sort()).toEqual([
      "action_items.csv",
      "attendance.csv",
      "contributions.csv",
      "deadlines.csv",
      "issue_reports.csv",
      "meetings.csv",
      "proposals.csv",
      "quorum.csv",
      "relazione.json",
      "services.csv",
      "work_plan.csv",
    ]);
    expect(strFromU8(files["attendance.csv"] as Uint8Array)).toBe(strFromU8(res.bytes));
    expect(JSON.parse(strFromU8(files["relazione.json"] as Uint8Array)).title.it).toBe(TITLE_H1);
  });

  it("gives an ODS with a summary sheet and one sheet per section, which reads back with the same figures", async () => {
    const res = await download(s, w.coordinator.token, tableReport(`${H1}&format=ods`));
    expect(res.headers.get("content-type")).toBe("application/vnd.oasis.opendocument.spreadsheet");
    const sheets = odsSheets(res.bytes);
    expect(Object.keys(sheets)).toEqual([
      "Sintesi",
      "Sedute",
      "Presenze degli enti",
      "Quorum delle sedute",
      "Contributi degli enti",
      "Proposte e loro adozione",
      "Azioni dei verbali",
      "Piano di lavoro",
      "Segnalazioni di criticità",
      "Servizi condivisi e SLA",
      "Scadenze dell’accordo",
    ]);
    expect(sheets["Presenze degli enti"]).toEqual([
      ["Ente", "Sedute convocate", "Sedute con presenza", "Tasso di presenza (%)"],
      ["Comune di Caltagirone", 2, 2, 100],
      ["Comune di Mineo", 2, 1, 50],
    ]);
    const summary = sheets.Sintesi as unknown[][];
    expect(summary[0]).toEqual([TITLE_H1]);
    expect(summary).toContainEqual(["Periodo", "dal 01/01/2026 al 30/06/2026"]);
    expect(summary).toContainEqual(["Sedute tenute", 2]);
    expect(summary).toContainEqual(["Tasso medio di presenza (%)", 75]);
  });

  it("gives a PDF with the Italian heading, page numbers, the figures and the attendance chart drawn as vectors", async () => {
    const res = await download(s, w.coordinator.token, tableReport(`${H1}&format=pdf`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="relazione-semestrale-.*\.pdf"/,
    );
    const text = await pdfText(res.bytes);
    for (const expected of [
      "Accordo di prova",
      "Tavolo: WP1 Servizi digitali",
      TITLE_H1,
      "Periodo: dal 01/01/2026 al 30/06/2026",
      "Generata il 02/07/2026, ore 10:00",
      "Pagina 1 di",
      "Presenze degli enti",
      "Tasso di presenza per ente (%)",
      "Comune di Caltagirone",
      "Comune di Mineo",
      "Tasso medio di presenza (%)",
      "24/03/2026",
      "Contributi per ente",
    ])
      expect(text).toContain(expected);
    const { getDocumentProxy } = await import("unpdf");
    const { OPS } = await import("unpdf/pdfjs");
    const pdf = await getDocumentProxy(new Uint8Array(res.bytes));
    let filled = 0;
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const ops = await (await pdf.getPage(n)).getOperatorList();
      ops.fnArray.forEach((fn: number, i: number) => {
        if (fn === OPS.constructPath && ops.argsArray[i]?.[0] === OPS.fill) filled += 1;
        if (fn === OPS.fill) filled += 1;
      });
    }
    // Each of the two attendance bars and two contribution bars: a track and a bar, at least.
    expect(filled).toBeGreaterThanOrEqual(8);
  });

  it("reads the half-yearly, annual and custom periods, and refuses an end before the start", async () => {
    const periodOf = async (query: string) =>
      (await s.api("GET", tableReport(query), { token: w.coordinator.token })).body;
    expect((await periodOf("preset=semestrale&year=2026&half=2")).period).toEqual({
      from: "2026-07-01",
      to: "2026-12-31",
    });
    expect((await periodOf("preset=semestrale&year=2026&half=2")).title.it).toBe(
      "Relazione semestrale sullo stato di avanzamento — 2° semestre 2026",
    );
    expect((await periodOf("preset=annuale&year=2025")).period).toEqual({
      from: "2025-01-01",
      to: "2025-12-31",
    });
    // A sitting on 24 March is in a period ending that day (Rome days, both included), not in one starting the next.
    const march24 = await periodOf("from=2026-03-01&to=2026-03-24");
    expect(figures(section(march24, "meetings")).held).toBe(1);
    expect(figures(section(await periodOf("from=2026-03-25&to=2026-04-13"), "meetings")).held).toBe(0);
    const cases: [string, string][] = [
      ["from=2026-06-30&to=2026-01-01", "date_order"],
      ["preset=semestrale&year=2026", "report_period_invalid"],
      ["preset=annuale", "report_period_invalid"],
      ["from=2026-01-01", "report_period_invalid"],
      ["preset=semestrale&year=2026&half=3", "validation_failed"],
      ["from=2026-02-30&to=2026-03-01", "validation_failed"],
    ];
    for (const [query, code] of cases) {
      const res = await s.api("GET", tableReport(query), { token: w.coordinator.token });
      expect([res.status, res.body.error?.code], query).toEqual([400, code]);
    }
    const before = await s.c.issuedReports.countDocuments();
    const audit = await s.c.audit.countDocuments();
    const refused = await s.api("POST", `/api/v1/tables/${w.openTable}/reports`, {
      token: w.coordinator.token,
      body: { preset: "personalizzato", from: "2026-06-30", to: "2026-01-01" },
    });
    expect([refused.status, refused.body.error.code]).toEqual([400, "date_order"]);
    expect([await s.c.issuedReports.countDocuments(), await s.c.audit.countDocuments()]).toEqual([
      before,
      audit,
    ]);
  });

  it("is refused to people who are not in the agreement, and to nobody logged in", async () => {
    for (const path of [
      tableReport(H1),
      agreementReport(H1),
      `/api/v1/agreements/${w.agreementId}/reports`,
    ]) {
      const res = await s.api("GET", path, { token: w.outsider.token });
      expect([res.status, res.body.error.code], path).toEqual([403, "forbidden"]);
      expect((await s.api("GET", path)).status).toBe(401);
    }
    for (const person of [w.refB, w.agreementAdmin, w.admin])
      expect((await s.api("GET", agreementReport(H1), { token: person.token })).status).toBe(200);
  });

  it("never lets confidential content reach someone outside its table, in any format", async () => {
    const canaries = Object.values(CANARIES);
    // orgB's referent reads the agreement's report, but does not sit on the founders-only table.
    const outside = await reportInEveryFormat(s, w.refB.token, agreementReport(H1));
    expect(outside.map((r) => r.where)).toContain("pdf");
    expect(canaryHits(outside, canaries)).toEqual([]);
    // The confidential contribution is still counted (without any of its text).
    const json = JSON.parse(outside[0]?.text ?? "{}");
    expect(figures(section(json, "contributions")).total).toBe(4);
    expect(json.confidentialTableIds).toEqual([w.openTable]);
    // orgA's referent sits on it and sees the title: the search does find a canary when there is one.
    const inside = await reportInEveryFormat(s, w.refA.token, agreementReport(H1));
    const hits = canaryHits(inside, canaries);
    for (const where of [
      "json",
      "zip:contributions.csv",
      "zip:relazione.json",
      "ods:Contributi degli enti",
      "pdf",
    ])
      expect(hits).toContain(`${where}: ${CANARIES.contributionTitle}`);
  });

  it("issues a report, lists it and renders the frozen snapshot, redacted for readers outside a confidential table", async () => {
    const issued = await s.api("POST", `/api/v1/agreements/${w.agreementId}/reports`, {
      token: w.agreementAdmin.token,
      body: { preset: "semestrale", year: 2026, half: 1 },
    });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      status: "issued",
      title: { it: TITLE_H1 },
      issuedBy: { id: w.agreementAdmin.id, name: "Gestore accordo" },
    });
    const id = issued.body.id as string;
    const event = s.events.find((e) => e.type === "report.issued");
    expect(event?.payload).toEqual({
      reportId: id,
      agreementId: w.agreementId,
      tableId: null,
      preset: "semestrale",
      from: "2026-01-01",
      to: "2026-06-30",
      sections: 10,
    });
    // Later changes do not move an issued report's figures.
    s.clock.now = new Date("2026-07-03T08:00:00Z");
    await s.api("POST", `/api/v1/tables/${w.openTable}/contributions`, {
      token: w.refB.token,
      body: { organisationId: w.orgB, kind: "commento", title: "Commento tardivo" },
    });
    const list = await s.api("GET", `/api/v1/agreements/${w.agreementId}/reports`, { token: w.refB.token });
    expect(list.body.items).toEqual([
      expect.objectContaining({ id, preset: "semestrale", period: { from: "2026-01-01", to: "2026-06-30" } }),
    ]);
    expect(list.body.items[0].sections).toBeUndefined();
    const path = `/api/v1/reports/${id}`;
    const outside = await reportInEveryFormat(s, w.refB.token, path);
    expect(canaryHits(outside, Object.values(CANARIES))).toEqual([]);
    expect(JSON.parse(outside[0]?.text ?? "{}").confidentialTableIds).toEqual([]);
    const inside = await reportInEveryFormat(s, w.refA.token, path);
    expect(canaryHits(inside, [CANARIES.contributionTitle])).toContain(`pdf: ${CANARIES.contributionTitle}`);
    const frozen = JSON.parse(inside[0]?.text ?? "{}");
    expect(figures(section(frozen, "contributions")).total).toBe(4);
    expect(await pdfText((await download(s, w.refA.token, `${path}?format=pdf`)).bytes)).toContain(
      "Data di emissione: 2 luglio 2026",
    );
    expect((await s.api("GET", path, { token: w.outsider.token })).status).toBe(403);
    // The issuer's GDPR export names the report (which and when, not its content).
    const mine = await s.api("GET", "/api/v1/people/me/export", { token: w.agreementAdmin.token });
    expect(JSON.parse(typeof mine.body === "string" ? mine.body : JSON.stringify(mine.body)).reports).toEqual(
      [
        {
          reportId: id,
          agreementId: w.agreementId,
          tableId: null,
          preset: "semestrale",
          period: { from: "2026-01-01", to: "2026-06-30" },
          issuedAt: "2026-07-02T08:00:00.000Z",
        },
      ],
    );
    // A table's report is issued by its coordinators; "sal" then starts the day after the last one.
    const byRef = await s.api("POST", `/api/v1/tables/${w.openTable}/reports`, {
      token: w.refA.token,
      body: { preset: "sal" },
    });
    expect([byRef.status, byRef.body.error.code]).toEqual([403, "forbidden"]);
    const first = await s.api("POST", `/api/v1/tables/${w.openTable}/reports`, {
      token: w.coordinator.token,
      body: { preset: "sal" },
    });
    expect([first.status, first.body.period]).toEqual([201, { from: "2020-01-01", to: "2026-07-03" }]);
    s.clock.now = new Date("2026-09-30T08:00:00Z");
    const sal = await s.api("GET", tableReport("preset=sal"), { token: w.coordinator.token });
    expect(sal.body.period).toEqual({ from: "2026-07-04", to: "2026-09-30" });
    s.clock.now = new Date("2026-07-03T08:00:00Z");
  });

  it("serves the JSON Schema of the JSON format", async () => {
    const res = await s.api("GET", "/api/v1/report-schema.json");
    expect(res.status).toBe(200);
    expect(res.body.properties.sections.type).toBe("array");
    expect(res.body.required).toEqual(expect.arrayContaining(["title", "period", "sections"]));
  });
});
