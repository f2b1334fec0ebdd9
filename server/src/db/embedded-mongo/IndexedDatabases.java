import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CheapestIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.NarrowingUniqueIndex;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.SecondaryIndex;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The two backends' databases with Tavoli's indexes (SecondaryIndex, NarrowingUniqueIndex) and with
 * collections that run each query on its cheapest index (CheapestIndex) instead of the first one able.
 */
final class IndexedDatabases {
  private IndexedDatabases() {}

  /** On the H2 file. */
  static final class OnH2 extends H2Database {
    /**
     * The process's one store. Static because H2Database opens its collections inside its constructor,
     * before a field of this subclass could be set.
     */
    static MVStore store;

    OnH2(String name, CursorRegistry cursorRegistry) {
      super(name, store, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys, boolean sparse) {
      return new NarrowingUniqueIndex<>(super.openOrCreateUniqueIndex(collection, name, keys, sparse));
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys, boolean sparse) {
      return new SecondaryIndex<>(name, keys);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
      // The map names H2Database itself uses (its DATABASES_PREFIX and META_PREFIX), so dropping and
      // renaming collections keep working.
      String fullName = getFullCollectionNamespace(collectionName);
      MVMap<Object, Document> data = store.openMap("databases." + fullName);
      MVMap<String, Object> meta = store.openMap("meta." + fullName);
      return new H2Collection(this, collectionName, options, data, meta, cursorRegistry) {
        @Override
        protected QueryResult queryDocuments(
            Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
          Index<Object> index = CheapestIndex.choose(getIndexes(), query);
          if (index == null) return matchDocuments(query, orderBy, skip, limit, batchSize, fields);
          return matchDocuments(query, index.getPositions(query), orderBy, skip, limit, batchSize, fields);
        }
      };
    }
  }

  /** In memory. */
  static final class InMemory extends MemoryDatabase {
    InMemory(String name, CursorRegistry cursorRegistry) {
      super(name, cursorRegistry);
    }

    @Override
    protected Index<Integer> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys, boolean sparse) {
      return new NarrowingUniqueIndex<>(super.openOrCreateUniqueIndex(collection, name, keys, sparse));
    }

    @Override
    protected Index<Integer> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys, boolean sparse) {
      return new SecondaryIndex<>(name, keys);
    }

    @Override
    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
      return new MemoryCollection(this, collectionName, options, cursorRegistry) {
        @Override
        protected QueryResult queryDocuments(
            Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
          Index<Integer> index = CheapestIndex.choose(getIndexes(), query);
          if (index == null) return matchDocuments(query, orderBy, skip, limit, batchSize, fields);
          return matchDocuments(query, index.getPositions(query), orderBy, skip, limit, batchSize, fields);
        }
      };
    }
  }
}
