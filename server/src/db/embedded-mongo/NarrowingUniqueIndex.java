package de.bwaldvogel.mongo.backend;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.List;

/**
 * A unique index (the `_id` one included) that also serves the queries MongoDB would serve with it.
 * mongo-java-server uses a unique index only when the query names exactly its fields, so a guarded
 * update `{ _id, revision }`, a token lookup `{ tokenHash, revokedAt: null }` or a prefix query on a
 * compound key scanned the whole collection. Here:
 *
 * <ul>
 *   <li>a query naming every field of the index (and anything else) is narrowed to the documents matching
 *       those fields, looked up in the unique index itself;
 *   <li>a compound index also answers for its first field, through a {@link SecondaryIndex} on it, as
 *       MongoDB uses an index's prefix.
 * </ul>
 *
 * <p>Both only narrow: the collection matches every candidate against the whole query afterwards. The
 * uniqueness checks and the stored entries are the library's own index, to which everything else is
 * delegated.
 */
public final class NarrowingUniqueIndex<P> extends Index<P> implements CheapestIndex.Estimating {
  private final Index<P> unique;
  private final SecondaryIndex<P> prefix;

  /**
   * Reopening an H2 file finds the unique entries stored but the in-memory prefix empty. The collection
   * fills an index it finds empty by calling checkAdd() for every document, then add() for every
   * document: during that pass only the prefix is filled, and the first call of anything else ends it.
   */
  private enum Fill { NONE, CHECKS, ADDS }

  private Fill fill = Fill.NONE;

  public NarrowingUniqueIndex(Index<P> unique) {
    super(unique.getName(), unique.getKeys(), unique.isSparse());
    this.unique = unique;
    this.prefix = unique.getKeys().size() > 1 ? new SecondaryIndex<>(unique.getName(), unique.getKeys()) : null;
  }

  /** The query's conditions on this index's fields, or null when it does not name them all. */
  private Document onKeys(Document query) {
    Document conditions = new Document();
    for (String key : keys()) {
      if (!query.containsKey(key)) return null;
      conditions.put(key, query.get(key));
    }
    return conditions;
  }

  @Override
  public boolean canHandle(Document query) {
    fill = Fill.NONE;
    if (unique.canHandle(query)) return true;
    Document conditions = onKeys(query);
    if (conditions != null && unique.canHandle(conditions)) return true;
    return prefix != null && prefix.canHandle(query);
  }

  @Override
  public Iterable<P> getPositions(Document query) {
    fill = Fill.NONE;
    if (unique.canHandle(query)) return unique.getPositions(query);
    Document conditions = onKeys(query);
    if (conditions != null && unique.canHandle(conditions)) return unique.getPositions(conditions);
    return prefix.getPositions(query);
  }

  @Override
  public long estimate(Document query) {
    if (unique.canHandle(query)) return 1;
    Document conditions = onKeys(query);
    if (conditions != null && unique.canHandle(conditions)) return 1;
    return prefix.estimate(query);
  }

  @Override
  public boolean isEmpty() {
    if (prefix != null && prefix.isEmpty() && !unique.isEmpty()) {
      fill = Fill.CHECKS;
      return true;
    }
    return unique.isEmpty();
  }

  @Override
  public void checkAdd(Document document, MongoCollection<P> collection) {
    if (fill == Fill.CHECKS) return; // stored documents: already unique
    fill = Fill.NONE;
    unique.checkAdd(document, collection);
  }

  @Override
  public void add(Document document, P position, MongoCollection<P> collection) {
    if (fill == Fill.NONE) unique.add(document, position, collection);
    else fill = Fill.ADDS;
    if (prefix != null) prefix.add(document, position, collection);
  }

  @Override
  public P remove(Document document) {
    fill = Fill.NONE;
    if (prefix != null) prefix.remove(document);
    return unique.remove(document);
  }

  @Override
  public P getPosition(Document document) {
    return unique.getPosition(document);
  }

  @Override
  public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
    fill = Fill.NONE;
    unique.checkUpdate(oldDocument, newDocument, collection);
  }

  @Override
  public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
      throws KeyConstraintError {
    unique.updateInPlace(oldDocument, newDocument, position, collection);
    if (prefix != null) prefix.updateInPlace(oldDocument, newDocument, position, collection);
  }

  @Override
  public long getCount() {
    return unique.getCount();
  }

  @Override
  public long getDataSize() {
    return unique.getDataSize();
  }

  @Override
  protected boolean isSparse() {
    return unique.isSparse();
  }

  @Override
  public boolean isUnique() {
    return true;
  }

  @Override
  public boolean hasSameOptions(Index<?> other) {
    return unique.hasSameOptions(other instanceof NarrowingUniqueIndex<?> wrapped ? wrapped.unique : other);
  }

  @Override
  public Document toIndexDescription() {
    return unique.toIndexDescription();
  }

  @Override
  public void drop() {
    unique.drop();
    if (prefix != null) prefix.drop();
  }
}
