import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { type PageQuery, paginate } from "../shared/pagination.ts";
import type { AgreementDoc } from "./documents.ts";

/** Agreements are public acts: anyone may list them. */
export async function listAgreements({ ctx, input }: { ctx: Ctx; input: PageQuery }) {
  return paginate(ctx.c.agreements, {}, input);
}

/** Finds an agreement or throws not_found. */
export async function getAgreement({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId };
}): Promise<AgreementDoc> {
  const doc = await ctx.c.agreements.findOne({ _id: input.id });
  if (!doc) throw new AppError("not_found", { entity: "agreement", id: input.id.toHexString() });
  return doc;
}

/**
 * The agreements the person administers, as ids (no access check: for building their roles). Takes only
 * the collections, so the actor can be loaded before there is a context to act in.
 */
export async function agreementsAdministeredBy(ctx: Pick<Ctx, "c">, personId: ObjectId): Promise<ObjectId[]> {
  const grants = await ctx.c.agreementAdmins.find({ personId }, { projection: { agreementId: 1 } }).toArray();
  return grants.map((grant) => grant.agreementId);
}
