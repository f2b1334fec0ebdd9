import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, isRealDate } from "./dates.ts";
import { AppError } from "./errors.ts";
import { isoDate, objectId, parseId } from "./schemas.ts";

const HEX24 = /^[0-9a-fA-F]{24}$/;
const iso = (date: Date) => date.toISOString().slice(0, 10);
/** Calendar days between 1900 and 2200: what agreements, adhesions and designations will ever carry. */
const day = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-12-31T00:00:00Z"), noInvalidDate: true })
  .map(iso);
/** Strings that look almost like ids or dates, besides fully arbitrary ones. */
const nearMisses = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEFg-"), minLength: 20, maxLength: 28 }),
  fc
    .tuple(
      fc.integer({ min: 0, max: 99999 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
    )
    .map(
      ([y, m, d]) =>
        `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
    ),
);

describe("validators never crash on arbitrary input", () => {
  it("parseId returns the same id or throws invalid_id", () => {
    fc.assert(
      fc.property(nearMisses, (value) => {
        try {
          const id = parseId(value);
          expect(HEX24.test(value)).toBe(true);
          expect(id.toHexString()).toBe(value.toLowerCase());
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe("invalid_id");
          expect(HEX24.test(value)).toBe(false);
        }
      }),
    );
  });

  it("the objectId schema accepts exactly the 24-hex strings", () => {
    fc.assert(
      fc.property(nearMisses, (value) => {
        expect(objectId.safeParse(value).success).toBe(HEX24.test(value));
      }),
    );
  });

  it("the isoDate schema accepts exactly the real dates", () => {
    fc.assert(
      fc.property(fc.oneof(nearMisses, day), (value) => {
        expect(isoDate.safeParse(value).success).toBe(isRealDate(value));
      }),
    );
  });
});

describe("calendar arithmetic", () => {
  it("isRealDate agrees with Date on every YYYY-MM-DD from year 1000", () => {
    const parts = fc.tuple(
      fc.integer({ min: 1000, max: 9999 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 }),
    );
    fc.assert(
      fc.property(parts, ([y, m, d]) => {
        const text = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const date = new Date(`${text}T00:00:00Z`);
        const exists = !Number.isNaN(date.getTime()) && iso(date) === text;
        expect(isRealDate(text)).toBe(exists);
      }),
    );
  });

  it("every real date is accepted, and adding days keeps it real", () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: -5000, max: 5000 }),
        (d, n) => isRealDate(d) && isRealDate(addDays(d, n)),
      ),
    );
  });

  it("addDays goes back and forth, composes, and moves by exactly n days", () => {
    const n = fc.integer({ min: -20_000, max: 20_000 });
    fc.assert(
      fc.property(day, n, n, (d, a, b) => {
        expect(addDays(addDays(d, a), -a)).toBe(d);
        expect(addDays(addDays(d, a), b)).toBe(addDays(d, a + b));
        expect(Date.parse(addDays(d, a)) - Date.parse(d)).toBe(a * 86_400_000);
      }),
    );
  });

  it("addMonths stays real, clamps to the month's end, and goes back when the day exists in every month", () => {
    const n = fc.integer({ min: -1200, max: 1200 });
    fc.assert(
      fc.property(day, n, (d, months) => {
        const moved = addMonths(d, months);
        expect(isRealDate(moved)).toBe(true);
        const [y, m] = d.split("-").map(Number) as [number, number];
        const target = new Date(Date.UTC(y, m - 1 + months, 1));
        expect(moved.slice(0, 7)).toBe(iso(target).slice(0, 7));
        expect(Number(moved.slice(8))).toBeLessThanOrEqual(Number(d.slice(8)));
        if (Number(d.slice(8)) <= 28) expect(addMonths(moved, -months)).toBe(d);
      }),
    );
  });

  it("twelve months are a year, except that 29 February clamps", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -100, max: 100 }), (d, years) => {
        const moved = addMonths(d, 12 * years);
        if (d.slice(5) === "02-29") expect(["02-28", "02-29"]).toContain(moved.slice(5));
        else expect(moved.slice(5)).toBe(d.slice(5));
      }),
    );
  });
});
