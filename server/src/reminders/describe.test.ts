import { describe, expect, it } from "vitest";
import { describeLeadMinutes } from "./describe.ts";

describe("describeLeadMinutes", () => {
  it("says a lead time the way a person would, in Italian and English", () => {
    const cases: [number, string, string][] = [
      [5, "5 minuti prima", "5 minutes before"],
      [30, "30 minuti prima", "30 minutes before"],
      [60, "1 ora prima", "1 hour before"],
      [90, "1 ora e 30 minuti prima", "1 hour and 30 minutes before"],
      [120, "2 ore prima", "2 hours before"],
      [1440, "1 giorno prima", "1 day before"],
      [1500, "1 giorno e 1 ora prima", "1 day and 1 hour before"],
      [1530, "1 giorno, 1 ora e 30 minuti prima", "1 day, 1 hour and 30 minutes before"],
      [1441, "1 giorno e 1 minuto prima", "1 day and 1 minute before"],
      [2880, "2 giorni prima", "2 days before"],
      [8640, "6 giorni prima", "6 days before"],
      [10080, "1 settimana prima", "1 week before"],
    ];
    for (const [minutes, it, en] of cases) {
      expect([describeLeadMinutes(minutes, "it"), describeLeadMinutes(minutes, "en")], `${minutes}`).toEqual([
        it,
        en,
      ]);
    }
  });

  it("never returns an empty phrase", () => {
    expect(describeLeadMinutes(0, "it")).toBe("0 minuti prima");
    expect(describeLeadMinutes(0, "en")).toBe("0 minutes before");
  });
});
