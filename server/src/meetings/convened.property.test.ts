import fc from "fast-check";
import { ObjectId } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import type { DesignationDoc } from "../designations/documents.ts";
import type { MembershipDoc } from "../memberships/documents.ts";
import type { RsvpDoc } from "../rsvps/documents.ts";
import { createCtx } from "../shared/context.ts";
import type { TableDoc } from "../tables/documents.ts";
import { convenedPeople } from "./convened.ts";
import { type ConvenedPerson, convenedAmong } from "./convened-rule.ts";
import type { MeetingDoc } from "./documents.ts";
import { convenedAs, loadReach } from "./person-meetings.ts";

// Small pools so generated documents collide: the same person designated twice, delegating to a referent…
const PEOPLE = [0, 1, 2, 3, 4].map(() => new ObjectId());
const ORGS = [0, 1, 2].map(() => new ObjectId());
const AGREEMENTS = [new ObjectId(), new ObjectId()];
const TABLES = [new ObjectId(), new ObjectId()];
const MEETINGS = [new ObjectId(), new ObjectId()];
const DAY = "2026-02-01";
const day = fc.constantFrom("2026-01-31", DAY, "2026-02-02");
const pick = <T>(pool: T[]) => fc.nat({ max: pool.length - 1 }).map((i) => pool[i] as T);

const membership = fc.record({
  _id: fc.constant(null).map(() => new ObjectId()),
  // Mostly the table's agreement, so that memberships usually matter.
  agreementId: fc.oneof(
    { arbitrary: fc.constant(AGREEMENTS[0] as ObjectId), weight: 3 },
    { arbitrary: fc.constant(AGREEMENTS[1] as ObjectId), weight: 1 },
  ),
  organisationId: pick(ORGS),
  seq: fc.nat({ max: 1 }),
  founding: fc.boolean(),
  receivedOn: fc.constant("2025-01-01"),
  operativeFrom: day,
  withdrawal: fc.option(
    day.map((effectiveOn) => ({ noticeGivenOn: "2025-06-01", effectiveOn, reason: null })),
    { nil: null },
  ),
  createdAt: fc.constant(new Date(0)),
}) satisfies fc.Arbitrary<MembershipDoc>;

const designation = fc
  .record({
    _id: fc.constant(null).map(() => new ObjectId()),
    agreementId: fc.constant(AGREEMENTS[0] as ObjectId),
    tableId: pick(TABLES),
    organisationId: pick(ORGS),
    personId: pick(PEOPLE),
    kind: fc.constantFrom<DesignationDoc["kind"]>("standing", "single_meeting"),
    meetingRef: pick(MEETINGS).map((id) => id.toHexString()),
    from: day,
    to: fc.option(day, { nil: null }),
    substitutedById: fc.constant(null),
    substitutesId: fc.constant(null),
    createdAt: fc.constant(new Date(0)),
    createdBy: fc.constant(null),
  })
  .map((d) => ({ ...d, meetingRef: d.kind === "single_meeting" ? d.meetingRef : null }));

const rsvp = fc
  .record({
    _id: fc.constant(null).map(() => new ObjectId()),
    meetingId: pick(MEETINGS),
    personId: pick(PEOPLE),
    organisationId: fc.option(pick(ORGS), { nil: null }),
    answer: fc.constantFrom<RsvpDoc["answer"]>("presenza", "delega"),
    delegateId: pick(PEOPLE),
    answeredBy: fc.constant(PEOPLE[0] as ObjectId),
    answeredAt: fc.constant(new Date(0)),
  })
  .map((r) => ({ ...r, delegateId: r.answer === "delega" ? r.delegateId : null }));

const world = fc.record({
  access: fc.constantFrom<TableDoc["access"]>("open", "founders"),
  coordinators: fc.subarray(PEOPLE, { maxLength: 2 }),
  // Within the unique indexes: a membership per agreement, organisation and seq; a designation per start.
  memberships: fc.uniqueArray(membership, {
    maxLength: 5,
    selector: (m) => `${m.agreementId.toHexString()}:${m.organisationId.toHexString()}:${m.seq}`,
  }),
  designations: fc.uniqueArray(designation, {
    maxLength: 8,
    selector: (d) =>
      [d.tableId, d.organisationId, d.personId].map((id) => id.toHexString()).join(":") + d.from,
  }),
  // One answer per person and sitting.
  rsvps: fc.uniqueArray(rsvp, {
    maxLength: 5,
    selector: (r) => `${r.meetingId.toHexString()}:${r.personId.toHexString()}`,
  }),
});

const shown = (p: ConvenedPerson | null | undefined) =>
  p ? { person: p.personId.toHexString(), role: p.role, org: p.organisationId?.toHexString() ?? null } : null;

describe("who is convened: the database filters, the rule in memory and a person's own view agree", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it("on generated memberships, designations and delegations", async () => {
    const ctx = createCtx({ db: s.db, bus: s.bus });
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        await Promise.all([
          s.c.memberships.deleteMany({}),
          s.c.designations.deleteMany({}),
          s.c.rsvps.deleteMany({}),
        ]);
        if (w.memberships.length) await s.c.memberships.insertMany(w.memberships);
        if (w.designations.length) await s.c.designations.insertMany(w.designations);
        if (w.rsvps.length) await s.c.rsvps.insertMany(w.rsvps);
        const table = {
          _id: TABLES[0],
          agreementId: AGREEMENTS[0],
          access: w.access,
          coordinatorIds: w.coordinators,
        };
        const meeting = { _id: MEETINGS[0], startsAt: new Date(`${DAY}T09:00:00Z`) } as MeetingDoc;
        const fromDb = (await convenedPeople(ctx, meeting, table as TableDoc)).map(shown);
        const inMemory = convenedAmong(meeting, table as TableDoc, w).map(shown);
        expect(fromDb).toEqual(inMemory);
        for (const personId of PEOPLE) {
          const reach = await loadReach(ctx, personId, DAY);
          const own = shown(convenedAs(reach, meeting, table as TableDoc));
          expect(own).toEqual(fromDb.find((p) => p?.person === personId.toHexString()) ?? null);
        }
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});
