package de.bwaldvogel.mongo.backend;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A non-unique index for mongo-java-server, which accepts {@code createIndex} without {@code unique} and
 * then ignores it (every query on such a field scans the collection: 16 s for "my meetings" at national
 * scale). Kept in memory and rebuilt from the documents when the collection opens, like MongoDB's own
 * index builds; nothing about it is stored.
 *
 * <p>It answers only for the index's first field, queried by equality, {@code $eq} or {@code $in} of
 * plain values, and only narrows: the collection still matches every candidate against the whole query
 * (AbstractMongoCollection.matchDocuments), so a superset is always correct. Array fields index each
 * element, as MongoDB's multikey indexes do. Candidates come back in the collection's natural order, the
 * order a scan would give. Lives in the library's package for {@code Utils.normalizeValue}, the equality
 * the engine's own indexes use (1 and 1.0 are one key).
 */
public final class SecondaryIndex<P> extends Index<P> implements CheapestIndex.Estimating {
  private final String field;
  /** Normalised value of the first field → positions of the documents holding it, in natural order. */
  private final Map<Object, TreeSet<P>> positionsByValue = new HashMap<>();
  /** Every indexed document's position by its normalised _id, so remove() can answer with it. */
  private final Map<Object, P> positionById = new HashMap<>();

  public SecondaryIndex(String name, List<IndexKey> keys) {
    super(name, keys, false);
    this.field = keys.get(0).getKey();
  }

  @Override
  public synchronized boolean canHandle(Document query) {
    if (!query.containsKey(field)) return false;
    return queriedValues(query.get(field)) != null;
  }

  @Override
  public synchronized Iterable<P> getPositions(Document query) {
    Collection<?> values = queriedValues(query.get(field));
    TreeSet<P> union = new TreeSet<>(ValueComparator.asc());
    for (Object value : values) {
      TreeSet<P> positions = positionsByValue.get(Utils.normalizeValue(value));
      if (positions != null) union.addAll(positions);
    }
    return List.copyOf(union);
  }

  @Override
  public synchronized long estimate(Document query) {
    long candidates = 0;
    for (Object value : queriedValues(query.get(field))) {
      TreeSet<P> positions = positionsByValue.get(Utils.normalizeValue(value));
      if (positions != null) candidates += positions.size();
    }
    return candidates;
  }

  /**
   * The plain values a query condition selects by equality, or null when this index cannot narrow it:
   * null (also matches a missing field), regular expressions, whole-array and subdocument equality, and
   * every other operator are left to a scan.
   */
  private static Collection<?> queriedValues(Object condition) {
    if (condition instanceof Document operators) {
      if (BsonRegularExpression.isRegularExpression(operators) || operators.size() != 1) return null;
      if (operators.containsKey("$eq")) return plain(operators.get("$eq")) ? List.of(operators.get("$eq")) : null;
      if (operators.get("$in") instanceof Collection<?> values && values.stream().allMatch(SecondaryIndex::plain))
        return values;
      return null;
    }
    return plain(condition) ? List.of(condition) : null;
  }

  private static boolean plain(Object value) {
    return !Missing.isNullOrMissing(value)
        && !(value instanceof Document)
        && !(value instanceof Collection)
        && !(value instanceof Pattern)
        && !(value instanceof BsonRegularExpression);
  }

  private Set<Object> keysOf(Document document) {
    Object value = Utils.getSubdocumentValueCollectionAware(document, field);
    Set<Object> keys = new java.util.HashSet<>();
    if (value instanceof Collection<?> elements) {
      for (Object element : elements) if (!Missing.isNullOrMissing(element)) keys.add(Utils.normalizeValue(element));
    } else if (!Missing.isNullOrMissing(value)) {
      keys.add(Utils.normalizeValue(value));
    }
    return keys;
  }

  private static Object idOf(Document document) {
    return Utils.normalizeValue(document.get("_id"));
  }

  @Override
  public synchronized void add(Document document, P position, MongoCollection<P> collection) {
    positionById.put(idOf(document), position);
    for (Object key : keysOf(document))
      positionsByValue.computeIfAbsent(key, k -> new TreeSet<>(ValueComparator.asc())).add(position);
  }

  @Override
  public synchronized P remove(Document document) {
    P position = positionById.remove(idOf(document));
    if (position == null) return null;
    for (Object key : keysOf(document)) {
      TreeSet<P> positions = positionsByValue.get(key);
      if (positions == null) continue;
      positions.remove(position);
      if (positions.isEmpty()) positionsByValue.remove(key);
    }
    return position;
  }

  @Override
  public synchronized void updateInPlace(
      Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
    remove(oldDocument);
    add(newDocument, position, collection);
  }

  @Override
  public synchronized P getPosition(Document document) {
    return positionById.get(idOf(document));
  }

  @Override
  public void checkAdd(Document document, MongoCollection<P> collection) {
    // Not unique: nothing to refuse.
  }

  @Override
  public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
    // Not unique: nothing to refuse.
  }

  @Override
  public synchronized long getCount() {
    return positionById.size();
  }

  @Override
  public synchronized boolean isEmpty() {
    return positionById.isEmpty();
  }

  @Override
  public long getDataSize() {
    return getCount();
  }

  @Override
  public synchronized void drop() {
    positionsByValue.clear();
    positionById.clear();
  }
}
