import { Binary, ObjectId } from "mongodb";
import type { Ctx } from "../shared/context.ts";

/** GridFS's default: well under MongoDB's 16 MB document limit, few documents per file. */
export const CHUNK_BYTES = 255 * 1024;

/** Stores the bytes as numbered chunks of the attachment (before its description: see AttachmentDoc). */
export async function storeChunks(ctx: Ctx, attachmentId: ObjectId, bytes: Uint8Array): Promise<number> {
  const docs = [];
  for (let n = 0; n * CHUNK_BYTES < bytes.length; n++) {
    const data = bytes.subarray(n * CHUNK_BYTES, (n + 1) * CHUNK_BYTES);
    docs.push({ _id: new ObjectId(), attachmentId, n, data: new Binary(data) });
  }
  if (docs.length) await ctx.c.attachmentChunks.insertMany(docs);
  return docs.length;
}

/** Removes a file's chunks (a file whose description lost the race to an identical repeat). */
export async function dropChunks(ctx: Ctx, attachmentId: ObjectId): Promise<void> {
  await ctx.c.attachmentChunks.deleteMany({ attachmentId });
}

/** The file's bytes as a stream, chunk by chunk in order, so a download never holds the whole file. */
export function streamChunks(ctx: Ctx, attachmentId: ObjectId): ReadableStream<Uint8Array> {
  const cursor = ctx.c.attachmentChunks.find({ attachmentId }).sort({ n: 1 });
  return new ReadableStream({
    async pull(controller) {
      const chunk = await cursor.next();
      if (chunk) controller.enqueue(new Uint8Array(chunk.data.buffer));
      else {
        controller.close();
        await cursor.close();
      }
    },
    async cancel() {
      await cursor.close();
    },
  });
}
