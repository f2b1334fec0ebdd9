import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.io.File;
import java.net.InetSocketAddress;
import java.util.List;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;

/**
 * Tavoli's embedded MongoDB stand-in: mongo-java-server on a loopback port, in memory or on an H2 file.
 *
 * <p>Usage: {@code java TavoliMongo <port|0> <file.mv|:memory:>}. Prints {@code LISTENING <port>} once it
 * accepts connections and exits when its standard input closes, so it never outlives the process that
 * started it (even one killed with SIGKILL).
 */
public final class TavoliMongo {
  /** Driver 7 needs wire version 9 or newer; the library's newest constant (5.0) reports 8. */
  private static final MongoVersion MONGO_4_4 =
      new MongoVersion() {
        public List<Integer> getVersionArray() {
          return List.of(4, 4, 0);
        }

        public int getWireVersion() {
          return 9;
        }
      };

  /**
   * H2 commits in the background about once a second, so a SIGKILL lost acknowledged writes. Committing
   * before the reply of every command that changed the store makes each acknowledged write durable
   * against a crash of this process (the OS holds the file pages).
   */
  static final class CommittingH2Backend extends H2Backend {
    private final MVStore store;

    CommittingH2Backend(MVStore store) {
      super(store);
      this.store = store;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
      return new IndexedDatabases.OnH2(databaseName, getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
      try {
        return super.handleCommand(channel, database, command, query);
      } finally {
        if (store.hasUnsavedChanges()) store.commit();
      }
    }
  }

  /** The in-memory backend, with the same indexes. */
  static final class IndexedMemoryBackend extends MemoryBackend {
    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
      return new IndexedDatabases.InMemory(databaseName, getCursorRegistry());
    }
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String file = args[1];
    MongoBackend backend;
    if (file.equals(":memory:")) {
      backend = new IndexedMemoryBackend();
    } else {
      // Rewriting the file at every start keeps it bounded: committing every write leaves superseded
      // chunks behind faster than H2's background compaction reclaims them (~5 KB per write).
      if (new File(file).exists()) MVStoreTool.compact(file, false);
      MVStore store = new MVStore.Builder().fileName(file).autoCompactFillRate(50).open();
      // Each commit writes a new chunk. Superseded chunks must outlive the longest traversal of a map
      // (H2's rule for its retention time): reusing them at once lost chunks during scans at national
      // scale ("Chunk N not found"), H2's default 45 s let a commit per write grow the file by ~80 KB
      // per write. Ten seconds, and compacting every second, keep the file near what it holds.
      store.setRetentionTime(10_000);
      Thread compactor =
          new Thread(
              () -> {
                while (!store.isClosed()) {
                  try {
                    Thread.sleep(1_000);
                    store.compact(80, 8 << 20);
                  } catch (Exception stopped) {
                    return;
                  }
                }
              });
      compactor.setDaemon(true);
      compactor.start();
      IndexedDatabases.OnH2.store = store;
      backend = new CommittingH2Backend(store);
    }
    backend.version(MONGO_4_4);
    MongoServer server = new MongoServer(backend);
    // Change streams need the oplog, which this server never trims: a new one per start (no change
    // stream resumes across a restart of the embedded database) keeps the file from growing forever.
    backend.dropDatabase("local");
    server.enableOplog();
    server.bind(new InetSocketAddress("127.0.0.1", port));
    System.out.println("LISTENING " + server.getLocalAddress().getPort());
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    while (System.in.read() != -1) {
      // Parent alive; it sends nothing.
    }
    System.exit(0); // runs the shutdown hook: closes the store cleanly
  }
}
