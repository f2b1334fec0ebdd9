import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonContent as json, jsonBody } from "../shared/openapi.ts";
import { pageQuery } from "../shared/pagination.ts";
import { idParam, isoDate, nonEmptyPatch, objectId, pageOf, text } from "../shared/schemas.ts";

export const noticeSchema = z.strictObject({
  amount: z.number().int().min(0).max(3650),
  unit: z.enum(["days", "months"]),
});

/** The terms an admin may change; kept free of defaults so a PATCH never resets what it does not name. */
const agreementTerms = {
  title: text(300),
  shortName: text(80),
  kind: text(80),
  description: z.string().trim().max(5000),
  signedOn: isoDate.nullable(),
  adhesionDelayDays: z.number().int().min(0).max(365).openapi({ description: "0 = operative on receipt" }),
  withdrawalNotice: noticeSchema,
  sourceRef: z.string().trim().max(300).nullable(),
};

export const agreementInput = z
  .strictObject({
    slug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "solo minuscole, cifre e trattini / lowercase, digits and dashes"),
    ...agreementTerms,
    kind: agreementTerms.kind.default("accordo"),
    description: agreementTerms.description.default(""),
    signedOn: agreementTerms.signedOn.default(null),
    sourceRef: agreementTerms.sourceRef.default(null),
  })
  .openapi("AgreementInput");

export const agreementPatch = nonEmptyPatch(z.strictObject(agreementTerms).partial()).openapi(
  "AgreementPatch",
);

export const agreement = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    shortName: z.string(),
    kind: z.string(),
    description: z.string(),
    signedOn: z.string().nullable(),
    adhesionDelayDays: z.number(),
    withdrawalNotice: noticeSchema,
    sourceRef: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Agreement");

export const listAgreementsRoute = createRoute({
  method: "get",
  path: "/agreements",
  tags: ["Agreements"],
  summary: "List agreements (public)",
  request: { query: pageQuery },
  responses: {
    200: { description: "A page of agreements", ...json(pageOf(agreement, "AgreementPage")) },
    ...errorsFor(400),
  },
});

export const getAgreementRoute = createRoute({
  method: "get",
  path: "/agreements/{id}",
  tags: ["Agreements"],
  summary: "One agreement (public)",
  request: { params: idParam },
  responses: {
    200: { description: "The agreement", ...json(agreement) },
    ...errorsFor(400, 404),
  },
});

export const createAgreementRoute = createRoute({
  method: "post",
  path: "/agreements",
  tags: ["Agreements"],
  summary: "Create an agreement (installation admin)",
  security: authenticated,
  request: { body: jsonBody(agreementInput) },
  responses: {
    201: { description: "Created", ...json(agreement) },
    ...errorsFor(400, 401, 403, 409),
  },
});

export const updateAgreementRoute = createRoute({
  method: "patch",
  path: "/agreements/{id}",
  tags: ["Agreements"],
  summary: "Change an agreement's terms (agreement admin)",
  security: authenticated,
  request: { params: idParam, body: jsonBody(agreementPatch) },
  responses: {
    200: { description: "Updated", ...json(agreement) },
    ...errorsFor(400, 401, 403, 404),
  },
});

export const addAgreementAdminRoute = createRoute({
  method: "post",
  path: "/agreements/{id}/admins",
  tags: ["Agreements"],
  summary: "Make a person an administrator of the agreement (installation admin)",
  security: authenticated,
  request: { params: idParam, body: jsonBody(z.strictObject({ personId: objectId })) },
  responses: {
    201: { description: "Granted", ...json(z.object({ agreementId: z.string(), personId: z.string() })) },
    ...errorsFor(400, 401, 403, 404, 409),
  },
});
