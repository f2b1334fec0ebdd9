import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";

/** Revokes one of the acting person's tokens. */
export async function revokeApiToken({ ctx, input }: { ctx: Ctx; input: { id: ObjectId } }) {
  const actor = requireActor(ctx);
  // One guarded update, atomic on MongoDB: of two concurrent revocations one finds it live and is audited.
  const doc = await ctx.c.apiTokens.findOneAndUpdate(
    { _id: input.id, personId: actor.personId, revokedAt: null },
    { $set: { revokedAt: ctx.now() } },
    { returnDocument: "after" },
  );
  if (!doc) throw new AppError("not_found", { entity: "api_token" });
  await recordChange(ctx, {
    action: "api_token.revoked",
    entity: "person",
    entityId: actor.personId,
    agreementId: null,
    before: { tokenId: doc._id, revokedAt: null },
    after: { tokenId: doc._id, revokedAt: doc.revokedAt },
  });
}
