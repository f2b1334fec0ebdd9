import type { Collection, Document, Filter, ObjectId, OptionalUnlessRequiredId } from "mongodb";

/**
 * For property tests of a rule written as a filter and a predicate: holds generated documents in a real
 * collection, and says which of them the filter finds and which the predicate keeps, as sorted ids.
 */
export function ruleAgreement<T extends Document & { _id: ObjectId }>(collection: Collection<T>) {
  const ids = (docs: { _id: ObjectId }[]) => docs.map((d) => d._id.toHexString()).sort();
  return {
    /** Replaces the collection's documents with these. */
    async hold(docs: T[]): Promise<void> {
      await collection.deleteMany({});
      if (docs.length) await collection.insertMany(docs as OptionalUnlessRequiredId<T>[]);
    },
    /** The ids the filter finds in the database and those the predicate keeps of `docs`. */
    async select(docs: T[], filter: Filter<T>, predicate: (doc: T) => boolean) {
      const found = await collection.find(filter).project<{ _id: ObjectId }>({ _id: 1 }).toArray();
      return { found: ids(found), kept: ids(docs.filter(predicate)) };
    },
  };
}
