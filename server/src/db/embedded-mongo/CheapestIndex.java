package de.bwaldvogel.mongo.backend;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/**
 * Chooses the index a query runs on. mongo-java-server takes the first index that can answer, in the
 * order they were created, so a query on `{ agreementId, organisationId }` ran on a prefix that holds a
 * national agreement's 7,904 memberships rather than on the index of the one organisation. Here each
 * index that can narrow says how many candidates it would return and the fewest win, as MongoDB's
 * planner would pick the most selective index; library indexes (exact unique lookups) count as one.
 */
public final class CheapestIndex {
  /** What an index tells the planner: how many documents it would hand back for the query. */
  public interface Estimating {
    long estimate(Document query);
  }

  private CheapestIndex() {}

  /** The index narrowing the query to the fewest candidates, or null when none can (a scan). */
  public static <P> Index<P> choose(List<Index<P>> indexes, Document query) {
    Index<P> best = null;
    long fewest = Long.MAX_VALUE;
    for (Index<P> index : indexes) {
      if (!index.canHandle(query)) continue;
      long candidates = index instanceof Estimating estimating ? estimating.estimate(query) : 1;
      if (candidates < fewest) {
        best = index;
        fewest = candidates;
      }
    }
    return best;
  }
}
