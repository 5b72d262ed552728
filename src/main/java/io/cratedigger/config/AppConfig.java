package io.cratedigger.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The configuration, read once and checked: an unknown key is an error naming it, so a typo does
 * not silently fall back to a default.
 *
 * @param formats the import formats file
 * @param index the index folder
 */
public record AppConfig(Path formats, Path index) {

  /** The file read when no {@code --config} is given. */
  public static final Path DEFAULT_FILE = Path.of("config", "cratedigger.yaml");

  private static final Set<String> KEYS = Set.of("formats", "index");

  public AppConfig {
    if (formats == null || index == null) {
      throw new IllegalArgumentException("formats and index must be set");
    }
  }

  /**
   * The project folder relative paths in the configuration are resolved against: the launcher sets
   * {@code cratedigger.home}; without it, the working directory.
   */
  public static Path home() {
    return Path.of(System.getProperty("cratedigger.home", "")).toAbsolutePath().normalize();
  }

  /** The built-in defaults (the values documented in {@code config/cratedigger.yaml}). */
  public static AppConfig defaults() {
    Path home = home();
    return new AppConfig(home.resolve("config/formats.yaml"), home.resolve("index"));
  }

  /** The configuration file to read: {@code file} itself, or the default one in the home. */
  public static Path locate(Path file) {
    if (file == null || (file.equals(DEFAULT_FILE) && !Files.exists(file))) {
      return home().resolve(DEFAULT_FILE);
    }
    return file;
  }

  /**
   * Reads {@code file}; when {@code file} is the default and does not exist, the defaults.
   *
   * @throws IllegalArgumentException for a missing explicit file, bad YAML or an unknown key
   */
  public static AppConfig load(Path requested) throws IOException {
    Path file = locate(requested);
    if (!Files.isRegularFile(file)) {
      if (requested == null || requested.equals(DEFAULT_FILE)) {
        return defaults();
      }
      throw new IllegalArgumentException("config file " + requested + " does not exist");
    }
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = new YAMLMapper().readTree(in);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(file + ": not valid YAML: " + e.getOriginalMessage());
    }
    AppConfig d = defaults();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return d;
    }
    for (String key : root.propertyNames()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(
            file + ": unknown key \"" + key + "\"; known keys: " + String.join(", ", KEYS));
      }
    }
    return new AppConfig(path(root, "formats", d.formats()), path(root, "index", d.index()));
  }

  private static Path path(JsonNode root, String key, Path fallback) {
    JsonNode n = root.path(key);
    return n.isMissingNode() || n.isNull() ? fallback : home().resolve(n.asString()).normalize();
  }

  /** Key → value, for logging at start-up. */
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("formats", formats.toString());
    out.put("index", index.toString());
    return out;
  }
}
