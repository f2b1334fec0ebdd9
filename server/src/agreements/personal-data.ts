import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";

/** Erasure (DOMAIN rule 11): the person administers no agreement any more. */
export async function eraseAgreementAdminRolesOf(ctx: Ctx, personId: ObjectId): Promise<void> {
  await ctx.c.agreementAdmins.deleteMany({ personId });
}
