import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, errorsFor, jsonBody, jsonContent } from "../shared/openapi.ts";
import { pageQuery } from "../shared/pagination.ts";
import {
  confidentialFlag,
  idParam,
  isoDate,
  nonEmptyPatch,
  objectId,
  pageOf,
  text,
} from "../shared/schemas.ts";
import { ACT_KINDS, ADOPTION_STATES, PROPOSAL_STATUSES } from "./states.ts";

const status = z.enum(PROPOSAL_STATUSES).openapi({
  description:
    "bozza: drafted; approvata: approved by the table's coordinators; indirizzata: addressed to member " +
    "organisations (final); ritirata: withdrawn before being addressed (final)",
});
const adoptionState = z.enum(ADOPTION_STATES).openapi({
  description:
    "in_valutazione: being weighed (initial); adottata: adopted by an act; non_adottata: not adopted",
});

/** A proposal's words; checked again by the use cases. */
export const proposalContent = z.object({
  title: text(300),
  text: z.string().trim().max(20000),
});

export const draftInput = z
  .strictObject({
    title: proposalContent.shape.title,
    text: proposalContent.shape.text.default(""),
    confidential: confidentialFlag,
    meetingId: objectId.nullable().default(null).openapi({
      description: "The sitting of this table whose minutes recorded the decision it comes from",
    }),
    decisionIndex: z.number().int().min(0).max(999).nullable().default(null).openapi({
      description: "Which of that sitting's minuted decisions (from 0); with `meetingId` only",
    }),
  })
  .openapi("ProposalInput");

export const editInput = nonEmptyPatch(
  z.strictObject({
    title: proposalContent.shape.title.optional(),
    text: proposalContent.shape.text.optional(),
    confidential: z.boolean().optional(),
  }),
).openapi("ProposalPatch");

export const addressInput = z
  .strictObject({
    organisationIds: z.array(objectId).min(1).max(1000).optional().openapi({
      description:
        "Members of the agreement to address it to; by default every organisation sitting on the table today",
    }),
  })
  .openapi("ProposalAddressing");

export const act = z
  .strictObject({
    kind: z
      .enum(ACT_KINDS)
      .openapi({ description: "delibera_di_giunta, delibera_di_consiglio, determina, decreto, altro" }),
    number: text(50).openapi({ example: "45/2026" }),
    date: isoDate.openapi({ description: "The act's date (Rome); not in the future" }),
    url: z
      .string()
      .trim()
      .url()
      .max(2000)
      .nullable()
      .default(null)
      .openapi({ description: "Link to the act (http/https)" }),
  })
  .openapi("AdoptionAct");

export const adoptionInput = z
  .strictObject({
    state: z
      .enum(["adottata", "non_adottata"])
      .openapi({ description: "adottata (needs `act`) or non_adottata" }),
    act: act.nullable().default(null),
    reason: z
      .string()
      .trim()
      .max(2000)
      .nullable()
      .default(null)
      .openapi({ description: "Why not (non_adottata)" }),
  })
  .openapi("AdoptionInput");

export const adoptionParams = z.object({
  // both parsed with parseId() so a bad id gets the `invalid_id` code
  id: z.string().openapi({ param: { name: "id", in: "path" }, example: "6650f1c2a1b2c3d4e5f60718" }),
  organisationId: z.string().openapi({
    param: { name: "organisationId", in: "path" },
    example: "6650f1c2a1b2c3d4e5f60719",
    description: "The addressed organisation (yours)",
  }),
});

const actView = z.object({
  kind: z.enum(ACT_KINDS),
  number: z.string(),
  date: z.string(),
  url: z.string().nullable(),
});
const record = {
  state: adoptionState,
  act: actView.nullable(),
  reason: z.string().nullable(),
  recordedAt: z.string(),
};

export const rate = z
  .object({
    addressed: z.number().int(),
    adopted: z.number().int(),
    notAdopted: z.number().int(),
    pending: z.number().int(),
    ratePercent: z.number().nullable().openapi({
      description: "adopted / addressed × 100 (pending ones count as addressed), one decimal; null when none",
    }),
  })
  .openapi("AdoptionRate");

export const proposal = z
  .object({
    id: z.string(),
    tableId: z.string(),
    agreementId: z.string(),
    meetingId: z.string().nullable(),
    decisionIndex: z.number().int().nullable(),
    title: z.string(),
    text: z.string(),
    confidential: z.boolean(),
    status,
    history: z.array(z.object({ at: z.string(), from: status, to: status })),
    addressedOn: z.string().nullable(),
    adoptions: z.array(
      z.object({
        organisationId: z.string(),
        organisationName: z.string().nullable(),
        ...record,
        history: z.array(z.object(record)).openapi({ description: "Earlier answers, oldest first" }),
      }),
    ),
    adoption: rate,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Proposal");

export const proposalPage = pageOf(proposal, "ProposalPage");

export const listQuery = pageQuery.extend({ status: status.optional() });

export const agreementAdoption = z
  .object({
    agreementId: z.string(),
    proposals: z.number().int().openapi({ description: "Proposals addressed within the agreement" }),
    organisations: z.array(
      rate.extend({ organisationId: z.string(), organisationName: z.string().nullable() }),
    ),
  })
  .openapi("AgreementAdoption");

const tags = ["Proposals"];
const writeErrors = errorsFor(400, 401, 403, 404, 409);
const answer = (description: string) => ({ description, ...jsonContent(proposal) });

export const draftRoute = createRoute({
  method: "post",
  path: "/tables/{id}/proposals",
  tags,
  summary: "Draft a proposal of the table (coordinators, agreement admins)",
  description:
    "A non-binding recommendation, drafted directly or from a decision of a sitting of this table: then " +
    "`meetingId` and `decisionIndex` name it in that sitting's minutes (`proposal_decision_unknown` " +
    "otherwise). Others: 403 `proposal_coordinators_only`. With `Idempotency-Key`, a repeat returns the " +
    "same proposal. Emits `proposal.drafted` (title only when not confidential).",
  security: authenticated,
  request: { params: idParam, body: jsonBody(draftInput) },
  responses: { 201: answer("The draft"), ...writeErrors },
});

export const editRoute = createRoute({
  method: "patch",
  path: "/proposals/{id}",
  tags,
  summary: "Edit a draft proposal's title, text or confidentiality",
  description: "Only in `bozza` (409 `proposal_not_draft`). Emits `proposal.edited`.",
  security: authenticated,
  request: { params: idParam, body: jsonBody(editInput) },
  responses: { 200: answer("The draft as edited"), ...writeErrors },
});

export const approveRoute = createRoute({
  method: "post",
  path: "/proposals/{id}/approve",
  tags,
  summary: "Approve a draft: bozza → approvata (the table's coordinators, agreement admins)",
  description:
    "A referent gets 403 `proposal_coordinators_only`; from any status but `bozza`, 409 " +
    "`proposal_transition_invalid` with `from`, `to` and `allowed`. Emits `proposal.approved`.",
  security: authenticated,
  request: { params: idParam },
  responses: { 200: answer("Approved"), ...writeErrors },
});

export const addressRoute = createRoute({
  method: "post",
  path: "/proposals/{id}/address",
  tags,
  summary: "Address an approved proposal to member organisations: approvata → indirizzata",
  description:
    "To every organisation sitting on the table today, or to the `organisationIds` given, each a current " +
    "member of the agreement (409 `not_a_member`); a confidential proposal only to organisations on the " +
    "table (409 `proposal_confidential_outside_table`). Each addressed organisation starts `in_valutazione`. " +
    "Emits `proposal.addressed` with the organisations: their referents are told (Slack).",
  security: authenticated,
  request: { params: idParam, body: { required: false, ...jsonContent(addressInput) } },
  responses: { 200: answer("Addressed"), ...writeErrors },
});

export const withdrawRoute = createRoute({
  method: "post",
  path: "/proposals/{id}/withdraw",
  tags,
  summary: "Withdraw a proposal not yet addressed: → ritirata (coordinators, agreement admins)",
  description: "Kept in the history. Emits `proposal.withdrawn`.",
  security: authenticated,
  request: { params: idParam },
  responses: { 200: answer("Withdrawn"), ...writeErrors },
});

export const adoptionRoute = createRoute({
  method: "put",
  path: "/proposals/{id}/adoptions/{organisationId}",
  tags,
  summary: "Record whether your organisation adopted an addressed proposal, and by which act",
  description:
    "A referent for their own organisation only (`other_organisation`; agreement admins may not record for a " +
    "member, DOMAIN rule 4). `adottata` needs the act (`adoption_act_required`), whose date may not be in " +
    "the future (`date_in_future`); `non_adottata` takes an optional reason. An organisation the proposal " +
    "is not addressed to: 409 `proposal_not_addressed_to_organisation`. The answer can be corrected later: " +
    "each earlier one stays in the adoption's `history`. Emits `proposal.adoption_recorded`.",
  security: authenticated,
  request: { params: adoptionParams, body: jsonBody(adoptionInput) },
  responses: { 200: answer("The proposal with the adoption recorded"), ...writeErrors },
});

export const listRoute = createRoute({
  method: "get",
  path: "/tables/{id}/proposals",
  tags,
  summary: "The table's proposals, newest first",
  description:
    "Any logged-in person; confidential ones only for the table's members, coordinators and admins.",
  security: authenticated,
  request: { params: idParam, query: listQuery },
  responses: {
    200: { description: "A page of proposals", ...jsonContent(proposalPage) },
    ...errorsFor(400, 401, 404),
  },
});

export const getRoute = createRoute({
  method: "get",
  path: "/proposals/{id}",
  tags,
  summary: "One proposal, with each addressed organisation's adoption and the adoption rate",
  description: "A confidential proposal is not found for people outside the table.",
  security: authenticated,
  request: { params: idParam },
  responses: { 200: answer("The proposal"), ...errorsFor(400, 401, 404) },
});

export const agreementAdoptionRoute = createRoute({
  method: "get",
  path: "/agreements/{id}/proposals/adoption",
  tags,
  summary: "Adoption rate per member organisation across the agreement's addressed proposals",
  description: "Counts only (no titles): any logged-in person. Organisations by name.",
  security: authenticated,
  request: { params: idParam },
  responses: {
    200: { description: "Per organisation", ...jsonContent(agreementAdoption) },
    ...errorsFor(400, 401, 404),
  },
});
