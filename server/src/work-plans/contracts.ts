import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { idParam, isoDate, objectId, text } from "../shared/schemas.ts";

export const ACTIVITY_STATUSES = ["da_avviare", "in_corso", "completata", "sospesa", "annullata"] as const;
export const WORK_PLAN_STATES = ["bozza", "presentata", "approvata", "respinta", "superseded"] as const;

const activityStatus = z.enum(ACTIVITY_STATUSES).openapi({
  description: "da_avviare, in_corso, completata (progress 100), sospesa, annullata",
});
const state = z.enum(WORK_PLAN_STATES).openapi({
  description:
    "bozza: editable draft; presentata: presented to the steering body, frozen; approvata: approved by it, " +
    "the plan in force (monitored by progress updates); respinta: rejected; superseded: replaced by a later " +
    "version (see supersededById)",
});
const theme = z.object({ code: text(20), title: text(200) });
const progress = z.number().int().min(0).max(100).openapi({ description: "Percent, 0–100" });
const note = z
  .string()
  .trim()
  .max(2000)
  .nullable()
  .default(null)
  .transform((value) => value || null);

/** An activity as a draft's editor sends it; `id` keeps an existing activity (and its history). */
export const activityInput = z
  .strictObject({
    id: objectId.optional().openapi({ description: "An activity of the draft to keep; absent = a new one" }),
    title: text(200),
    description: z.string().trim().max(5000).default(""),
    ownerOrganisationId: objectId
      .nullable()
      .default(null)
      .openapi({ description: "The organisation responsible: a member of the agreement" }),
    ownerPersonId: objectId.nullable().default(null).openapi({ description: "The person responsible" }),
    startOn: isoDate,
    dueOn: isoDate.openapi({ description: "Not before startOn (400 `date_order`)" }),
    status: activityStatus.default("da_avviare"),
    progress: progress.default(0),
    theme: theme.nullable().optional().openapi({ description: "WP theme; absent = the table's theme" }),
    confidential: z
      .boolean()
      .default(false)
      .openapi({ description: "riservato: shown only inside the table" }),
  })
  .openapi("WorkPlanActivityInput");

export const draftInput = z
  .strictObject({
    revision: z.number().int().min(0).optional().openapi({
      description: "The draft's revision the edit starts from; a stale one is 409 `concurrent_change`",
    }),
    activities: z.array(activityInput).max(200),
  })
  .openapi("WorkPlanDraftInput");

export const decisionInput = z
  .strictObject({
    meetingId: objectId
      .nullable()
      .default(null)
      .openapi({ description: "The sitting of the steering table where it was decided, if any" }),
    note: note.openapi({ type: "string", description: "Optional (max 2000)" }),
  })
  .openapi("WorkPlanDecisionInput");

export const progressInput = z
  .strictObject({
    status: activityStatus,
    progress,
    on: isoDate
      .optional()
      .openapi({ description: "The day the progress refers to; default today, never future" }),
    note: note.openapi({ type: "string", description: "What was done (max 2000)" }),
  })
  .openapi("WorkPlanProgressInput");

export const activityParams = z.object({
  id: idParam.shape.id,
  activityId: z
    .string()
    .openapi({ param: { name: "activityId", in: "path" }, example: "6650f1c2a1b2c3d4e5f60719" }),
});

const person = z.object({ id: z.string(), name: z.string() });

export const activity = z
  .object({
    id: z.string(),
    title: z.string().openapi({ description: '"Attività riservata" for people outside the table' }),
    description: z.string(),
    ownerOrganisationId: z.string().nullable(),
    ownerOrganisationName: z.string().nullable(),
    ownerPersonId: z.string().nullable(),
    ownerPersonName: z.string().nullable(),
    startOn: z.string(),
    dueOn: z.string(),
    status: activityStatus,
    progress: z.number(),
    overdue: z.boolean().openapi({ description: "Due before today and neither completata nor annullata" }),
    theme: z.object({ code: z.string(), title: z.string() }).nullable(),
    confidential: z.boolean(),
    progressHistory: z.array(
      z.object({
        at: z.string(),
        on: z.string(),
        by: person,
        from: z.object({ status: activityStatus, progress: z.number() }),
        to: z.object({ status: activityStatus, progress: z.number() }),
        note: z.string().nullable(),
      }),
    ),
  })
  .openapi("WorkPlanActivity");

export const workPlan = z
  .object({
    id: z.string(),
    agreementId: z.string(),
    tableId: z.string().nullable().openapi({ description: "null: the agreement's own plan" }),
    version: z.number().int(),
    revision: z.number().int(),
    state,
    activities: z.array(activity),
    basedOnId: z.string().nullable(),
    presentation: z.object({ at: z.string(), by: person, steeringTableId: z.string().nullable() }).nullable(),
    decision: z
      .object({
        outcome: z.enum(["approvata", "respinta"]),
        at: z.string(),
        by: person,
        meetingId: z.string().nullable(),
        note: z.string().nullable(),
      })
      .nullable(),
    supersededById: z.string().nullable(),
    supersededAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("WorkPlan");

export const currentPlan = z
  .object({
    draft: workPlan.nullable().openapi({ description: "The version being edited, if any" }),
    presented: workPlan.nullable().openapi({ description: "The version awaiting the steering body, if any" }),
    inForce: workPlan.nullable().openapi({ description: "The approved version in force, if any" }),
  })
  .openapi("WorkPlanCurrent");

export const versionList = z.object({ items: z.array(workPlan) }).openapi("WorkPlanVersions");

const tags = ["Work plans"];

type Scope = "table" | "agreement";
const scopeWords = {
  table: {
    path: "/tables/{id}",
    who: "The table's coordinators or the agreement's admins",
    of: "the table's",
  },
  agreement: { path: "/agreements/{id}", who: "The agreement's admins", of: "the agreement's own" },
} as const;

/** The routes of one plan scope: a table's plan, or the agreement's own (same shapes). */
function scopedRoutes(scope: Scope) {
  const w = scopeWords[scope];
  return {
    get: createRoute({
      method: "get",
      path: `${w.path}/work-plan`,
      tags,
      summary: `${w.of} work plan: its draft, the version awaiting approval, the version in force`,
      description:
        'Logged-in people. Confidential activities show as "Attività riservata", without description, to ' +
        "people outside the table (for the agreement's plan: outside its admins and the steering table).",
      security: authenticated,
      request: { params: idParam },
      responses: {
        200: { description: "The plan", ...jsonContent(currentPlan) },
        ...errorsFor(400, 401, 404),
      },
    }),
    put: createRoute({
      method: "put",
      path: `${w.path}/work-plan`,
      tags,
      summary: `Write the activities of ${w.of} draft work plan (creates version 1 when there is none)`,
      description:
        `${w.who}; referents 403. Replaces the draft's activities. Once a version is presented and no draft ` +
        "exists, 409 `work_plan_frozen` (create a new version first). An owner organisation must be a member " +
        "of the agreement (400 `work_plan_owner_not_member`); dueOn before startOn is 400 `date_order`; a " +
        "completata activity is at 100%. Emits `work_plan.drafted` (first version) or `work_plan.updated`.",
      security: authenticated,
      request: { params: idParam, body: jsonBody(draftInput) },
      responses: {
        200: { description: "The draft", ...jsonContent(workPlan) },
        ...errorsFor(400, 401, 403, 404, 409),
      },
    }),
    present: createRoute({
      method: "post",
      path: `${w.path}/work-plan/present`,
      tags,
      summary: `Present ${w.of} draft work plan to the steering body (freezes it)`,
      description:
        `${w.who}. The draft becomes \`presentata\`, addressed to the agreement's steering table (cabina di ` +
        "regia, comitato guida, assemblea); its content can no longer change (409 `work_plan_frozen`). A " +
        "previous version still awaiting a decision becomes `superseded`. No draft: 409 `work_plan_missing`; " +
        "no activities: 409 `work_plan_empty`. Emits `work_plan.presented`.",
      security: authenticated,
      request: { params: idParam },
      responses: {
        200: { description: "The presented version", ...jsonContent(workPlan) },
        ...errorsFor(400, 401, 403, 404, 409),
      },
    }),
    newVersion: createRoute({
      method: "post",
      path: `${w.path}/work-plan/versions`,
      tags,
      summary: `Start a new version of ${w.of} work plan, as a draft copy of the latest one`,
      description:
        `${w.who}. Copies the latest presented, approved or rejected version (activities with their progress ` +
        "and history) into a new `bozza`. A draft already there: 409 `work_plan_draft_exists`; nothing to copy: " +
        "409 `work_plan_missing`. Honours `Idempotency-Key`. Emits `work_plan.drafted`.",
      security: authenticated,
      request: { params: idParam },
      responses: {
        201: { description: "The new draft", ...jsonContent(workPlan) },
        ...errorsFor(400, 401, 403, 404, 409),
      },
    }),
    versions: createRoute({
      method: "get",
      path: `${w.path}/work-plan/versions`,
      tags,
      summary: `Every version of ${w.of} work plan, newest first`,
      security: authenticated,
      request: { params: idParam },
      responses: {
        200: { description: "The versions", ...jsonContent(versionList) },
        ...errorsFor(400, 401, 404),
      },
    }),
  };
}

export const tablePlanRoutes = scopedRoutes("table");
export const agreementPlanRoutes = scopedRoutes("agreement");

function decisionRoute(outcome: "approve" | "reject") {
  const approve = outcome === "approve";
  return createRoute({
    method: "post",
    path: `/work-plans/{id}/${outcome}`,
    tags,
    summary: approve
      ? "Record the steering body's approval of a presented work plan"
      : "Record the steering body's rejection of a presented work plan",
    description:
      "A coordinator of the agreement's steering table or an agreement admin; `meetingId`, when given, must be " +
      "a sitting of the steering table (400 `meeting_not_of_table`). Only a `presentata` version (409 " +
      "`work_plan_transition_invalid`). " +
      (approve
        ? "It becomes the plan in force; the version in force before it becomes `superseded`. Emits `work_plan.approved`."
        : "The version in force, if any, stays in force. Emits `work_plan.rejected`."),
    security: authenticated,
    request: { params: idParam, body: jsonBody(decisionInput) },
    responses: {
      200: { description: "The decided version", ...jsonContent(workPlan) },
      ...errorsFor(400, 401, 403, 404, 409),
    },
  });
}

export const approveRoute = decisionRoute("approve");
export const rejectRoute = decisionRoute("reject");

export const getRoute = createRoute({
  method: "get",
  path: "/work-plans/{id}",
  tags,
  summary: "One version of a work plan",
  security: authenticated,
  request: { params: idParam },
  responses: { 200: { description: "The version", ...jsonContent(workPlan) }, ...errorsFor(400, 401, 404) },
});

export const progressRoute = createRoute({
  method: "post",
  path: "/work-plans/{id}/activities/{activityId}/progress",
  tags,
  summary: "Record the progress of an activity of the work plan in force (monitoring)",
  description:
    "The plan's content (what, who, when) is frozen once presented; its monitoring is not: on the approved " +
    "version in force (else 409 `work_plan_not_in_force`) the table's coordinators, the agreement's admins " +
    "and the referents of the activity's owner organisation record a new status and percentage with a note " +
    "and a day (not in the future), kept in the activity's history. completata needs 100. Emits " +
    "`work_plan.progress_updated` (no note, no title).",
  security: authenticated,
  request: { params: activityParams, body: jsonBody(progressInput) },
  responses: {
    200: { description: "The version with the activity updated", ...jsonContent(workPlan) },
    ...errorsFor(400, 401, 403, 404, 409),
  },
});
