import type { z } from "@hono/zod-openapi";
import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { requireAgreementAdmin } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { agreementPatch } from "./contracts.ts";
import type { AgreementDoc } from "./documents.ts";
import { getAgreement } from "./queries.ts";

/** Changes an agreement's terms (delay, notice, texts); past adhesions keep the dates computed when received. */
export async function updateAgreement({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId; patch: z.output<typeof agreementPatch> };
}): Promise<AgreementDoc> {
  const changed = await changeGuarded(
    ctx.c.agreements,
    () => getAgreement({ ctx, input }),
    (before) => {
      requireAgreementAdmin(ctx, before._id);
      return { $set: { ...input.patch, updatedAt: ctx.now() } };
    },
  );
  if (!changed) throw new AppError("not_found", { entity: "agreement" });
  const { before, after } = changed;
  await recordChange(ctx, {
    action: "agreement.updated",
    entity: "agreement",
    entityId: after._id,
    agreementId: after._id,
    before,
    after,
    event: {
      type: "agreement.updated",
      payload: { agreementId: after._id.toHexString(), changed: Object.keys(input.patch) },
    },
  });
  return after;
}
