package io.cratedigger.opensearch;

import io.cratedigger.UnavailableException;
import io.cratedigger.index.NotReadyException;
import io.cratedigger.search.TrackSource;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's catalog in an OpenSearch cluster: the generation behind the alias {@value
 * ClusterTarget#ALIAS}. The alias is looked at again at most every {@link #FOLLOW} (so a rebuild's
 * swap is followed within that, without a restart); a new generation's models are read once, when
 * it first serves. A cluster that does not answer makes a request fail with {@link
 * UnavailableException} (503); the next request tries again, so the server recovers by itself.
 */
public final class ClusterSource implements TrackSource, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterSource.class);

  /** How long the alias's target is trusted before it is looked at again. */
  public static final java.time.Duration FOLLOW = java.time.Duration.ofSeconds(1);

  private final ClusterClient client;
  private final Object lock = new Object();
  private volatile ClusterGeneration current;
  private volatile long checkedAt;

  public ClusterSource(ClusterClient client) {
    this.client = client;
  }

  /** Connects to the cluster (nothing is sent until the first request). */
  public static ClusterSource connect(ClusterSettings settings) {
    return new ClusterSource(ClusterClient.connect(settings));
  }

  public ClusterClient client() {
    return client;
  }

  @Override
  public <T> T read(Work<T> work) throws IOException {
    for (int attempt = 0; ; attempt++) {
      ClusterGeneration g = generation(attempt > 0);
      try {
        return work.apply(g.tracks());
      } catch (ClusterException e) {
        if (e.status() == 404 && attempt == 0) {
          continue; // the generation was deleted under us: the alias has moved on
        }
        if (e.transientFailure()) {
          throw unavailable(e);
        }
        throw e;
      }
    }
  }

  /** The generation behind the alias, looked up again when {@link #FOLLOW} has passed. */
  ClusterGeneration generation(boolean recheck) {
    ClusterGeneration g = current;
    if (g != null && !recheck && System.nanoTime() - checkedAt < FOLLOW.toNanos()) {
      return g;
    }
    synchronized (lock) {
      if (current != null && !recheck && System.nanoTime() - checkedAt < FOLLOW.toNanos()) {
        return current; // another request looked while this one waited
      }
      try {
        List<String> targets = client.aliasTargets(ClusterTarget.ALIAS);
        if (targets.isEmpty()) {
          throw new NotReadyException(
              "no generation behind the alias "
                  + ClusterTarget.ALIAS
                  + " at "
                  + client.location()
                  + " (build one with: cratedigger index --backend opensearch --opensearch-url"
                  + " URL --input FILE)");
        }
        String index = targets.getLast();
        if (current == null || !current.index().equals(index)) {
          ClusterGeneration opened = ClusterGeneration.open(client, index);
          LOG.info(
              "serving {} ({} tracks) from {}{}",
              index,
              opened.size(),
              client.location(),
              current == null ? "" : "; was " + current.index());
          current = opened;
        }
        checkedAt = System.nanoTime();
        return current;
      } catch (ClusterException e) {
        throw unavailable(e);
      } catch (IOException e) {
        throw new UnavailableException(
            "the generation behind " + ClusterTarget.ALIAS + " cannot be read: " + e.getMessage(),
            e);
      }
    }
  }

  private UnavailableException unavailable(ClusterException e) {
    return new UnavailableException(
        "OpenSearch at " + client.location() + " does not answer: " + e.getMessage(), e);
  }

  @Override
  public Served served() {
    String health;
    try {
      health =
          client
              .get("/_cluster/health", Map.of("timeout", "2s"))
              .path("status")
              .asString("unknown");
    } catch (ClusterException e) {
      health = "unreachable";
    }
    ClusterGeneration g;
    try {
      g = generation(false);
    } catch (RuntimeException e) {
      g = null; // no alias yet, or the cluster is down: said by the health
    }
    return new Served("opensearch", g == null ? null : g.index(), g == null ? 0 : g.size(), health);
  }

  @Override
  public void close() throws IOException {
    client.close();
  }

  /** For tests: forget the alias's target so the next request looks again. */
  void expire() {
    checkedAt = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
  }
}
