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
   * H2 commits in the background about once a second, so a SIGKILL lost acknowledged writes. Every
   * command that leaves unsaved changes now waits, before its reply, for a commit that began after it
   * changed the store, so each acknowledged write is durable against a crash of this process (the OS
   * holds the file pages). Commands finishing together share one commit (group commit): the first to
   * find none running commits for all that finished before it began; the others wait for it, and one
   * that finished during it commits next. One commit per command had made the store's single commit
   * lock the bottleneck of concurrent writers (reminders to 1,000 people: 17–20 s on the file, 7 s in
   * memory).
   */
  static final class CommittingH2Backend extends H2Backend {
    private final MVStore store;
    private final Object commits = new Object();
    /** Commands that finished changing the store, counted in order; a commit covers a prefix of them. */
    private long finished = 0;
    /** The longest prefix of `finished` a completed commit covers. */
    private long durable = 0;
    private boolean committing = false;

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
        if (store.hasUnsavedChanges()) commitCovering(finishedOne());
      }
    }

    private long finishedOne() {
      synchronized (commits) {
        return ++finished;
      }
    }

    /** Returns once a commit that began after command number `mine` had finished has completed. */
    private void commitCovering(long mine) {
      long upTo;
      synchronized (commits) {
        while (true) {
          if (durable >= mine) return;
          if (!committing) break;
          try {
            commits.wait();
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        committing = true;
        upTo = finished; // every one of these changed the store before this commit begins
      }
      try {
        store.commit();
      } finally {
        synchronized (commits) {
          durable = Math.max(durable, upTo);
          committing = false;
          commits.notifyAll();
        }
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
