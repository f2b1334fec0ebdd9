import { createRoute } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { idParam } from "../shared/schemas.ts";
import { contribution, contributionInput, contributionPage, contributionQuery } from "./schema.ts";

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
  summary: "One contribution (withdrawn ones too)",
  description: "A confidential contribution is not found for people outside the table.",
  security: authenticated,
  request: { params: idParam },
  responses: {
    200: { description: "The contribution", ...jsonContent(contribution) },
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
