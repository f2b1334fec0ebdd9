import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { type PageQuery, paginate } from "../shared/pagination.ts";
import { requireInstallationAdmin } from "../shared/policy.ts";
import type { DeliveryDoc, DeliveryState } from "./documents.ts";

/** One state's deliveries, oldest first; installation admins only. */
export async function listDeliveries({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: PageQuery & { state: Exclude<DeliveryState, "done"> };
}) {
  requireInstallationAdmin(ctx);
  return paginate(ctx.c.deliveries, { state: input.state }, input);
}

/** A delivery by id, or not_found. */
export async function loadDelivery(ctx: Ctx, id: ObjectId): Promise<DeliveryDoc> {
  const doc = await ctx.c.deliveries.findOne({ _id: id });
  if (!doc) throw new AppError("not_found", { entity: "delivery", id: id.toHexString() });
  return doc;
}
