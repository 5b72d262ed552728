package io.cratedigger.discogs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Successful Discogs answers on disk, one file per URL path and query, named by its SHA-256 so any
 * URL makes a safe file name. Releases hardly change, and Discogs allows few requests, so a
 * collection pulled twice costs its releases once.
 */
final class ResponseCache {
  private final Path dir;

  ResponseCache(Path dir) {
    this.dir = dir;
  }

  Optional<String> get(String key) {
    try {
      return Optional.of(Files.readString(file(key), StandardCharsets.UTF_8));
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
      return true;
    } catch (IOException e) {
      return false;
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
