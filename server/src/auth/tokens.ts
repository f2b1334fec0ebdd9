import { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import { recordChange } from "../shared/record.ts";
import type { ApiTokenDoc } from "./documents.ts";
import { hashToken, newToken } from "./secrets.ts";

/** Issues a personal API token for the acting person; the clear token is returned once and stored only hashed. */
export async function createApiToken({ ctx, input }: { ctx: Ctx; input: { name: string } }) {
  const actor = requireActor(ctx);
  const token = newToken("tvl_");
  const doc: ApiTokenDoc = {
    _id: new ObjectId(),
    tokenHash: hashToken(token),
    personId: actor.personId,
    name: input.name,
    createdAt: ctx.now(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await ctx.c.apiTokens.insertOne(doc);
  await recordChange(ctx, {
    action: "api_token.created",
    entity: "person",
    entityId: actor.personId,
    agreementId: null,
    before: null,
    after: { tokenId: doc._id, name: doc.name },
  });
  return { token, doc };
}

/** Lists the acting person's tokens (never the secrets). */
export async function listApiTokens({ ctx }: { ctx: Ctx }) {
  const actor = requireActor(ctx);
  return ctx.c.apiTokens.find({ personId: actor.personId }).sort({ _id: 1 }).toArray();
}

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
