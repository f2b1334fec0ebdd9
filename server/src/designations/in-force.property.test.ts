import fc from "fast-check";
import { type Filter, ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ruleAgreement } from "../../../test/support/rule-agreement.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import type { DesignationDoc } from "./documents.ts";
import {
  convenesTo,
  doesConveneTo,
  hasNotEndedBefore,
  inForceOn,
  isInForceOn,
  isStandingInForceOn,
  notEndedBefore,
  standingInForceOn,
} from "./in-force.ts";

const day = fc.constantFrom("2026-01-31", "2026-02-01", "2026-02-02", "2026-03-01");
const REFS = ["seduta-1", "seduta-2"];

const designation = fc
  .record({
    kind: fc.constantFrom<DesignationDoc["kind"]>("standing", "single_meeting"),
    meetingRef: fc.constantFrom(...REFS),
    from: day,
    to: fc.option(day, { nil: null }),
  })
  .map(
    (g): DesignationDoc => ({
      _id: new ObjectId(),
      agreementId: new ObjectId(),
      tableId: new ObjectId(),
      organisationId: new ObjectId(),
      personId: new ObjectId(),
      kind: g.kind,
      meetingRef: g.kind === "single_meeting" ? g.meetingRef : null,
      from: g.from,
      to: g.to,
      substitutedById: null,
      substitutesId: null,
      createdAt: new Date(0),
      createdBy: null,
    }),
  );

/** Each rule of in-force.ts as its filter and its predicate for one generated day and sitting. */
const PAIRS: [
  string,
  (on: string, ref: string) => Filter<DesignationDoc>,
  (d: DesignationDoc, on: string, ref: string) => boolean,
][] = [
  ["notEndedBefore", (on) => notEndedBefore(on), (d, on) => hasNotEndedBefore(d, on)],
  ["inForceOn", (on) => inForceOn(on), (d, on) => isInForceOn(d, on)],
  ["standingInForceOn", (on) => standingInForceOn(on), (d, on) => isStandingInForceOn(d, on)],
  ["convenesTo", (_on, ref) => convenesTo(ref), (d, _on, ref) => doesConveneTo(d, ref)],
];

describe("designation in force: each filter and its predicate agree", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it("on generated standing and single-sitting designations", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(designation, { maxLength: 12 }),
        day,
        fc.constantFrom(...REFS),
        async (docs, on, ref) => {
          const rule = ruleAgreement(s.c.designations);
          await rule.hold(docs);
          for (const [name, filter, predicate] of PAIRS) {
            const { found, kept } = await rule.select(docs, filter(on, ref), (d) => predicate(d, on, ref));
            expect({ name, ids: found }).toEqual({ name, ids: kept });
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("makes a referent of standing designations only, and convenes a single-sitting one to its sitting", () => {
    const base = { from: "2026-02-01", to: "2026-02-01" };
    expect(isStandingInForceOn({ ...base, kind: "standing", meetingRef: null }, "2026-02-01")).toBe(true);
    expect(
      isStandingInForceOn({ ...base, kind: "single_meeting", meetingRef: "seduta-1" }, "2026-02-01"),
    ).toBe(false);
    expect(doesConveneTo({ kind: "single_meeting", meetingRef: "seduta-1" }, "seduta-2")).toBe(false);
    expect(isInForceOn(base, "2026-02-02")).toBe(false);
  });
});
