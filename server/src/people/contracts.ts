import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonContent as json, jsonBody } from "../shared/openapi.ts";
import { pageQuery } from "../shared/pagination.ts";
import { idParam, pageOf, text } from "../shared/schemas.ts";

const locale = z.enum(["it", "en"]);

/** Lower-cased and trimmed before validation so the unique index sees one spelling per address. */
const email = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const personInput = z
  .strictObject({ name: text(200), email, locale: locale.default("it") })
  .openapi("PersonInput");

export const personPatch = z
  .strictObject({ name: text(200).optional(), locale: locale.optional() })
  .refine((patch) => Object.keys(patch).length > 0, "nessun campo da modificare / nothing to change")
  .openapi("PersonPatch");

export const person = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    locale,
    isInstallationAdmin: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Person");

export const me = person
  .extend({
    agreementAdminOf: z.array(z.string()),
    coordinatorOf: z.array(z.string()),
    referentFor: z.array(z.string()).openapi({ description: "Organisations the person represents today" }),
  })
  .openapi("Me");

const tags = ["People"];
const secured = { tags, security: authenticated };

export const createPersonRoute = createRoute({
  ...secured,
  method: "post",
  path: "/people",
  summary: "Register a person (admins, or a referent registering a colleague to designate)",
  request: { body: jsonBody(personInput) },
  responses: {
    201: { description: "Created", ...json(person) },
    ...errorsFor(400, 401, 403, 409),
  },
});

export const getMeRoute = createRoute({
  ...secured,
  method: "get",
  path: "/people/me",
  summary: "My data and my roles today",
  responses: { 200: { description: "Me", ...json(me) }, ...errorsFor(401) },
});

export const updateMeRoute = createRoute({
  ...secured,
  method: "patch",
  path: "/people/me",
  summary: "Correct my own data (GDPR art. 16)",
  request: { body: jsonBody(personPatch) },
  responses: { 200: { description: "Updated", ...json(me) }, ...errorsFor(400, 401) },
});

export const exportMeRoute = createRoute({
  ...secured,
  method: "get",
  path: "/people/me/export",
  summary: "Download everything held about me (GDPR art. 15 and 20), as a JSON attachment",
  responses: {
    200: { description: "My data", ...json(z.record(z.string(), z.unknown()).openapi("PersonalDataExport")) },
    ...errorsFor(401),
  },
});

export const getPersonRoute = createRoute({
  ...secured,
  method: "get",
  path: "/people/{id}",
  summary: "One person (self, installation admin, or admin of an agreement where they are a referent)",
  request: { params: idParam },
  responses: {
    200: { description: "The person", ...json(person) },
    ...errorsFor(400, 401, 403, 404),
  },
});

export const listPeopleRoute = createRoute({
  ...secured,
  method: "get",
  path: "/people",
  summary: "List people (installation admin)",
  request: {
    query: pageQuery.extend({
      q: z.string().trim().max(100).optional().openapi({ description: "Part of the name or e-mail" }),
    }),
  },
  responses: {
    200: { description: "A page of people", ...json(pageOf(person, "PersonPage")) },
    ...errorsFor(400, 401, 403),
  },
});

export const eraseMeRoute = createRoute({
  ...secured,
  method: "delete",
  path: "/people/me",
  summary: "Erase my personal data (GDPR art. 17); the organisations' acts stay, with my name removed",
  responses: { 204: { description: "Erased; the session ends" }, ...errorsFor(401) },
});

export const erasePersonRoute = createRoute({
  ...secured,
  method: "delete",
  path: "/people/{id}",
  summary: "Erase a person's personal data (installation admin, on request)",
  request: { params: idParam },
  responses: { 204: { description: "Erased" }, ...errorsFor(400, 401, 403, 404) },
});
