import { describe, expect, it } from "vitest";
import { sectionCsv } from "./formats.ts";
import { inPeriod, periodInstants, resolvePeriod } from "./period.ts";

const context = { today: "2026-09-30", previousEnd: null, signedOn: "2020-03-15" };

describe("report periods", () => {
  it("bounds a half-year by Rome days: 1 July 00:30 in Rome is the second half, 30 June 23:30 the first", () => {
    const { period } = resolvePeriod({ preset: "semestrale", year: 2026, half: 1 }, context);
    expect(period).toEqual({ from: "2026-01-01", to: "2026-06-30" });
    expect(periodInstants(period)).toEqual({
      start: new Date("2025-12-31T23:00:00Z"),
      end: new Date("2026-06-30T22:00:00Z"),
    });
    expect(inPeriod(new Date("2026-06-30T21:30:00Z"), period)).toBe(true);
    expect(inPeriod(new Date("2026-06-30T22:30:00Z"), period)).toBe(false);
    expect(inPeriod(new Date("2025-12-31T22:59:00Z"), period)).toBe(false);
    const h2 = resolvePeriod({ preset: "semestrale", year: 2026, half: 2 }, context).period;
    expect(inPeriod(new Date("2026-06-30T22:30:00Z"), h2)).toBe(true);
    expect(periodInstants(h2).end).toEqual(new Date("2026-12-31T23:00:00Z"));
  });

  it("starts a SAL the day after the previous issued report, else at the signing, and ends today", () => {
    expect(resolvePeriod({ preset: "sal" }, context).period).toEqual({
      from: "2020-03-15",
      to: "2026-09-30",
    });
    expect(resolvePeriod({ preset: "sal" }, { ...context, previousEnd: "2026-06-30" }).period).toEqual({
      from: "2026-07-01",
      to: "2026-09-30",
    });
    expect(() => resolvePeriod({ preset: "sal" }, { ...context, signedOn: null })).toThrow(
      expect.objectContaining({ code: "report_period_invalid" }),
    );
    expect(() => resolvePeriod({ from: "2026-05-02", to: "2026-05-01" }, context)).toThrow(
      expect.objectContaining({ code: "date_order" }),
    );
    expect(resolvePeriod({ from: "2026-05-01", to: "2026-05-01" }, context)).toEqual({
      preset: "personalizzato",
      period: { from: "2026-05-01", to: "2026-05-01" },
    });
  });
});

describe("CSV for Italian spreadsheets", () => {
  it("writes a BOM, `;`, CRLF, decimal commas, sì/no, quotes where needed and no formulas", () => {
    const csv = sectionCsv({
      key: "x",
      title: { it: "X", en: "X" },
      summary: [],
      columns: [
        { key: "text", label: { it: "Testo", en: "Text" } },
        { key: "rate", label: { it: "Tasso; %", en: "Rate" } },
        { key: "ok", label: { it: "Raggiunto", en: "Reached" } },
        { key: "none", label: { it: "Vuoto", en: "Empty" } },
      ],
      rows: [
        { text: '=HYPERLINK("http://x")', rate: 85.7, ok: true, none: null },
        { text: 'riga\ncon "virgolette"', rate: -3, ok: false, none: "" },
      ],
    });
    expect(csv).toBe(
      '\ufeffTesto;"Tasso; %";Raggiunto;Vuoto\r\n' +
        `"'=HYPERLINK(""http://x"")";85,7;sì;\r\n` +
        '"riga\ncon ""virgolette""";-3;no;\r\n',
    );
  });
});
