import type { z } from "@hono/zod-openapi";
import { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError, refusingDuplicates } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { organisationInput } from "./contracts.ts";
import type { OrganisationDoc } from "./documents.ts";
import { organisationKey } from "./rules.ts";

/** Registers a member body; installation admins and the admins of any agreement may (they receive adhesions). */
export async function createOrganisation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.output<typeof organisationInput>;
}): Promise<OrganisationDoc> {
  const actor = requireActor(ctx);
  if (!actor.isInstallationAdmin && actor.agreementAdminOf.length === 0) {
    throw new AppError("forbidden", { requiredRole: "agreement_admin" });
  }
  const now = ctx.now();
  const _id = new ObjectId();
  const doc: OrganisationDoc = {
    _id,
    key: organisationKey({ _id, ...input }),
    ...input,
    createdAt: now,
    updatedAt: now,
  };
  await refusingDuplicates(ctx.c.organisations.insertOne(doc), "conflict", { field: "key", value: doc.key });
  await recordChange(ctx, {
    action: "organisation.created",
    entity: "organisation",
    entityId: doc._id,
    agreementId: null,
    before: null,
    after: doc,
    event: { type: "organisation.created", payload: { organisationId: doc._id.toHexString(), key: doc.key } },
  });
  return doc;
}
