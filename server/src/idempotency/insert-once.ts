import type { Collection, Document, OptionalUnlessRequiredId } from "mongodb";
import { isDuplicateKey } from "../shared/errors.ts";

/**
 * Inserts a document carrying a creation key (see creationKeyOf), or finds the one already made under
 * it: `created` says which, so the caller records the change only once. The collection's unique sparse
 * index on `idempotencyKey` decides, also between two instances running the same request. A duplicate
 * on any other index (or without a key) is the caller's to handle.
 */
export async function insertOnce<T extends Document & { idempotencyKey?: string }>(
  collection: Collection<T>,
  doc: OptionalUnlessRequiredId<T>,
): Promise<{ doc: T; created: boolean }> {
  try {
    await collection.insertOne(doc);
    return { doc: doc as T, created: true };
  } catch (error) {
    const key = (doc as { idempotencyKey?: string }).idempotencyKey;
    if (!isDuplicateKey(error) || key === undefined) throw error;
    // biome-ignore lint/suspicious/noExplicitAny: the filter names the one field T is known to have
    const existing = (await collection.findOne({ idempotencyKey: key } as any)) as T | null;
    if (!existing) throw error;
    return { doc: existing, created: false };
  }
}
