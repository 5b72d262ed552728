package io.cratedigger.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cratedigger.Fixtures;
import java.nio.charset.StandardCharsets;
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
        while (requests.get() < before + 50) {
          Thread.sleep(1);
        }
      }
      stop.set(true);
      for (Thread t : readers) {
        t.join();
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
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!live.generation().name().equals("gen-000002") && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(live.generation().name()).isEqualTo("gen-000002");
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
      // kill it once it is indexing into the new generation
      Path luceneDir = IndexStore.luceneDir(store.root().resolve("gen-000002"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline && !hasFiles(luceneDir)) {
        assertThat(child.isAlive()).as("the child finished before it could be killed").isTrue();
        Thread.sleep(20);
      }
      assertThat(hasFiles(luceneDir)).as("the child started writing").isTrue();
      Thread.sleep(300); // well inside the indexing phase of 150,000 tracks
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
              .start();
      String out = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(c.waitFor(60, TimeUnit.SECONDS)).isTrue();
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

  /** The index writer of the new generation is open: scanned, model fitted, now indexing. */
  private static boolean hasFiles(Path dir) {
    return Files.exists(dir.resolve("write.lock"));
  }
}
