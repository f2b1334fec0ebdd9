import { createHash } from "node:crypto";
import { ObjectId } from "mongodb";
import { insertOnce } from "../idempotency/index.ts";
import type { Ctx } from "../shared/context.ts";
import { AppError } from "../shared/errors.ts";
import { requireActor } from "../shared/policy.ts";
import { recordChange, recordChangeOnce } from "../shared/record.ts";
import { dropChunks, storeChunks } from "./chunks.ts";
import type { AttachmentDoc, AttachmentOwnerKind } from "./documents.ts";
import { sanitiseFileName } from "./file-name.ts";
import { detectContentType, lyingExtension } from "./file-type.ts";
import { OWNERS } from "./owners.ts";

export type AttachInput = {
  ownerKind: AttachmentOwnerKind;
  ownerId: ObjectId;
  fileName: string;
  bytes: Uint8Array;
  maxBytes: number;
  /** From the request's Idempotency-Key (creationKeyOf): a repeat returns the file it stored. */
  idempotencyKey?: string | null;
};

/**
 * Attaches a file to what the owner's rule allows (owners.ts): of a type the owner accepts, by its
 * bytes (415 otherwise), whose name's extension, if it names a known type, says the same (415
 * `file_extension_mismatch`), within `maxBytes` (413), its name sanitised. The chunks are stored first and
 * the description last, so a file is never listed half-stored; a crash between the two leaves chunks
 * nobody lists. Emits `attachment.added` without the name.
 */
export async function attachFile({ ctx, input }: { ctx: Ctx; input: AttachInput }): Promise<AttachmentDoc> {
  const actor = requireActor(ctx);
  const owner = OWNERS[input.ownerKind];
  const place = await owner.mayAdd(ctx, input.ownerId);
  if (input.bytes.length > input.maxBytes) throw new AppError("file_too_large", { maxBytes: input.maxBytes });
  const contentType = detectContentType(input.bytes);
  if (!contentType || !owner.accepts.includes(contentType))
    throw new AppError("unsupported_file_type", { accepted: owner.accepts });
  const extension = lyingExtension(input.fileName, contentType);
  if (extension) throw new AppError("file_extension_mismatch", { extension, detected: contentType });
  const _id = new ObjectId();
  const chunks = await storeChunks(ctx, _id, input.bytes);
  const doc: AttachmentDoc = {
    _id,
    ownerKind: input.ownerKind,
    ownerId: input.ownerId,
    ...place,
    name: sanitiseFileName(input.fileName, contentType),
    contentType,
    size: input.bytes.length,
    sha256: createHash("sha256").update(input.bytes).digest("hex"),
    chunks,
    uploadedById: actor.personId,
    createdAt: ctx.now(),
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  };
  const { doc: stored, created } = await insertOnce(ctx.c.attachments, doc);
  if (!created) await dropChunks(ctx, _id);
  await (created ? recordChange : recordChangeOnce)(ctx, {
    action: "attachment.added",
    entity: "attachment",
    entityId: stored._id,
    agreementId: stored.agreementId,
    before: null,
    after: stored,
    event: {
      type: "attachment.added",
      payload: {
        attachmentId: stored._id.toHexString(),
        ownerKind: stored.ownerKind,
        ownerId: stored.ownerId.toHexString(),
        tableId: stored.tableId.toHexString(),
        contentType: stored.contentType,
        size: stored.size,
      },
    },
  });
  return stored;
}
