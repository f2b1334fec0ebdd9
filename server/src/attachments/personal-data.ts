import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";

/**
 * The files a person attached, for their GDPR export: which, to what and when (the bytes are the
 * organisation's record, downloadable where the person may read them). On erasure files stay, as the
 * reports they document do: they keep the uploader's id only, never a name.
 */
export async function exportAttachmentsOf(ctx: Ctx, personId: ObjectId) {
  const docs = await ctx.c.attachments.find({ uploadedById: personId }).sort({ _id: 1 }).toArray();
  return docs.map((d) => ({
    id: d._id.toHexString(),
    ownerKind: d.ownerKind,
    ownerId: d.ownerId.toHexString(),
    name: d.name,
    contentType: d.contentType,
    size: d.size,
    createdAt: d.createdAt.toISOString(),
  }));
}
