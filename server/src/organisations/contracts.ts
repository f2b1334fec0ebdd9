import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonContent as json, jsonBody } from "../shared/openapi.ts";
import { pageQuery } from "../shared/pagination.ts";
import { idParam, pageOf, text } from "../shared/schemas.ts";

/** The kinds of member body named by the agreements (DOMAIN.md, "parte / soggetto aderente"). */
export const organisationKinds = [
  "comune",
  "unione_di_comuni",
  "provincia",
  "citta_metropolitana",
  "regione",
  "societa_in_house",
  "consorzio",
  "associazione",
  "gestore_servizio_pubblico",
] as const;

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().default(null);

export const organisationInput = z
  .strictObject({
    name: text(200),
    kind: z.enum(organisationKinds),
    istatCode: z
      .string()
      .regex(/^\d{6}$/, "codice ISTAT di 6 cifre / 6-digit ISTAT code")
      .nullable()
      .default(null),
    ipaCode: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{2,40}$/, "codice IPA non valido / invalid IPA code")
      .nullable()
      .default(null),
    region: optionalText(100),
    province: optionalText(100),
    provinceCode: z
      .string()
      .regex(/^\d{3}$/)
      .nullable()
      .default(null),
    plate: z
      .string()
      .regex(/^[A-Z]{2}$/, "sigla di 2 lettere maiuscole / 2 uppercase letters")
      .nullable()
      .default(null),
    cadastralCode: z
      .string()
      .regex(/^[A-Z]\d{3}$/)
      .nullable()
      .default(null),
    population: z.number().int().min(0).max(100_000_000).nullable().default(null),
    website: z
      .url({ protocol: /^https$/, hostname: z.regexes.domain })
      .max(300)
      .nullable()
      .default(null)
      .openapi({ example: "https://www.comune.caltagirone.ct.it" }),
  })
  .openapi("OrganisationInput");

// Built from the same fields without defaults, so a PATCH never resets what it does not mention.
export const organisationPatch = z
  .strictObject({
    name: text(200),
    kind: z.enum(organisationKinds),
    istatCode: organisationInput.shape.istatCode.removeDefault(),
    ipaCode: organisationInput.shape.ipaCode.removeDefault(),
    region: organisationInput.shape.region.removeDefault(),
    province: organisationInput.shape.province.removeDefault(),
    provinceCode: organisationInput.shape.provinceCode.removeDefault(),
    plate: organisationInput.shape.plate.removeDefault(),
    cadastralCode: organisationInput.shape.cadastralCode.removeDefault(),
    population: organisationInput.shape.population.removeDefault(),
    website: organisationInput.shape.website.removeDefault(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, "nessun campo da modificare / nothing to change")
  .openapi("OrganisationPatch");

export const organisationQuery = pageQuery.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: "Part of the name (case-insensitive)" }),
  kind: z.enum(organisationKinds).optional(),
  region: z.string().trim().min(1).max(100).optional().openapi({ description: "Region name, e.g. Sicilia" }),
  province: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: "Province car-plate code (CT) or name (Catania)" }),
});

export const organisation = z
  .object({
    id: z.string(),
    key: z.string().openapi({ example: "istat:087011" }),
    name: z.string(),
    kind: z.enum(organisationKinds),
    istatCode: z.string().nullable(),
    istatName: z
      .string()
      .nullable()
      .openapi({ description: "Official ISTAT name, kept by the import; `name` is the organisation's own" }),
    ipaCode: z.string().nullable(),
    region: z.string().nullable(),
    province: z.string().nullable(),
    provinceCode: z.string().nullable(),
    plate: z.string().nullable(),
    cadastralCode: z.string().nullable(),
    population: z.number().nullable(),
    website: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Organisation");

export const importSummary = z
  .object({
    total: z.number(),
    inserted: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    ms: z.number(),
  })
  .openapi("ImportSummary");

export const listOrganisationsRoute = createRoute({
  method: "get",
  path: "/organisations",
  tags: ["Organisations"],
  summary: "List organisations (public), filtered by name, kind, region or province",
  request: { query: organisationQuery },
  responses: {
    200: { description: "A page of organisations", ...json(pageOf(organisation, "OrganisationPage")) },
    ...errorsFor(400),
  },
});

export const getOrganisationRoute = createRoute({
  method: "get",
  path: "/organisations/{id}",
  tags: ["Organisations"],
  summary: "One organisation (public)",
  request: { params: idParam },
  responses: {
    200: { description: "The organisation", ...json(organisation) },
    ...errorsFor(400, 404),
  },
});

export const createOrganisationRoute = createRoute({
  method: "post",
  path: "/organisations",
  tags: ["Organisations"],
  summary: "Register an organisation (installation admin or agreement admin)",
  security: authenticated,
  request: { body: jsonBody(organisationInput) },
  responses: {
    201: { description: "Created", ...json(organisation) },
    ...errorsFor(400, 401, 403, 409),
  },
});

export const updateOrganisationRoute = createRoute({
  method: "patch",
  path: "/organisations/{id}",
  tags: ["Organisations"],
  summary: "Correct an organisation's record (its own referents or an installation admin)",
  security: authenticated,
  request: { params: idParam, body: jsonBody(organisationPatch) },
  responses: {
    200: { description: "Updated", ...json(organisation) },
    ...errorsFor(400, 401, 403, 404, 409),
  },
});

export const importIstatRoute = createRoute({
  method: "post",
  path: "/organisations/import-istat",
  tags: ["Organisations"],
  summary: "Import or refresh the 7,904 comuni of the bundled ISTAT list (installation admin; idempotent)",
  security: authenticated,
  responses: {
    200: { description: "What the import did", ...json(importSummary) },
    ...errorsFor(401, 403),
  },
});
