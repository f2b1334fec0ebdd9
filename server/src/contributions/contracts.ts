import { createRoute, z } from "@hono/zod-openapi";
import { attachment } from "../attachments/index.ts";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { pageQuery } from "../shared/pagination.ts";
import { confidentialFlag, idParam, objectId, pageOf, text } from "../shared/schemas.ts";
import { CONTRIBUTION_KINDS, CONTRIBUTION_LICENCES, CONTRIBUTION_SOURCES } from "./kinds.ts";

const licence = z
  .enum(CONTRIBUTION_LICENCES)
  .nullable()
  .openapi({
    description:
      "The licence the material may be reused under: CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, IODL-2.0, EUPL-1.2, " +
      "or riservato (not for reuse); null when none is stated",
  });

const kind = z.enum(CONTRIBUTION_KINDS).openapi({
  description:
    "documento, buona_pratica (good practice), dataset, soluzione (reusable solution) or commento (comment)",
});

/**
 * What a contribution says, checked the same way for the API and the Slack bot (the use case parses it
 * again). The link's scheme and presence are domain rules with their own error codes (rules.ts).
 */
export const contributionContent = z.object({
  kind,
  title: text(300),
  description: z.string().trim().max(5000).default(""),
  url: z.string().trim().max(2000).nullable().default(null).openapi({
    format: "uri",
    description: "http(s) link to the material; required for every kind but `commento`",
  }),
});

export const contributionInput = z
  .strictObject({
    ...contributionContent.shape,
    organisationId: objectId.openapi({ description: "The organisation it is brought for (yours)" }),
    confidential: confidentialFlag,
    licence: licence.default(null),
    meetingId: objectId
      .nullable()
      .default(null)
      .openapi({ description: "The sitting of this table it was brought to, if any" }),
  })
  .openapi("ContributionInput");

export const contributionQuery = pageQuery.extend({
  kind: kind.optional(),
  organisationId: objectId.optional(),
  includeWithdrawn: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true")
    .openapi({ description: "Also list withdrawn contributions (kept in the history)" }),
});

export const contribution = z
  .object({
    id: z.string(),
    tableId: z.string(),
    agreementId: z.string(),
    organisationId: z.string(),
    organisationName: z.string().nullable(),
    meetingId: z.string().nullable(),
    kind,
    title: z.string(),
    description: z.string(),
    url: z.string().nullable(),
    confidential: z.boolean(),
    licence,
    source: z.enum(CONTRIBUTION_SOURCES),
    authorId: z.string(),
    authorName: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    withdrawnAt: z.string().nullable(),
  })
  .openapi("Contribution");

export const contributionPage = pageOf(contribution, "ContributionPage");

export const contributionWithFiles = contribution
  .extend({ attachments: z.array(attachment).openapi({ description: "Its files, oldest first" }) })
  .openapi("ContributionWithFiles");

const tags = ["Contributions"];

export const logRoute = createRoute({
  method: "post",
  path: "/tables/{id}/contributions",
  tags,
  summary: "Bring a document, good practice, dataset, reusable solution or comment to the table",
  description:
    "A referent, for their own organisation (`other_organisation` otherwise), or an installation admin. " +
    "The organisation must sit on the table today (`organisation_not_on_table`); `meetingId`, if given, " +
    "must be a sitting of this table. Every kind but `commento` needs an http(s) `url`. " +
    "Emits `contribution.logged`, whose payload carries the title only when the contribution is not confidential.",
  security: authenticated,
  request: { params: idParam, body: jsonBody(contributionInput) },
  responses: {
    201: { description: "The contribution logged", ...jsonContent(contribution) },
    ...errorsFor(400, 401, 403, 404, 409),
  },
});

export const listRoute = createRoute({
  method: "get",
  path: "/tables/{id}/contributions",
  tags,
  summary: "The table's contributions, newest first",
  description:
    "Any logged-in person; confidential contributions only for the table's members, coordinators and " +
    "agreement admins. Withdrawn contributions are left out unless `includeWithdrawn=true`.",
  security: authenticated,
  request: { params: idParam, query: contributionQuery },
  responses: {
    200: { description: "A page of contributions", ...jsonContent(contributionPage) },
    ...errorsFor(400, 401, 404),
  },
});

export const getRoute = createRoute({
  method: "get",
  path: "/contributions/{id}",
  tags,
  summary: "One contribution (withdrawn ones too), with its files",
  description:
    "A confidential contribution is not found for people outside the table, nor are its files. " +
    "Files are added with `POST /contributions/{id}/attachments`.",
  security: authenticated,
  request: { params: idParam },
  responses: {
    200: { description: "The contribution", ...jsonContent(contributionWithFiles) },
    ...errorsFor(400, 401, 404),
  },
});

export const withdrawRoute = createRoute({
  method: "post",
  path: "/contributions/{id}/withdraw",
  tags,
  summary: "Withdraw a contribution (its author or a referent of the same organisation)",
  description:
    "Soft: the contribution stays in the history with `withdrawnAt`. Emits `contribution.withdrawn`.",
  security: authenticated,
  request: { params: idParam },
  responses: {
    200: { description: "The withdrawn contribution", ...jsonContent(contribution) },
    ...errorsFor(400, 401, 403, 404, 409),
  },
});
