import type { Collection, Document, Filter, ObjectId, UpdateFilter } from "mongodb";
import { AppError } from "./errors.ts";

/** Of this many changes racing for one document, each gets a turn before anyone is told to retry. */
const MAX_ATTEMPTS = 20;

/** A document that carries the revision counter guarded changes bump (absent on older documents = 0). */
export type Revisioned = Document & { _id: ObjectId; revision?: number };

/** Matches a document still at `revision` (a document that never had one counts as revision 0). */
export function revisionGuard(revision: number | undefined): Document {
  return revision ? { revision } : { revision: { $in: [null, 0] } };
}

/**
 * Changes one document from exactly the state the change was computed from, with what MongoDB itself
 * guarantees: the update is conditional on the document's `revision`, so when another change got there
 * first this one is recomputed on the new state (never lost, never interleaved), and the before/after an
 * audit entry records are this change's own. `load` reads the document (throwing not_found), `change`
 * checks permissions and rules on it and returns the update, or null when there is nothing to change.
 */
export async function changeGuarded<T extends Revisioned>(
  collection: Collection<T>,
  load: () => Promise<T>,
  change: (before: T) => UpdateFilter<T> | null,
): Promise<{ before: T; after: T } | null> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const before = await load();
    const update = change(before);
    if (!update) return null;
    const guard = { _id: before._id, ...revisionGuard(before.revision) } as Filter<T>;
    const inc = { ...(update.$inc ?? {}), revision: 1 };
    const after = await collection.findOneAndUpdate(
      guard,
      { ...update, $inc: inc } as unknown as UpdateFilter<T>,
      { returnDocument: "after" },
    );
    if (after) return { before, after: after as T };
  }
  throw new AppError("concurrent_change", { attempts: MAX_ATTEMPTS });
}
