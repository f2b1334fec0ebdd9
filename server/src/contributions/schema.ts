import { z } from "@hono/zod-openapi";
import { pageQuery } from "../shared/pagination.ts";
import { confidentialFlag, objectId, pageOf, text } from "../shared/schemas.ts";
import { CONTRIBUTION_KINDS, CONTRIBUTION_SOURCES } from "./kinds.ts";

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
    source: z.enum(CONTRIBUTION_SOURCES),
    authorId: z.string(),
    authorName: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    withdrawnAt: z.string().nullable(),
  })
  .openapi("Contribution");

export const contributionPage = pageOf(contribution, "ContributionPage");
