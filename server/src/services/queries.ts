import type { ObjectId } from "mongodb";
import { getAgreement } from "../agreements/queries.ts";
import { organisationNames } from "../organisations/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import type { ServiceDoc } from "./documents.ts";
import { monitor, type Period } from "./monitoring.ts";
import { presentService } from "./present.ts";

/** Finds a service or throws not_found. */
export async function loadService(ctx: Ctx, id: ObjectId): Promise<ServiceDoc> {
  const doc = await ctx.c.sharedServices.findOne({ _id: id });
  if (!doc) throw new AppError("not_found", { entity: "service", id: id.toHexString() });
  return doc;
}

/**
 * For issue reports naming a service: it must be one of the agreement's (400 `service_not_of_agreement`
 * otherwise, an unknown id alike, so the check reveals nothing of other agreements).
 */
export async function requireServiceOfAgreement(ctx: Ctx, serviceId: ObjectId, agreementId: ObjectId) {
  const doc = await ctx.c.sharedServices.findOne({ _id: serviceId }, { projection: { agreementId: 1 } });
  if (!doc?.agreementId.equals(agreementId))
    throw new AppError("service_not_of_agreement", { serviceId: serviceId.toHexString() });
}

/** The agreement's services, by name (for the catalogue and the report section). */
export function servicesOfAgreement(ctx: Ctx, agreementId: ObjectId): Promise<ServiceDoc[]> {
  return ctx.c.sharedServices.find({ agreementId }).sort({ name: 1 }).toArray();
}

/** A service as answered, with its monitoring over the period. */
export async function presentOneService(ctx: Ctx, doc: ServiceDoc, period: Period = {}) {
  const names = await organisationNames(ctx, [
    doc.providerId,
    ...doc.subscribers.map((s) => s.organisationId),
  ]);
  return presentService(doc, names, await monitor(ctx, doc, period));
}

/** One service (logged-in people), monitored over `from`–`to` when given. */
export async function getService({ ctx, input }: { ctx: Ctx; input: { id: ObjectId } & Period }) {
  requireActor(ctx);
  if (input.from && input.to && input.to < input.from)
    throw new AppError("date_order", { from: input.from, to: input.to });
  return presentOneService(ctx, await loadService(ctx, input.id), { from: input.from, to: input.to });
}

/** The agreement's catalogue (logged-in people). */
export async function listServices({ ctx, input }: { ctx: Ctx; input: { agreementId: ObjectId } }) {
  requireActor(ctx);
  await getAgreement({ ctx, input: { id: input.agreementId } });
  const docs = await servicesOfAgreement(ctx, input.agreementId);
  return { items: await Promise.all(docs.map((doc) => presentOneService(ctx, doc))) };
}
