import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { idParam } from "../shared/schemas.ts";
import { DEADLINE_KINDS } from "./events.ts";

const state = z
  .enum(["rispettata", "rispettata_in_ritardo", "in_scadenza", "scaduta", "in_attesa_stipula"])
  .openapi({
    description:
      "rispettata: met by the due date (metOn); rispettata_in_ritardo: met late; in_scadenza: due, not yet past; " +
      "scaduta: past and unmet; in_attesa_stipula: counted from the signing date, which the agreement lacks",
  });

export const deadline = z
  .object({
    key: z.string().openapi({ example: "work_plan" }),
    kind: z.enum(DEADLINE_KINDS),
    label: z.string().openapi({ description: "Italian label" }),
    labelEn: z.string(),
    dueOn: z.string().nullable(),
    state,
    metOn: z.string().nullable(),
    metBy: z.string().nullable().openapi({ description: "What met it (Italian)" }),
  })
  .openapi("Deadline");

export const deadlineList = z
  .object({
    agreementId: z.string(),
    signedOn: z.string().nullable(),
    today: z.string(),
    items: z.array(deadline),
  })
  .openapi("DeadlineList");

const signingRule = z.strictObject({
  enabled: z
    .boolean()
    .nullable()
    .optional()
    .openapi({ description: "null: on when the agreement has a steering table" }),
  days: z.number().int().min(1).max(366).optional(),
});

export const rulesInput = z
  .strictObject({
    steeringMembers: signingRule.optional(),
    workPlan: signingRule.optional(),
    adhesions: z.boolean().optional(),
    withdrawals: z.boolean().optional(),
    halfYearlyReports: z.boolean().optional(),
    approachingDays: z.number().int().min(0).max(90).optional(),
  })
  .openapi("DeadlineRulesInput");

const signingRuleView = z.object({
  enabled: z.boolean().nullable(),
  days: z.number(),
  effective: z.boolean(),
});

export const rules = z
  .object({
    agreementId: z.string(),
    steeringMembers: signingRuleView,
    workPlan: signingRuleView,
    adhesions: z.boolean(),
    withdrawals: z.boolean(),
    halfYearlyReports: z.boolean(),
    approachingDays: z.number(),
  })
  .openapi("DeadlineRules");

const tags = ["Deadlines"];

export const listRoute = createRoute({
  method: "get",
  path: "/agreements/{id}/deadlines",
  tags,
  summary: "The agreement's deadlines, computed from its dates, with their state today",
  description:
    "Every logged-in person (agreements are public acts; nothing confidential in it). Steering body members " +
    "named and work plan presented within N days of signing (on when the agreement has a steering table), " +
    "adhesions becoming operative, withdrawal notices ending, half-yearly reports every six months from " +
    "signing. Without `signedOn`, the signing-based ones are `in_attesa_stipula`.",
  security: authenticated,
  request: { params: idParam },
  responses: {
    200: { description: "The deadlines", ...jsonContent(deadlineList) },
    ...errorsFor(400, 401, 404),
  },
});

export const getRulesRoute = createRoute({
  method: "get",
  path: "/agreements/{id}/deadline-rules",
  tags,
  summary: "Which obligations the agreement has",
  security: authenticated,
  request: { params: idParam },
  responses: { 200: { description: "The rules", ...jsonContent(rules) }, ...errorsFor(400, 401, 404) },
});

export const putRulesRoute = createRoute({
  method: "put",
  path: "/agreements/{id}/deadline-rules",
  tags,
  summary: "Set which obligations the agreement has (agreement admins)",
  description: "Fields not sent keep their value. Emits `deadline.rules_changed`.",
  security: authenticated,
  request: { params: idParam, body: jsonBody(rulesInput) },
  responses: {
    200: { description: "The rules", ...jsonContent(rules) },
    ...errorsFor(400, 401, 403, 404),
  },
});
