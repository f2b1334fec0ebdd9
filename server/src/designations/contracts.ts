import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonContent as json, jsonBody } from "../shared/openapi.ts";
import { pageQuery } from "../shared/pagination.ts";
import { backdatingReason, idParam, isoDate, objectId, pageOf } from "../shared/schemas.ts";

export const designationInput = z
  .strictObject({
    organisationId: objectId,
    personId: objectId,
    from: isoDate.openapi({
      description:
        "First day; for a single-meeting delegate, the meeting day. Before today only from admins and coordinators, with backdatingReason",
    }),
    kind: z.enum(["standing", "single_meeting"]).default("standing"),
    meetingRef: z.string().trim().min(1).max(200).nullable().default(null),
    backdatingReason,
  })
  .refine((d) => d.kind === "single_meeting" || d.meetingRef === null, {
    message:
      "meetingRef solo per i delegati a una singola seduta / meetingRef only for single-meeting delegates",
    path: ["meetingRef"],
  })
  .openapi("DesignationInput");

export const substitutionInput = z
  .strictObject({
    personId: objectId,
    from: isoDate.openapi({ description: "First day of the new referent; the old one ends the day before" }),
    backdatingReason,
  })
  .openapi("SubstitutionInput");

export const endInput = z
  .strictObject({ to: isoDate.openapi({ description: "Last day included" }) })
  .openapi("DesignationEnd");

export const designation = z
  .object({
    id: z.string(),
    agreementId: z.string(),
    tableId: z.string(),
    organisationId: z.string(),
    organisationName: z.string().nullable(),
    personId: z.string(),
    personName: z.string().nullable(),
    email: z.string().optional().openapi({ description: "Only for admins and for the person themself" }),
    kind: z.enum(["standing", "single_meeting"]),
    meetingRef: z.string().nullable(),
    from: z.string(),
    to: z.string().nullable(),
    substitutesId: z.string().nullable(),
    substitutedById: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Designation");

const tags = ["Designations"];
const secured = { tags, security: authenticated };
const writeErrors = {
  ...errorsFor(400, 401, 403, 404, 409),
};

export const tableDesignationsRoute = createRoute({
  ...secured,
  method: "get",
  path: "/tables/{id}/designations",
  summary: "The referents sitting on a table on a day (default today)",
  request: { params: idParam, query: z.object({ on: isoDate.optional() }) },
  responses: {
    200: {
      description: "Designations in force",
      ...json(z.object({ on: z.string(), items: z.array(designation) }).openapi("TableReferents")),
    },
    ...errorsFor(400, 401, 404),
  },
});

export const designateRoute = createRoute({
  ...secured,
  method: "post",
  path: "/tables/{id}/designations",
  summary: "Register an organisation's designation of a referent (its referents, or the agreement's admins)",
  request: { params: idParam, body: jsonBody(designationInput) },
  responses: { 201: { description: "Designated", ...json(designation) }, ...writeErrors },
});

export const substituteRoute = createRoute({
  ...secured,
  method: "post",
  path: "/designations/{id}/substitute",
  summary: "Replace a referent: the designation ends the day before the new one starts; the table is told",
  request: { params: idParam, body: jsonBody(substitutionInput) },
  responses: { 201: { description: "The new designation", ...json(designation) }, ...writeErrors },
});

export const endDesignationRoute = createRoute({
  ...secured,
  method: "post",
  path: "/designations/{id}/end",
  summary: "End a standing designation on a day",
  request: { params: idParam, body: jsonBody(endInput) },
  responses: { 200: { description: "Ended", ...json(designation) }, ...writeErrors },
});

export const organisationDesignationsRoute = createRoute({
  ...secured,
  method: "get",
  path: "/organisations/{id}/designations",
  summary: "An organisation's designations, past and present",
  request: { params: idParam, query: pageQuery },
  responses: {
    200: { description: "History", ...json(pageOf(designation, "DesignationPage")) },
    ...errorsFor(400, 401, 404),
  },
});
