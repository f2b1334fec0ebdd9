import type { z } from "@hono/zod-openapi";
import { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError, isDuplicateKey } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { personInput } from "./contracts.ts";
import type { PersonDoc } from "./documents.ts";

/**
 * Registers a person. Referents may do it too, so they can designate a colleague their organisation
 * has appointed; the event carries no contact data because notifiers fan events out to other channels.
 *
 * A known address is a 409 only for admins, who may see people anyway. A referent gets the same 201 as
 * for a new address, so they cannot probe who is registered: the answer echoes what they sent under the
 * existing record's id (to designate the colleague), and the stored person is neither changed nor shown.
 */
export async function createPerson({ ctx, input }: { ctx: Ctx; input: z.output<typeof personInput> }) {
  const actor = requireActor(ctx);
  const isAdmin = actor.isInstallationAdmin || actor.agreementAdminOf.length > 0;
  if (!isAdmin && actor.referentFor.length === 0) {
    throw new AppError("forbidden", { requiredRole: "admin_or_referent" });
  }
  const now = ctx.now();
  const doc: PersonDoc = {
    _id: new ObjectId(),
    ...input,
    isInstallationAdmin: false,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await ctx.c.people.insertOne(doc);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    if (isAdmin) throw new AppError("conflict", { field: "email" });
    const existing = await ctx.c.people.findOne({ email: doc.email }, { projection: { _id: 1 } });
    if (!existing) throw error;
    return { ...doc, _id: existing._id };
  }
  await recordChange(ctx, {
    action: "person.created",
    entity: "person",
    entityId: doc._id,
    agreementId: null,
    before: null,
    after: doc,
    event: { type: "person.created", payload: { personId: doc._id.toHexString() } },
  });
  return doc;
}
