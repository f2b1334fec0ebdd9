import type { z } from "@hono/zod-openapi";
import { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { refusingDuplicates } from "../shared/errors.ts";
import { requireInstallationAdmin } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { agreementInput } from "./contracts.ts";
import type { AgreementDoc } from "./documents.ts";

/** Creates an agreement (a tenant of the installation). */
export async function createAgreement({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.output<typeof agreementInput>;
}): Promise<AgreementDoc> {
  requireInstallationAdmin(ctx);
  const now = ctx.now();
  const doc: AgreementDoc = { _id: new ObjectId(), ...input, createdAt: now, updatedAt: now };
  await refusingDuplicates(ctx.c.agreements.insertOne(doc), "conflict", { field: "slug", value: input.slug });
  await recordChange(ctx, {
    action: "agreement.created",
    entity: "agreement",
    entityId: doc._id,
    agreementId: doc._id,
    before: null,
    after: doc,
    event: { type: "agreement.created", payload: { agreementId: doc._id.toHexString() } },
  });
  return doc;
}
