import fc from "fast-check";
import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ruleAgreement } from "../../../test/support/rule-agreement.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import type { MembershipDoc } from "./documents.ts";
import { membershipStatus, statusFilter } from "./status.ts";

const day = fc.constantFrom("2026-01-31", "2026-02-01", "2026-02-02");
const STATUSES = ["pending", "operative", "withdrawing", "withdrawn"] as const;

const membership = fc.record({ operativeFrom: day, withdrawal: fc.option(day, { nil: null }) }).map(
  (g): MembershipDoc => ({
    _id: new ObjectId(),
    agreementId: new ObjectId(),
    organisationId: new ObjectId(),
    seq: 0,
    founding: false,
    receivedOn: g.operativeFrom,
    operativeFrom: g.operativeFrom,
    withdrawal: g.withdrawal
      ? { noticeGivenOn: "2025-12-01", effectiveOn: g.withdrawal, reason: null }
      : null,
    createdAt: new Date(0),
  }),
);

describe("membership status on a day: statusFilter and membershipStatus agree", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it("for every status, on generated adhesions and withdrawals", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(membership, { maxLength: 12 }), day, async (docs, on) => {
        const rule = ruleAgreement(s.c.memberships);
        await rule.hold(docs);
        for (const status of STATUSES) {
          const { found, kept } = await rule.select(
            docs,
            statusFilter(status, on),
            (m) => membershipStatus(m, on) === status,
          );
          expect({ status, ids: found }).toEqual({ status, ids: kept });
        }
      }),
      { numRuns: 60 },
    );
  });
});
