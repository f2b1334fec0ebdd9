import { ObjectId } from "mongodb";
import { getAgreement } from "../agreements/queries.ts";
import { insertOnce } from "../idempotency/index.ts";
import type { Ctx } from "../shared/context.ts";
import { refusingDuplicates } from "../shared/errors.ts";
import { requireAgreementAdmin } from "../shared/policy.ts";
import { recordChange, recordChangeOnce } from "../shared/record.ts";
import type { ServiceDoc, ServiceLevels, ServiceStatus } from "./documents.ts";
import { auditedService, serviceEventFields } from "./present.ts";
import { requireMember, requireTableOfAgreement } from "./rules.ts";

export type CreateServiceInput = {
  agreementId: ObjectId;
  name: string;
  description: string;
  providerId: ObjectId;
  tableId: ObjectId | null;
  status: ServiceStatus;
  levels: ServiceLevels;
  subscriberIds: ObjectId[];
  idempotencyKey?: string | null;
};

/**
 * The agreement's admins add a shared service to its catalogue: a member organisation provides it,
 * members subscribe to it, at the levels it commits to. Emits `service.created`.
 */
export async function createService({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: CreateServiceInput;
}): Promise<ServiceDoc> {
  const agreement = await getAgreement({ ctx, input: { id: input.agreementId } });
  requireAgreementAdmin(ctx, agreement._id);
  const subscriberIds = [...new Map(input.subscriberIds.map((id) => [id.toHexString(), id])).values()];
  for (const organisationId of [input.providerId, ...subscriberIds])
    await requireMember(ctx, agreement._id, organisationId);
  await requireTableOfAgreement(ctx, agreement._id, input.tableId);
  const now = ctx.now();
  const doc: ServiceDoc = {
    _id: new ObjectId(),
    agreementId: agreement._id,
    tableId: input.tableId,
    name: input.name,
    description: input.description,
    providerId: input.providerId,
    status: input.status,
    levels: input.levels,
    subscribers: subscriberIds.map((organisationId) => ({ organisationId, since: now })),
    availability: [],
    createdAt: now,
    updatedAt: now,
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  };
  const { doc: stored, created } = await refusingDuplicates(
    insertOnce(ctx.c.sharedServices, doc),
    "service_name_taken",
    { name: input.name },
  );
  await (created ? recordChange : recordChangeOnce)(ctx, {
    action: "service.created",
    entity: "service",
    entityId: stored._id,
    agreementId: stored.agreementId,
    before: null,
    after: auditedService(stored),
    event: {
      type: "service.created",
      payload: {
        ...serviceEventFields(stored),
        status: stored.status,
        subscribers: stored.subscribers.length,
      },
    },
  });
  return stored;
}
