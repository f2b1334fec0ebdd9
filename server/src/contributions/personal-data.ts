import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";

/** What the person wrote, for their GDPR export, confidential ones included: they are the author. */
export async function exportContributionsOf(ctx: Ctx, personId: ObjectId) {
  const contributions = await ctx.c.contributions.find({ authorId: personId }).sort({ _id: 1 }).toArray();
  return contributions.map((c) => ({
    id: c._id.toHexString(),
    tableId: c.tableId.toHexString(),
    organisationId: c.organisationId.toHexString(),
    meetingId: c.meetingId?.toHexString() ?? null,
    kind: c.kind,
    title: c.title,
    description: c.description,
    url: c.url,
    confidential: c.confidential,
    source: c.source,
    createdAt: c.createdAt.toISOString(),
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
  }));
}

/** Erasure (DOMAIN rule 11): contributions are the organisation's acts, so they stay, without the author's name. */
export async function eraseAuthorNameFromContributions(
  ctx: Ctx,
  personId: ObjectId,
  erasedName: string,
): Promise<void> {
  await ctx.c.contributions.updateMany({ authorId: personId }, { $set: { authorName: erasedName } });
}
