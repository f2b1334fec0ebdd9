import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgreement, makeOrganisation, makeTable } from "./support/factories.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

/** Bodies that are nearly right: real field names with values of any JSON type, plus stray fields. */
const nearlyRight = (fields: string[]) =>
  fc.dictionary(
    fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 12 })),
    fc.jsonValue({ maxDepth: 2 }),
    {
      maxKeys: fields.length + 2,
    },
  );

const WRITES = [
  {
    path: (ids: Ids) => `/api/v1/agreements/${ids.agreementId}/adhesions`,
    fields: ["organisationId", "receivedOn", "founding"],
  },
  {
    path: (ids: Ids) => `/api/v1/agreements/${ids.agreementId}/withdrawals`,
    fields: ["organisationId", "noticeGivenOn", "reason"],
  },
  { path: () => "/api/v1/organisations", fields: ["name", "kind", "istatCode", "ipaCode", "website"] },
  {
    path: (ids: Ids) => `/api/v1/agreements/${ids.agreementId}/tables`,
    fields: ["name", "kind", "theme", "access", "coordinatorIds"],
  },
  { path: () => "/api/v1/people", fields: ["name", "email", "locale"] },
  {
    path: (ids: Ids) => `/api/v1/tables/${ids.tableId}/meetings`,
    fields: ["title", "startsAt", "endsAt", "mode", "place", "videoLink", "agenda", "rsvpDeadline", "quorum"],
  },
  // A push action's token: anything but a genuine one is refused before a use case runs.
  { path: () => "/api/v1/rsvp-actions", fields: ["token"] },
  {
    path: (ids: Ids) => `/api/v1/tables/${ids.tableId}/meeting-series`,
    fields: ["title", "startsAt", "endsAt", "mode", "place", "videoLink", "agenda", "quorum", "rrule"],
  },
];

type Ids = { agreementId: string; tableId: string };

describe("bad input never reaches the database and never yields a 5xx (property)", () => {
  let s: TestServer;
  let admin: { token: string };
  let ids: Ids;
  beforeAll(async () => {
    s = await startTestServer();
    admin = await s.createPerson({ admin: true });
    const agreementId = (await makeAgreement(s, admin.token)).id;
    ids = { agreementId, tableId: (await makeTable(s, admin.token, agreementId)).id };
    await makeOrganisation(s, "Comune di Prova");
  });
  afterAll(() => s.close());

  async function counts() {
    const names = ["memberships", "organisations", "tables", "people", "meetings", "auditLog"];
    return Promise.all(names.map((name) => s.db.collection(name).countDocuments()));
  }

  for (const write of WRITES) {
    it(`POST ${write.path({ agreementId: "{id}", tableId: "{id}" })}`, async () => {
      await fc.assert(
        fc.asyncProperty(nearlyRight(write.fields), async (body) => {
          const before = await counts();
          const response = await s.api("POST", write.path(ids), { token: admin.token, body });
          if (response.status < 300) {
            // A generated body that happens to be valid is fine: undo nothing, just check the shape.
            expect(response.body.id ?? response.body.seriesId).toBeTypeOf("string");
            return;
          }
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expect(response.body.error.code).toMatch(/^[a-z_]+$/);
          expect(response.body.error.message.length).toBeGreaterThan(0);
          expect(await counts()).toEqual(before);
        }),
        { numRuns: 25 },
      );
    });
  }
});
