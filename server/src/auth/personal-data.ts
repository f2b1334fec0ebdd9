import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";

/** The person's browser sessions, for their GDPR export: when each began and ends, never its secret. */
export async function exportSessionsOf(ctx: Ctx, personId: ObjectId) {
  const sessions = await ctx.c.sessions.find({ personId }).sort({ _id: 1 }).toArray();
  return sessions.map((s) => ({
    createdAt: s.createdAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
  }));
}

/** The person's API tokens, for their GDPR export: name and dates, never the token. */
export async function exportApiTokensOf(ctx: Ctx, personId: ObjectId) {
  const tokens = await ctx.c.apiTokens.find({ personId }).sort({ _id: 1 }).toArray();
  return tokens.map((t) => ({
    id: t._id.toHexString(),
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  }));
}

/** Erasure (DOMAIN rule 11): no browser session goes on acting for the person. */
export async function eraseSessionsOf(ctx: Ctx, personId: ObjectId): Promise<void> {
  await ctx.c.sessions.deleteMany({ personId });
}

/** Erasure (DOMAIN rule 11): a login link not yet used can no longer open a session. */
export async function eraseLoginLinksOf(ctx: Ctx, personId: ObjectId): Promise<void> {
  await ctx.c.loginLinks.deleteMany({ personId });
}

/** Erasure (DOMAIN rule 11): the person's API tokens still in use are revoked `at` the erasure. */
export async function revokeApiTokensOf(ctx: Ctx, personId: ObjectId, at: Date): Promise<void> {
  await ctx.c.apiTokens.updateMany({ personId, revokedAt: null }, { $set: { revokedAt: at } });
}
