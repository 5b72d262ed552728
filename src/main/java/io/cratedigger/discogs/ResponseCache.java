package io.cratedigger.discogs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Successful Discogs answers on disk, one file per URL path and query, named by its SHA-256 so any
 * URL makes a safe file name. Releases hardly change, and Discogs allows few requests, so a
 * collection pulled twice costs its releases once.
 */
final class ResponseCache {
  /** Entries kept at most; past it the oldest go first. */
  static final int MAX_ENTRIES = 20_000;

  /** An entry older than this is asked for again (a release's marketplace figures move). */
  static final java.time.Duration MAX_AGE = java.time.Duration.ofDays(30);

  /** Entries are counted, and the oldest removed, once every this many writes. */
  private static final int PRUNE_EVERY = 64;

  private final Path dir;
  private final int maxEntries;
  private final java.util.concurrent.atomic.AtomicInteger writes =
      new java.util.concurrent.atomic.AtomicInteger();

  ResponseCache(Path dir) {
    this(dir, MAX_ENTRIES);
  }

  ResponseCache(Path dir, int maxEntries) {
    this.dir = dir;
    this.maxEntries = maxEntries;
  }

  Optional<String> get(String key) {
    try {
      Path f = file(key);
      java.time.Instant written = Files.getLastModifiedTime(f).toInstant();
      if (written.isBefore(java.time.Instant.now().minus(MAX_AGE))) {
        return Optional.empty(); // stale: asked again, and overwritten
      }
      return Optional.of(Files.readString(f, StandardCharsets.UTF_8));
    } catch (IOException e) {
      // no entry, or an unreadable one: a miss, so we ask Discogs again and overwrite it
      return Optional.empty();
    }
  }

  /**
   * Stores a body; answers false when the directory cannot be written, which costs a later request
   * but must not fail this one.
   */
  boolean put(String key, String body) {
    try {
      Files.createDirectories(dir);
      // write then rename, so a concurrent reader never sees half a file
      Path tmp = Files.createTempFile(dir, "entry", ".tmp");
      Files.writeString(tmp, body, StandardCharsets.UTF_8);
      Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING);
      if (writes.incrementAndGet() % PRUNE_EVERY == 0) {
        prune();
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Removes the oldest entries past {@link #maxEntries}. */
  void prune() throws IOException {
    List<Path> entries;
    try (var files = Files.list(dir)) {
      entries = files.filter(f -> f.getFileName().toString().endsWith(".json")).toList();
    }
    if (entries.size() <= maxEntries) {
      return;
    }
    List<Path> oldestFirst = new ArrayList<>(entries);
    oldestFirst.sort(
        java.util.Comparator.comparing(
            f -> {
              try {
                return Files.getLastModifiedTime(f);
              } catch (IOException e) {
                return java.nio.file.attribute.FileTime.fromMillis(0);
              }
            }));
    for (Path f : oldestFirst.subList(0, entries.size() - maxEntries)) {
      Files.deleteIfExists(f);
    }
  }

  private Path file(String key) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return dir.resolve(HexFormat.of().formatHex(hash) + ".json");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
