import { ObjectId } from "mongodb";
import { insertOnce } from "../idempotency/index.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { requireActingFor, requireActor } from "../shared/policy.ts";
import { getTable } from "../tables/queries.ts";
import { recordContribution } from "./audit.ts";
import type { ContributionDoc } from "./documents.ts";
import { CONTRIBUTION_LICENCES, type ContributionKind, type ContributionLicence } from "./kinds.ts";
import { checkContent, requireOnTable, requireTableMeeting } from "./rules.ts";

export type LogContributionInput = {
  tableId: ObjectId;
  organisationId: ObjectId;
  kind: ContributionKind;
  title: string;
  description: string;
  url: string | null;
  confidential: boolean;
  /** Optional for callers that do not ask (the Slack bot): none stated. */
  licence?: ContributionLicence | null;
  meetingId: ObjectId | null;
  source: "api" | "slack";
  /** From the request's Idempotency-Key (creationKeyOf): a repeat returns the contribution it made. */
  idempotencyKey?: string | null;
};

/**
 * A referent brings a contribution to a table on behalf of their own organisation (DOMAIN rule 4;
 * installation admins may for any), which must sit on the table today. Emits `contribution.logged`,
 * without the title when confidential. Called by the API and by the Slack bot alike.
 */
export async function logContribution({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: LogContributionInput;
}): Promise<ContributionDoc> {
  const actor = requireActor(ctx);
  const content = checkContent(input);
  const table = await getTable({ ctx, input: { id: input.tableId } });
  requireActingFor(ctx, input.organisationId);
  await requireOnTable(ctx, table, input.organisationId);
  if (input.meetingId) await requireTableMeeting(ctx, table, input.meetingId);
  const now = ctx.now();
  const doc: ContributionDoc = {
    _id: new ObjectId(),
    tableId: table._id,
    agreementId: table.agreementId,
    organisationId: input.organisationId,
    meetingId: input.meetingId,
    ...content,
    confidential: input.confidential === true,
    licence: checkLicence(input.licence ?? null),
    source: input.source === "slack" ? "slack" : "api",
    authorId: actor.personId,
    authorName: actor.name,
    createdAt: now,
    updatedAt: now,
    withdrawnAt: null,
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  };
  const { doc: stored, created } = await insertOnce(ctx.c.contributions, doc);
  await recordContribution(ctx, "contribution.logged", null, stored, !created);
  return stored;
}

/** One of the closed list, or none; checked here too because the bot calls the use case directly. */
function checkLicence(licence: ContributionLicence | null): ContributionLicence | null {
  if (licence === null || CONTRIBUTION_LICENCES.includes(licence)) return licence;
  throw new AppError("validation_failed", [
    { path: "licence", message: "licenza non valida / invalid licence" },
  ]);
}
