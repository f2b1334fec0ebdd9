import type { ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { streamChunks } from "./chunks.ts";
import type { AttachmentDoc, AttachmentOwnerKind } from "./documents.ts";
import { OWNERS } from "./owners.ts";
import { presentAttachment } from "./present.ts";

/** The files of an owner, oldest first (no access check: the caller has read the owner). */
export async function attachmentsOf(ctx: Ctx, ownerKind: AttachmentOwnerKind, ownerId: ObjectId) {
  const docs = await ctx.c.attachments.find({ ownerId, ownerKind }).sort({ _id: 1 }).toArray();
  return docs.map(presentAttachment);
}

/** One file for download, to whoever may read its owner (404 for anyone else, as for the owner). */
export async function openAttachment({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: ObjectId };
}): Promise<{ doc: AttachmentDoc; body: ReadableStream<Uint8Array> }> {
  const doc = await ctx.c.attachments.findOne({ _id: input.id });
  if (!doc) throw new AppError("not_found", { entity: "attachment", id: input.id.toHexString() });
  try {
    await OWNERS[doc.ownerKind].mayRead(ctx, doc.ownerId);
  } catch (error) {
    // Not found rather than the owner's own refusal: a file id says nothing about what it belongs to.
    if (error instanceof AppError && error.code === "not_found")
      throw new AppError("not_found", { entity: "attachment", id: input.id.toHexString() });
    throw error;
  }
  return { doc, body: streamChunks(ctx, doc._id) };
}
