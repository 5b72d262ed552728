package io.cratedigger.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.search.IndexSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index a server reads: the live generation, swapped for a newer one without a restart and
 * without failing a request in flight. Each request holds a reference to the generation it started
 * on; a swap publishes the new one at once and the old one closes when its last request finishes.
 * Lucene's {@link org.apache.lucene.search.SearcherManager} hands out the searchers of each
 * generation, so no request is serialised behind another.
 */
public final class LiveIndex implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveIndex.class);

  private final IndexStore store;
  private final AtomicReference<Generation> live = new AtomicReference<>();
  private ScheduledExecutorService watcher;

  private LiveIndex(IndexStore store, Generation first) {
    this.store = store;
    this.live.set(first);
  }

  /**
   * Opens the live generation of {@code store}.
   *
   * @throws IllegalStateException when nothing was ever published there
   */
  public static LiveIndex open(IndexStore store) throws IOException {
    Path gen =
        store
            .current()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no index in "
                            + store.root()
                            + "; build one with: cratedigger index --input FILE"));
    return new LiveIndex(store, Generation.open(gen));
  }

  /**
   * The live index of {@code store}, open when a generation is published there and otherwise not
   * ready yet: {@link #search} then throws {@link NotReadyException} until {@link #refresh} finds
   * the first generation (a server listens while its first index is still being built).
   */
  public static LiveIndex opening(IndexStore store) throws IOException {
    Optional<Path> gen = store.current();
    return new LiveIndex(store, gen.isPresent() ? Generation.open(gen.get()) : null);
  }

  /** Whether a generation is open. */
  public boolean ready() {
    return live.get() != null;
  }

  /** What a request runs against: a searcher and the generation it belongs to. */
  @FunctionalInterface
  public interface Work<T> {
    T run(IndexSearcher searcher, Generation generation) throws IOException;
  }

  /** Runs {@code work} on the live generation, holding it until the work returns. */
  public <T> T search(Work<T> work) throws IOException {
    Generation g;
    do {
      g = live.get();
      if (g == null) {
        throw new NotReadyException("the index is still being prepared");
      }
    } while (!g.tryIncRef());
    try {
      IndexSearcher s = g.searchers().acquire();
      try {
        return work.run(s, g);
      } finally {
        g.searchers().release(s);
      }
    } finally {
      g.decRef();
    }
  }

  /**
   * The live generation (for its name, size and model); may be retired a moment later. Null before
   * the first one is open (see {@link #opening}).
   */
  public Generation generation() {
    return live.get();
  }

  /**
   * Moves to the generation {@code CURRENT} names if it is not the live one.
   *
   * @return the new generation's name, or empty when nothing changed
   */
  public synchronized Optional<String> refresh() throws IOException {
    Optional<Path> current = store.current();
    Generation old = live.get();
    if (current.isEmpty()
        || (old != null && current.get().getFileName().toString().equals(old.name()))) {
      return Optional.empty();
    }
    Generation next = Generation.open(current.get());
    live.set(next);
    if (old == null) {
      LOG.info("index opened: {} ({} tracks)", next.name(), next.tracks());
      return Optional.of(next.name());
    }
    old.close(); // closes once the requests still on it finish
    LOG.info(
        "index swapped: {} ({} tracks) -> {} ({} tracks)",
        old.name(),
        old.tracks(),
        next.name(),
        next.tracks());
    return Optional.of(next.name());
  }

  /** Checks for a new generation every {@code every} (a rebuild by another process). */
  public synchronized void watch(Duration every) {
    if (watcher != null) {
      return;
    }
    watcher =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("index-watcher").unstarted(r));
    watcher.scheduleWithFixedDelay(
        () -> {
          try {
            refresh();
          } catch (IOException | RuntimeException e) {
            Generation g = live.get();
            LOG.warn(
                "index refresh failed; still serving {}: {}",
                g == null ? "nothing" : g.name(),
                e.toString());
          }
        },
        every.toMillis(),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() throws IOException {
    if (watcher != null) {
      watcher.shutdownNow();
    }
    Generation g = live.getAndSet(null);
    if (g != null) {
      g.close();
    }
  }
}
