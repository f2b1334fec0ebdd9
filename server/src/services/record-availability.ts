import { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { type IsoDate, romeDate } from "../shared/dates.ts";
import { AppError } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { recordChange } from "../shared/record.ts";
import type { AvailabilityDoc, ServiceDoc } from "./documents.ts";
import { serviceEventFields } from "./present.ts";
import { loadService } from "./queries.ts";
import { requireProviderOrAdmin } from "./rules.ts";

export type AvailabilityInput = { id: ObjectId; from: IsoDate; to: IsoDate; measuredPercent: number };

/**
 * The provider's referents or the agreement's admins record the availability measured over a period
 * that is over (not after today). Emits `service.availability_recorded` with whether it meets the target.
 */
export async function recordAvailability({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: AvailabilityInput;
}): Promise<ServiceDoc> {
  const service = await loadService(ctx, input.id);
  const actor = requireProviderOrAdmin(ctx, service);
  if (input.to < input.from) throw new AppError("date_order", { from: input.from, to: input.to });
  if (input.to > romeDate(ctx.now())) throw new AppError("date_in_future", { to: input.to });
  if (service.status === "dismesso")
    throw new AppError("service_dismissed", { serviceId: input.id.toHexString() });
  const measurement: AvailabilityDoc = {
    _id: new ObjectId(),
    from: input.from,
    to: input.to,
    measuredPercent: input.measuredPercent,
    recordedAt: ctx.now(),
    recordedById: actor.personId,
  };
  const changed = await changeGuarded(
    ctx.c.sharedServices,
    () => loadService(ctx, input.id),
    () => ({ $push: { availability: measurement }, $set: { updatedAt: measurement.recordedAt } }),
  );
  if (!changed) throw new AppError("not_found", { entity: "service", id: input.id.toHexString() });
  const { after } = changed;
  const met = measurement.measuredPercent >= after.levels.availabilityPercent;
  await recordChange(ctx, {
    action: "service.availability_recorded",
    entity: "service",
    entityId: after._id,
    agreementId: after.agreementId,
    before: null,
    after: measurement,
    event: {
      type: "service.availability_recorded",
      payload: {
        ...serviceEventFields(after),
        from: measurement.from,
        to: measurement.to,
        measuredPercent: measurement.measuredPercent,
        met,
      },
    },
  });
  return after;
}
