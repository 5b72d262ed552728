package io.cratedigger.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The index folder: numbered generations side by side, and a {@code CURRENT} file naming the live
 * one. A rebuild writes a new generation, marks it {@code READY} once verified, then replaces
 * {@code CURRENT} with an atomic rename, so a reader sees the old generation or the new one, never
 * half of one. A killed rebuild leaves an unready generation that the next rebuild deletes.
 *
 * <pre>
 * index/CURRENT          "gen-000042"
 * index/.rebuild.lock    held (OS file lock) by the rebuild in progress
 * index/gen-000042/      lucene/  model.json  report.json  READY
 * </pre>
 */
public final class IndexStore {
  static final String CURRENT = "CURRENT";
  static final String LOCK = ".rebuild.lock";
  static final String READY = "READY";
  static final String PREFIX = "gen-";

  private final Path root;

  public IndexStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The live generation's folder, if an index was ever published here. */
  public Optional<Path> current() {
    Path pointer = root.resolve(CURRENT);
    try {
      if (!Files.isRegularFile(pointer)) {
        return Optional.empty();
      }
      String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
      Path gen = root.resolve(name);
      return name.startsWith(PREFIX) && Files.isRegularFile(gen.resolve(READY))
          ? Optional.of(gen)
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pointer, e);
    }
  }

  /** The Lucene folder of a generation. */
  public static Path luceneDir(Path generation) {
    return generation.resolve("lucene");
  }

  /**
   * The index folders whose rebuild lock this process holds, with who holds it. Checked before the
   * lock file is touched: on Linux the locks are the process's, and closing any channel on the
   * file, even one opened by a refused second attempt or to read who holds it, releases the lock
   * the first attempt holds (a refused admin reindex used to let a shell {@code index} in, which
   * then deleted the running rebuild's generation).
   */
  private static final ConcurrentHashMap<Path, String> HELD = new ConcurrentHashMap<>();

  /**
   * Takes the rebuild lock: across processes an OS file lock, which the OS releases when the
   * process dies, even by {@code kill -9}; within the process a table of the folders held.
   *
   * @throws IndexBusyException when another rebuild holds it
   */
  public RebuildLock lock() throws IOException {
    Files.createDirectories(root);
    Path key = root.toRealPath();
    String holder = "pid " + ProcessHandle.current().pid() + ", started " + Instant.now();
    String inProcess = HELD.putIfAbsent(key, holder);
    if (inProcess != null) {
      throw busy(inProcess);
    }
    Path file = root.resolve(LOCK);
    FileChannel ch = null;
    try {
      ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = ch.tryLock();
      if (lock == null) {
        ch.close();
        ch = null;
        // another process holds it: reading the file cannot release a lock of ours
        throw busy(Files.readString(file, StandardCharsets.UTF_8).strip());
      }
      ch.truncate(0);
      ch.write(StandardCharsets.UTF_8.encode(holder));
      ch.force(false);
      return new RebuildLock(key, ch, lock);
    } catch (IOException | RuntimeException e) {
      if (ch != null) {
        ch.close();
      }
      HELD.remove(key);
      throw e;
    }
  }

  private IndexBusyException busy(String holder) {
    return new IndexBusyException(
        "another rebuild of "
            + root
            + " is running"
            + (holder.isEmpty() ? "" : " (" + holder + ")")
            + "; wait for it to finish");
  }

  /** Held while a rebuild runs; closing releases it. */
  public static final class RebuildLock implements AutoCloseable {
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private RebuildLock(Path key, FileChannel channel, FileLock lock) {
      this.key = key;
      this.channel = channel;
      this.lock = lock;
    }

    @Override
    public void close() throws IOException {
      try {
        lock.release();
        channel.close();
      } finally {
        HELD.remove(key);
      }
    }
  }

  /**
   * Removes the generations killed rebuilds left half-built (no {@code READY} mark, not live), when
   * no rebuild is running; a server calls it at start.
   *
   * @return the folders removed (none when a rebuild is running)
   */
  @SuppressWarnings("try") // the lock is held by the try block, not used in it
  public List<Path> removePartial() throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (RebuildLock held = lock()) {
      Path live = current().orElse(null);
      List<Path> partial =
          generations().stream()
              .filter(g -> !g.equals(live) && !Files.isRegularFile(g.resolve(READY)))
              .toList();
      for (Path g : partial) {
        deleteTree(g);
      }
      return partial;
    } catch (IndexBusyException e) {
      return List.of();
    }
  }

  /** Creates the folder of the next generation (numbers only grow). */
  public Path newGeneration(RebuildLock held) throws IOException {
    int next =
        generations().stream()
                .map(p -> p.getFileName().toString().substring(PREFIX.length()))
                .filter(s -> s.chars().allMatch(Character::isDigit))
                .mapToInt(Integer::parseInt)
                .max()
                .orElse(0)
            + 1;
    Path gen = root.resolve(PREFIX + String.format(java.util.Locale.ROOT, "%06d", next));
    Files.createDirectories(luceneDir(gen));
    return gen;
  }

  /** Marks {@code gen} ready and makes it the live generation with one atomic rename. */
  public void publish(RebuildLock held, Path gen) throws IOException {
    Files.writeString(gen.resolve(READY), Instant.now().toString());
    Path tmp = root.resolve(CURRENT + ".tmp");
    Files.writeString(tmp, gen.getFileName().toString() + "\n", StandardCharsets.UTF_8);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    try {
      Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system of " + root + " cannot rename atomically", e);
    }
  }

  /**
   * Deletes every generation but the live one and the one before it (a server may still be
   * finishing requests on it), including unready ones left by killed rebuilds.
   *
   * @return the folders deleted
   */
  public List<Path> cleanup(RebuildLock held) throws IOException {
    Path live = current().orElse(null);
    List<Path> ready =
        generations().stream().filter(g -> Files.isRegularFile(g.resolve(READY))).toList();
    Path previous = null;
    for (Path g : ready) {
      if (!g.equals(live)) {
        previous = g; // sorted: the last ready one before or after live that is not live
      }
    }
    Path keepPrevious = previous;
    List<Path> doomed =
        generations().stream().filter(g -> !g.equals(live) && !g.equals(keepPrevious)).toList();
    for (Path g : doomed) {
      deleteTree(g);
    }
    return doomed;
  }

  /** Generation folders, oldest first. */
  List<Path> generations() throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith(PREFIX))
          .sorted()
          .toList();
    }
  }

  /** Deletes {@code dir} and everything under it; nothing when it does not exist. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
