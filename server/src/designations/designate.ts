import type { z } from "@hono/zod-openapi";
import { ObjectId } from "mongodb";
import { checkBackdating } from "../shared/backdating.ts";
import type { Ctx } from "../shared/context.ts";
import { withLock } from "../shared/lock.ts";
import { recordChange } from "../shared/record.ts";
import { getTable } from "../tables/queries.ts";
import type { designationInput } from "./contracts.ts";
import type { DesignationDoc } from "./documents.ts";
import {
  checkNewDesignation,
  designationPayload,
  insertDesignation,
  requireActingForDesignation,
  requireColleagueDelegate,
} from "./rules.ts";

/**
 * Registers an organisation's designation of a referent on a table (DOMAIN rule 3). A referent's standing
 * designation starts today or later; admins and coordinators may record one already in force from the
 * date of the act, with the reason. A single-meeting delegate (Reggio Emilia art. 1) covers only the
 * meeting day, may be registered afterwards (attendance is recorded after the sitting) and, named by a
 * referent, must be a colleague of the organisation.
 */
export async function designateReferent({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tableId: ObjectId; designation: z.output<typeof designationInput> };
}): Promise<DesignationDoc> {
  const table = await getTable({ ctx, input: { id: input.tableId } });
  const { organisationId, personId, from, kind, meetingRef, backdatingReason } = input.designation;
  const scope = { organisationId, agreementId: table.agreementId, tableId: table._id };
  const { actor, recordsActs } = requireActingForDesignation(ctx, scope);
  const backdating =
    kind === "standing"
      ? checkBackdating(ctx, {
          field: "from",
          date: from,
          mayBackdate: recordsActs,
          reason: backdatingReason,
        })
      : null;
  if (kind === "single_meeting" && !recordsActs)
    await requireColleagueDelegate(ctx, { personId, organisationId });
  const doc: DesignationDoc = {
    _id: new ObjectId(),
    agreementId: table.agreementId,
    tableId: table._id,
    organisationId,
    personId,
    kind,
    meetingRef: kind === "single_meeting" ? meetingRef : null,
    from,
    to: kind === "single_meeting" ? from : null,
    substitutedById: null,
    substitutesId: null,
    backdating,
    createdAt: ctx.now(),
    createdBy: actor.personId,
  };
  await withPersonSeatLock(ctx, doc, async () => {
    await checkNewDesignation(ctx, table, doc);
    await insertDesignation(ctx, doc);
  });
  await recordChange(ctx, {
    action: "designation.created",
    entity: "designation",
    entityId: doc._id,
    agreementId: doc.agreementId,
    before: null,
    after: doc,
    event: { type: "referent.designated", payload: designationPayload(doc) },
  });
  return doc;
}

/**
 * Runs `work` alone among the writers of one person's designations for one organisation on one table.
 * "No overlapping designations of the same person" spans several documents and the unique index only
 * catches identical starts, so the overlap check and the insert must not interleave with another's:
 * this is an invariant across documents, not a workaround for a non-atomic update.
 */
export function withPersonSeatLock<T>(
  ctx: Ctx,
  d: Pick<DesignationDoc, "tableId" | "organisationId" | "personId">,
  work: () => Promise<T>,
): Promise<T> {
  const key = [d.tableId, d.organisationId, d.personId].map((id) => id.toHexString()).join(":");
  return withLock(ctx, `designation-seat:${key}`, work);
}
