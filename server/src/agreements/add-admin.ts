import { ObjectId } from "mongodb";
import { personExists } from "../people/queries.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError, refusingDuplicates } from "../shared/errors.ts";
import { requireInstallationAdmin } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import { getAgreement } from "./queries.ts";

/** Grants the agreement-admin role to a person. */
export async function addAgreementAdmin({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { agreementId: ObjectId; personId: ObjectId };
}): Promise<void> {
  requireInstallationAdmin(ctx);
  await getAgreement({ ctx, input: { id: input.agreementId } });
  if (!(await personExists(ctx, input.personId))) {
    throw new AppError("not_found", { entity: "person", id: input.personId.toHexString() });
  }
  const grant = {
    _id: new ObjectId(),
    agreementId: input.agreementId,
    personId: input.personId,
    createdAt: ctx.now(),
  };
  await refusingDuplicates(ctx.c.agreementAdmins.insertOne(grant), "conflict", { reason: "already_admin" });
  await recordChange(ctx, {
    action: "agreement.admin_added",
    entity: "agreement",
    entityId: input.agreementId,
    agreementId: input.agreementId,
    before: null,
    after: grant,
    event: {
      type: "agreement.admin_added",
      payload: { agreementId: input.agreementId.toHexString(), personId: input.personId.toHexString() },
    },
  });
}
