import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { pageQuery } from "../shared/pagination.ts";
import { idParam, isoDate, pageOf, text } from "../shared/schemas.ts";

export const ACTION_ITEM_STATUSES = ["aperta", "completata", "annullata"] as const;

const status = z.enum(ACTION_ITEM_STATUSES).openapi({
  description: "aperta: to do; completata: done (with `doneOn`); annullata: dropped (with a reason)",
});

export const actionItem = z
  .object({
    id: z.string(),
    agreementId: z.string(),
    tableId: z.string(),
    tableName: z.string().nullable(),
    meetingId: z.string().openapi({ description: "The sitting whose minutes decided it" }),
    sittingStartsAt: z.string(),
    sittingDate: z.string().openapi({ description: "The sitting's day in Europe/Rome" }),
    minutesId: z.string(),
    index: z
      .number()
      .int()
      .openapi({ description: "Its position among the minutes' action items (0-based)" }),
    what: z
      .string()
      .nullable()
      .openapi({ description: "Null outside the table's circle and the owner's organisation" }),
    whatHidden: z.boolean(),
    owner: z.object({
      personId: z.string().nullable(),
      name: z.string().nullable(),
      text: z.string().nullable(),
    }),
    ownerOrganisationId: z.string().nullable().openapi({
      description: "The organisation the owner represented on the table at the sitting; null when not known",
    }),
    ownerOrganisationName: z.string().nullable(),
    due: z.string().nullable(),
    status,
    overdue: z.boolean().openapi({ description: "Open and due before today (Europe/Rome)" }),
    doneOn: z.string().nullable(),
    cancelReason: z.string().nullable(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("ActionItem");

export const actionItemPage = pageOf(actionItem, "ActionItemPage");

export const listQuery = pageQuery.extend({
  status: status.optional(),
  overdue: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true")
    .openapi({ description: "Only open items due before today (Europe/Rome)" }),
});

export const statusInput = z
  .discriminatedUnion("status", [
    z.strictObject({
      status: z.literal("completata"),
      doneOn: isoDate.openapi({ description: "Not in the future" }),
    }),
    z.strictObject({ status: z.literal("annullata"), reason: text(1000) }),
    z.strictObject({ status: z.literal("aperta") }),
  ])
  .openapi("ActionItemStatusInput", {
    description: "Done on a day (not in the future), cancelled with a reason, or (once done) reopened",
  });

const tags = ["Action items"];
const listResponses = {
  200: { description: "A page of action items, oldest first", ...jsonContent(actionItemPage) },
  ...errorsFor(400, 401, 404),
};
const listDescription =
  "Any logged-in person; what an item says only to the table's members, coordinators and agreement " +
  "admins, its owner and the owner organisation's referents (`whatHidden` otherwise). `overdue=true`: " +
  "open and due before today in Europe/Rome.";

export const tableListRoute = createRoute({
  method: "get",
  path: "/tables/{id}/action-items",
  tags,
  summary: "The table's action items, from its approved minutes",
  description: listDescription,
  security: authenticated,
  request: { params: idParam, query: listQuery },
  responses: listResponses,
});

export const organisationListRoute = createRoute({
  method: "get",
  path: "/organisations/{id}/action-items",
  tags,
  summary: "The action items an organisation owns, on every table",
  description: listDescription,
  security: authenticated,
  request: { params: idParam, query: listQuery },
  responses: listResponses,
});

export const myListRoute = createRoute({
  method: "get",
  path: "/people/me/action-items",
  tags,
  summary: "My action items: the ones I own and my organisations'",
  description: "Owned by me, or by an organisation I am a referent for today. `overdue=true` as for a table.",
  security: authenticated,
  request: { query: listQuery },
  responses: { ...listResponses, ...errorsFor(400, 401) },
});

export const statusRoute = createRoute({
  method: "post",
  path: "/action-items/{id}/status",
  tags,
  summary: "Mark an action item done, cancel it, or reopen a done one",
  description:
    "The owner, a referent of the owner's organisation (`other_organisation` for another's), the table's " +
    "coordinators or the agreement's admins. aperta → completata (`doneOn` not in the future, else " +
    "`date_in_future`) or annullata (with a reason); completata → aperta; anything else is 409 " +
    "`action_item_transition_invalid`. Emits `action_item.completed`, `.cancelled` or `.reopened`.",
  security: authenticated,
  request: { params: idParam, body: jsonBody(statusInput) },
  responses: {
    200: { description: "The item in its new status", ...jsonContent(actionItem) },
    ...errorsFor(400, 401, 403, 404, 409),
  },
});
