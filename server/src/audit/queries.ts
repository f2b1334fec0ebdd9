import { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { type PageQuery, paginate } from "../shared/pagination.ts";
import { requireActor, requireAgreementAdmin } from "../shared/policy.ts";
import type { AuditDoc } from "./documents.ts";

/** The audit log, newest first: all of it for installation admins, one agreement's for its admins. */
export async function listAudit({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: PageQuery & { agreementId?: string; entityId?: string; action?: string };
}) {
  const actor = requireActor(ctx);
  const filter: Record<string, unknown> = {};
  if (input.agreementId) {
    requireAgreementAdmin(ctx, new ObjectId(input.agreementId));
    filter.agreementId = new ObjectId(input.agreementId);
  } else if (!actor.isInstallationAdmin) {
    throw new AppError("forbidden", { hint: "agreementId required", requiredRole: "agreement_admin" });
  }
  if (input.entityId) filter.entityId = new ObjectId(input.entityId);
  if (input.action) filter.action = input.action;
  return paginate(ctx.c.audit, filter, input, "newest_first");
}

/** Turns stored values (ObjectIds, Dates) into plain JSON. */
function plain(value: unknown): unknown {
  return value === null || value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** JSON view of an audit entry. */
export function presentAudit(doc: AuditDoc) {
  return {
    id: doc._id.toHexString(),
    at: doc.at.toISOString(),
    actorId: doc.actorId?.toHexString() ?? null,
    actorName: doc.actorName,
    action: doc.action,
    entity: doc.entity,
    entityId: doc.entityId.toHexString(),
    agreementId: doc.agreementId?.toHexString() ?? null,
    before: plain(doc.before),
    after: plain(doc.after),
    // Same record as the event, so the log shows exactly what notifiers were told.
    event: doc.type
      ? {
          type: doc.type,
          stream: doc.stream,
          seq: doc.seq,
          payload: plain(doc.payload) as Record<string, unknown>,
        }
      : null,
  };
}
