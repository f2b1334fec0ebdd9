import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError, isDuplicateKey } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { isAgreementAdmin, requireActor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { ServiceDoc, ServiceLevels, ServiceStatus } from "./documents.ts";
import { serviceEventFields } from "./present.ts";
import { loadService } from "./queries.ts";
import { isProviderReferent, requireTableOfAgreement } from "./rules.ts";

export type ServicePatch = Partial<{
  name: string;
  description: string;
  tableId: ObjectId | null;
  status: ServiceStatus;
  levels: ServiceLevels;
}>;

/**
 * The agreement's admins change any field of a service; the provider's referents only its description
 * (how they offer it), never its levels or status, which the agreement sets. Emits `service.updated`.
 */
export async function updateService({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId; patch: ServicePatch };
}): Promise<ServiceDoc> {
  const actor = requireActor(ctx);
  const service = await loadService(ctx, input.id);
  const fields = Object.keys(input.patch).filter(
    (key) => input.patch[key as keyof ServicePatch] !== undefined,
  );
  const admin = isAgreementAdmin(actor, service.agreementId);
  const onlyDescription = fields.every((field) => field === "description");
  if (!admin && !(onlyDescription && isProviderReferent(actor, service)))
    throw new AppError("forbidden", { requiredRole: "agreement_admin" });
  if (input.patch.tableId !== undefined)
    await requireTableOfAgreement(ctx, service.agreementId, input.patch.tableId);
  let changed: { before: ServiceDoc; after: ServiceDoc } | null;
  try {
    changed = await changeGuarded(
      ctx.c.sharedServices,
      () => loadService(ctx, input.id),
      () => ({ $set: { ...input.patch, updatedAt: ctx.now() } }),
    );
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError("service_name_taken", { name: input.patch.name });
    throw error;
  }
  if (!changed) throw new AppError("not_found", { entity: "service", id: input.id.toHexString() });
  const { before, after } = changed;
  const pick = (doc: ServiceDoc) => Object.fromEntries(fields.map((f) => [f, doc[f as keyof ServiceDoc]]));
  await recordChange(ctx, {
    action: "service.updated",
    entity: "service",
    entityId: after._id,
    agreementId: after.agreementId,
    before: pick(before),
    after: pick(after),
    event: {
      type: "service.updated",
      payload: { ...serviceEventFields(after), fields, from: before.status, to: after.status },
    },
  });
  return after;
}
