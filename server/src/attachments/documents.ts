import type { Binary, Db, ObjectId } from "mongodb";
import type { ALL_TYPES } from "./file-type.ts";

/** What a file can be attached to, each with its own access rule and accepted types (owners.ts). */
export type AttachmentOwnerKind = "issue_report" | "contribution";

export type AttachmentContentType = (typeof ALL_TYPES)[number];

/**
 * A file's description; its bytes are in `attachmentChunks`. Stored after every chunk, so a file
 * whose description exists is whole (the description is the commit point).
 */
export type AttachmentDoc = {
  _id: ObjectId;
  ownerKind: AttachmentOwnerKind;
  ownerId: ObjectId;
  tableId: ObjectId;
  agreementId: ObjectId;
  /** Sanitised (file-name.ts): what the download is called. */
  name: string;
  /** Detected from the bytes (file-type.ts), never the name or what the browser declared. */
  contentType: AttachmentContentType;
  size: number;
  sha256: string;
  chunks: number;
  uploadedById: ObjectId;
  createdAt: Date;
  /** `<uploaderId>:<Idempotency-Key>` when sent with one (unique where set): a repeat finds this one. */
  idempotencyKey?: string;
};

/** One piece of a file, `n` from 0 (unique with attachmentId). */
export type AttachmentChunkDoc = { _id: ObjectId; attachmentId: ObjectId; n: number; data: Binary };

/** Typed handles on the collections the attachments feature owns; the only place their names are spelled. */
export function attachmentCollections(db: Db) {
  return {
    attachments: db.collection<AttachmentDoc>("attachments"),
    attachmentChunks: db.collection<AttachmentChunkDoc>("attachmentChunks"),
  };
}
