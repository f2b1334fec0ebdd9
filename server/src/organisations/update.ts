import type { z } from "@hono/zod-openapi";
import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError, isDuplicateKey } from "../shared/errors.ts";
import { changeGuarded } from "../shared/guarded-change.ts";
import { requireActingFor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { organisationPatch } from "./contracts.ts";
import type { OrganisationDoc } from "./documents.ts";
import { getOrganisation } from "./queries.ts";
import { organisationKey } from "./rules.ts";

/**
 * DOMAIN rule 4: only the organisation's own referents (or an installation admin) correct its record. The
 * key follows from the codes the record holds, so it is computed on the state read and written only if
 * no other change came first (else recomputed): concurrent corrections keep both codes and a true key.
 */
export async function updateOrganisation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId; patch: z.output<typeof organisationPatch> };
}): Promise<OrganisationDoc> {
  let key = "";
  const changed = await changeGuarded(
    ctx.c.organisations,
    () => getOrganisation({ ctx, input }),
    (before) => {
      requireActingFor(ctx, before._id);
      key = organisationKey({ ...before, ...input.patch });
      return { $set: { ...input.patch, key, updatedAt: ctx.now() } };
    },
  ).catch((error: unknown) => {
    // The unique key index refuses a code another organisation already holds.
    throw isDuplicateKey(error) ? new AppError("conflict", { field: "key", value: key }) : error;
  });
  if (!changed) throw new AppError("not_found", { entity: "organisation" });
  const { before, after } = changed;
  await recordChange(ctx, {
    action: "organisation.updated",
    entity: "organisation",
    entityId: after._id,
    agreementId: null,
    before,
    after,
    event: {
      type: "organisation.updated",
      payload: { organisationId: after._id.toHexString(), changed: Object.keys(input.patch) },
    },
  });
  return after;
}
