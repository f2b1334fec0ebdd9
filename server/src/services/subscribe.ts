import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { recordChange } from "../shared/record.ts";
import type { ServiceDoc } from "./documents.ts";
import { serviceEventFields } from "./present.ts";
import { loadService } from "./queries.ts";
import { requireMember, requireSubscriberActor } from "./rules.ts";

type Input = { id: ObjectId; organisationId: ObjectId };

const subscribes = (doc: ServiceDoc, organisationId: ObjectId) =>
  doc.subscribers.some((s) => s.organisationId.equals(organisationId));

/** A member organisation subscribes to a service (its referent, or an admin recording it). Emits `service.subscribed`. */
export async function subscribeToService({ ctx, input }: { ctx: Ctx; input: Input }): Promise<ServiceDoc> {
  const service = await loadService(ctx, input.id);
  requireSubscriberActor(ctx, service, input.organisationId);
  if (service.status === "dismesso")
    throw new AppError("service_dismissed", { serviceId: input.id.toHexString() });
  await requireMember(ctx, service.agreementId, input.organisationId);
  const changed = await changeGuarded(
    ctx.c.sharedServices,
    () => loadService(ctx, input.id),
    (current) => {
      if (subscribes(current, input.organisationId))
        throw new AppError("service_already_subscribed", {
          organisationId: input.organisationId.toHexString(),
        });
      const now = ctx.now();
      return {
        $push: { subscribers: { organisationId: input.organisationId, since: now } },
        $set: { updatedAt: now },
      };
    },
  );
  return record(ctx, changed, "service.subscribed", input);
}

/** The organisation ends its subscription (its referent, or an admin recording it). Emits `service.unsubscribed`. */
export async function unsubscribeFromService({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: Input;
}): Promise<ServiceDoc> {
  const service = await loadService(ctx, input.id);
  requireSubscriberActor(ctx, service, input.organisationId);
  const changed = await changeGuarded(
    ctx.c.sharedServices,
    () => loadService(ctx, input.id),
    (current) => {
      if (!subscribes(current, input.organisationId))
        throw new AppError("service_not_subscribed", { organisationId: input.organisationId.toHexString() });
      return {
        $pull: { subscribers: { organisationId: input.organisationId } },
        $set: { updatedAt: ctx.now() },
      };
    },
  );
  return record(ctx, changed, "service.unsubscribed", input);
}

async function record(
  ctx: Ctx,
  changed: { before: ServiceDoc; after: ServiceDoc } | null,
  type: "service.subscribed" | "service.unsubscribed",
  input: Input,
): Promise<ServiceDoc> {
  if (!changed) throw new AppError("not_found", { entity: "service", id: input.id.toHexString() });
  const { after } = changed;
  // The subscription's history is the audit trail: each subscription and its end, with who and when.
  await recordChange(ctx, {
    action: type,
    entity: "service",
    entityId: after._id,
    agreementId: after.agreementId,
    before: null,
    after: { organisationId: input.organisationId, subscribers: after.subscribers.length },
    event: {
      type,
      payload: {
        ...serviceEventFields(after),
        organisationId: input.organisationId.toHexString(),
        subscribers: after.subscribers.length,
      },
    },
  });
  return after;
}
