import fc from "fast-check";
import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ruleAgreement } from "../../../test/support/rule-agreement.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import type { MembershipDoc } from "../memberships/documents.ts";
import type { TableDoc } from "./documents.ts";
import { isMembershipInForce, membershipInForce, seatsOnTable, seatsOnTableFilter } from "./sits-on-table.ts";

/** A few days around each other, so that generated dates fall before, on and after one another. */
const day = fc.constantFrom("2026-01-31", "2026-02-01", "2026-02-02", "2026-03-01");
const AGREEMENTS = [new ObjectId(), new ObjectId()];

/** Memberships of two agreements with every combination of operative day, withdrawal and founding. */
const membership = fc.record({
  agreement: fc.constantFrom(0, 1),
  founding: fc.boolean(),
  operativeFrom: day,
  withdrawal: fc.option(day, { nil: null }),
});

function toDoc(m: {
  agreement: number;
  founding: boolean;
  operativeFrom: string;
  withdrawal: string | null;
}): MembershipDoc {
  return {
    _id: new ObjectId(),
    agreementId: AGREEMENTS[m.agreement] as ObjectId,
    organisationId: new ObjectId(),
    seq: 0,
    founding: m.founding,
    receivedOn: m.operativeFrom,
    operativeFrom: m.operativeFrom,
    withdrawal: m.withdrawal
      ? { noticeGivenOn: m.operativeFrom, effectiveOn: m.withdrawal, reason: null }
      : null,
    createdAt: new Date(),
  };
}

describe("sits on the table on a day: the filter and the predicate agree", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it("on memberships of both agreements, for open and founders-only tables", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(membership, { maxLength: 12 }),
        fc.constantFrom<TableDoc["access"]>("open", "founders"),
        day,
        async (generated, access, on) => {
          const docs = generated.map(toDoc);
          const rule = ruleAgreement(s.c.memberships);
          await rule.hold(docs);
          const table = { agreementId: AGREEMENTS[0] as ObjectId, access };
          const seated = await rule.select(docs, seatsOnTableFilter(table, on), (m) =>
            seatsOnTable(m, table, on),
          );
          expect(seated.found).toEqual(seated.kept);
          const inForce = await rule.select(docs, membershipInForce(on), (m) => isMembershipInForce(m, on));
          expect(inForce.found).toEqual(inForce.kept);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("seats only founders at a founders-only table", () => {
    const m = toDoc({ agreement: 0, founding: false, operativeFrom: "2026-01-31", withdrawal: null });
    expect(seatsOnTable(m, { agreementId: m.agreementId, access: "open" }, "2026-02-01")).toBe(true);
    expect(seatsOnTable(m, { agreementId: m.agreementId, access: "founders" }, "2026-02-01")).toBe(false);
  });
});
