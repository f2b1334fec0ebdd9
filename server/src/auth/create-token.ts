import { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
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
