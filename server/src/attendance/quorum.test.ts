import { describe, expect, it } from "vitest";
import { computeQuorum } from "./quorum.ts";

const majority = { kind: "majority" } as const;
const orgs = (n: number) => Array.from({ length: n }, (_, i) => `org${i + 1}`);

describe("computeQuorum", () => {
  it("needs more than half of the members: 3 of 4, 3 of 5, 1 of 1", () => {
    expect(computeQuorum(majority, orgs(4), ["org1", "org2"])).toEqual({
      rule: majority,
      memberOrganisations: 4,
      representedOrganisations: 2,
      required: 3,
      reached: false,
    });
    expect(computeQuorum(majority, orgs(4), ["org1", "org2", "org3"]).reached).toBe(true);
    expect(computeQuorum(majority, orgs(5), ["org1", "org2", "org3"])).toMatchObject({
      required: 3,
      reached: true,
    });
    expect(computeQuorum(majority, orgs(5), ["org1", "org2"]).reached).toBe(false);
    expect(computeQuorum(majority, orgs(1), ["org1"])).toMatchObject({ required: 1, reached: true });
  });

  it("cannot be reached by a majority of a table with no members", () => {
    expect(computeQuorum(majority, [], [])).toMatchObject({
      memberOrganisations: 0,
      representedOrganisations: 0,
      required: 1,
      reached: false,
    });
  });

  it("counts each organisation once, and never coordinators (null) or non-members", () => {
    const outcome = computeQuorum(majority, orgs(3), ["org1", "org1", null, "elsewhere", "org2"]);
    expect(outcome).toMatchObject({ representedOrganisations: 2, required: 2, reached: true });
  });

  it("is always reached under the rule none, even by an empty room", () => {
    expect(computeQuorum({ kind: "none" }, orgs(6), [])).toMatchObject({ required: 0, reached: true });
    expect(computeQuorum({ kind: "none" }, [], [])).toMatchObject({ required: 0, reached: true });
  });

  it("needs the fixed number, whatever the table's size, even when it exceeds the members", () => {
    const fixed = { kind: "fixed", organisations: 2 } as const;
    expect(computeQuorum(fixed, orgs(10), ["org1", "org2"])).toMatchObject({ required: 2, reached: true });
    expect(computeQuorum(fixed, orgs(10), ["org1"]).reached).toBe(false);
    expect(computeQuorum({ kind: "fixed", organisations: 3 }, orgs(2), ["org1", "org2"])).toMatchObject({
      required: 3,
      reached: false,
    });
  });
});
