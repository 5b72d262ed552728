package io.cratedigger.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cratedigger.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's promises: swaps lose no request, a killed rebuild changes nothing. */
class LiveIndexTest {
  @TempDir Path tmp;

  @Test
  void swapUnderConcurrentReadersLosesNoRequest() throws Exception {
    IndexStore store = new IndexStore(tmp.resolve("index"));
    IndexBuilder builder =
        new IndexBuilder(
            IndexBuilderTest.IMPORTER, store, IndexBuilderTest.small(), BuildListener.NONE);
    Path small = Fixtures.format("diggerz.csv"); // 8 tracks
    Path big = IndexBuilderTest.generate(tmp, "c.csv", 2000, 3); // 2000 tracks
    builder.build(List.of(small), "auto");
    try (LiveIndex live = LiveIndex.open(store)) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      AtomicLong requests = new AtomicLong();
      Set<Integer> counts = ConcurrentHashMap.newKeySet();
      CountDownLatch started = new CountDownLatch(4);
      List<Thread> readers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        readers.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      started.countDown();
                      while (!stop.get()) {
                        try {
                          int n =
                              live.search(
                                  (s, g) -> {
                                    // a slow request that spans a swap: two reads of one searcher
                                    int a = s.count(MatchAllDocsQuery.INSTANCE);
                                    Thread.onSpinWait();
                                    int b = s.count(MatchAllDocsQuery.INSTANCE);
                                    if (a != b || a != g.tracks()) {
                                      throw new IllegalStateException("torn read " + a + "/" + b);
                                    }
                                    return a;
                                  });
                          counts.add(n);
                          requests.incrementAndGet();
                        } catch (Throwable e) {
                          failure.compareAndSet(null, e);
                        }
                      }
                    }));
      }
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      for (int round = 0; round < 3; round++) {
        builder.build(List.of(round % 2 == 0 ? big : small), "auto");
        assertThat(live.refresh()).isPresent();
        long before = requests.get();
        await("50 requests answered after swap " + (round + 1))
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(5))
            .until(() -> failure.get() != null || requests.get() >= before + 50);
      }
      stop.set(true);
      for (Thread t : readers) {
        assertThat(t.join(Duration.ofSeconds(30))).as("%s stopped", t).isTrue();
      }
      assertThat(failure.get()).isNull();
      assertThat(counts).containsExactlyInAnyOrder(8, 2000);
      assertThat(live.generation().name()).isEqualTo("gen-000004"); // rounds: big, small, big
      assertThat(live.generation().tracks()).isEqualTo(2000);
    }
  }

  @Test
  void watcherPicksUpARebuildByAnotherWriter() throws Exception {
    IndexStore store = new IndexStore(tmp.resolve("index"));
    IndexBuilder builder =
        new IndexBuilder(
            IndexBuilderTest.IMPORTER, store, IndexBuilderTest.small(), BuildListener.NONE);
    builder.build(List.of(Fixtures.format("diggerz.csv")), "auto");
    try (LiveIndex live = LiveIndex.open(store)) {
      live.watch(Duration.ofMillis(50));
      builder.build(List.of(Fixtures.format("kaggle-1.2m.csv")), "auto");
      await("the watcher to swap in gen-000002")
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> live.generation().name(), "gen-000002"::equals);
      assertThat(live.generation().tracks()).isEqualTo(9);
    }
  }

  /**
   * A rebuild killed half-way ({@code kill -9}, in a separate JVM) leaves the previous generation
   * serving, releases its lock with the process, and the next rebuild removes what it left behind.
   */
  @Test
  void rebuildKilledHalfWayLeavesThePreviousGenerationServing() throws Exception {
    IndexStore store = new IndexStore(tmp.resolve("index"));
    IndexBuilder builder =
        new IndexBuilder(
            IndexBuilderTest.IMPORTER, store, IndexBuilderTest.small(), BuildListener.NONE);
    builder.build(List.of(Fixtures.format("diggerz.csv")), "auto");
    Path big = IndexBuilderTest.generate(tmp, "big.csv", 150_000, 11);

    String java = ProcessHandle.current().info().command().orElseThrow();
    Process child =
        new ProcessBuilder(
                java,
                "--add-modules",
                "jdk.incubator.vector",
                "-cp",
                System.getProperty("java.class.path"),
                "io.cratedigger.cli.Main",
                "index",
                "--input",
                big.toString(),
                "--index",
                store.root().toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    try {
      // kill it once documents of the new generation are on disk: it is inside the indexing
      // phase (scanned, model fitted, writer open), long before the commit of 150,000 tracks
      Path luceneDir = IndexStore.luceneDir(store.root().resolve("gen-000002"));
      await("the child writing documents into gen-000002")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(20))
          .failFast(
              "the child ended before it could be killed (see " + tmp.resolve("child.log") + ")",
              () -> !child.isAlive())
          .until(() -> writesDocuments(luceneDir));
    } finally {
      child.destroyForcibly(); // SIGKILL
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(store.current()).contains(store.root().resolve("gen-000001"));
    try (LiveIndex live = LiveIndex.open(store)) {
      assertThat(live.generation().tracks()).isEqualTo(8);
    }
    // the OS released the dead process's lock; the next rebuild cleans up its leftovers
    IndexReport next = builder.build(List.of(Fixtures.format("diggerz.csv")), "auto");
    assertThat(next.generation()).isEqualTo("gen-000003");
    assertThat(next.deletedGenerations()).containsExactly("gen-000002");
  }

  /**
   * The sequence that lost the lock: rebuild A holds it, B in the same process is refused, and then
   * C in another process must be refused too (B's refusal once closed a channel on the lock file,
   * which on Linux released A's lock). A half-built generation is removed at the next start only
   * when no rebuild is running.
   */
  @Test
  @SuppressWarnings("try") // the lock is held by the try block, not used in it
  void aRefusedRebuildDoesNotReleaseTheLockOfTheRunningOne() throws Exception {
    IndexStore store = new IndexStore(tmp.resolve("index"));
    Path csv = Fixtures.format("diggerz.csv");
    try (IndexStore.RebuildLock a = store.lock()) {
      Path partial = store.newGeneration(a); // A's generation in progress
      assertThatThrownBy(store::lock)
          .isInstanceOf(IndexBusyException.class)
          .hasMessageStartingWith("another rebuild of " + store.root() + " is running (pid ");
      assertThatThrownBy(
              () ->
                  new IndexBuilder(
                          IndexBuilderTest.IMPORTER,
                          new IndexStore(tmp.resolve("index")),
                          IndexBuilderTest.small(),
                          BuildListener.NONE)
                      .build(List.of(csv), "auto"))
          .isInstanceOf(IndexBusyException.class);
      assertThat(store.removePartial()).as("A is running: nothing removed").isEmpty();

      String java = ProcessHandle.current().info().command().orElseThrow();
      Process c =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  "io.cratedigger.cli.Main",
                  "index",
                  "--input",
                  csv.toString(),
                  "--index",
                  store.root().toString())
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve("c.log").toFile())
              .start();
      boolean ended = c.waitFor(60, TimeUnit.SECONDS);
      if (!ended) {
        c.destroyForcibly();
      }
      String out = Files.readString(tmp.resolve("c.log"));
      assertThat(ended).as("the refused rebuild ended within 60 s: %s", out).isTrue();
      assertThat(c.exitValue()).as(out).isEqualTo(1);
      assertThat(out)
          .contains(
              "cratedigger: another rebuild of "
                  + store.root()
                  + " is running (pid "
                  + ProcessHandle.current().pid());
      assertThat(partial).as("C deleted nothing").isDirectory();
      assertThat(store.current()).isEmpty();
    }
    // A stopped without publishing: its half-built generation goes at the next start
    assertThat(store.removePartial()).containsExactly(store.root().resolve("gen-000001"));
    assertThat(store.root().resolve("gen-000001")).doesNotExist();
  }

  /**
   * The index writer of {@code dir} is open and has written documents: stored fields go to disk as
   * documents are added (a {@code .fdt} file grows), while the rest waits for a flush.
   */
  private static boolean writesDocuments(Path dir) throws java.io.IOException {
    if (!Files.exists(dir.resolve("write.lock"))) {
      return false;
    }
    try (var files = Files.list(dir)) {
      return files.anyMatch(
          f -> {
            try {
              return f.getFileName().toString().endsWith(".fdt") && Files.size(f) > 0;
            } catch (java.io.IOException e) {
              return false; // renamed or deleted while listed
            }
          });
    }
  }
}
