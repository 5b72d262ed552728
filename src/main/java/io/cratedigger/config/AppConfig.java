package io.cratedigger.config;

import io.cratedigger.opensearch.ClusterSettings;
import io.cratedigger.rank.Weights;
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
 * @param weights the ranking's component weights, fusion and pool sizes
 * @param server what the file says of the server's settings (each null when it says nothing; see
 *     {@link ServerSettings} for the defaults and what overrides the file)
 * @param discogs what the file says of the Discogs client (see {@link UserCache} for the cache's
 *     default and what overrides the file)
 * @param cluster what the file says of the backend and the OpenSearch cluster (see {@link
 *     BackendSettings} for the defaults and what overrides the file)
 */
public record AppConfig(
    Path formats, Path index, Weights weights, Server server, Discogs discogs, Cluster cluster) {

  /** The {@code server} section: every value null when the file does not set it. */
  public record Server(Integer port, String host, Boolean metrics, String logFormat) {
    static final Server NONE = new Server(null, null, null, null);
  }

  /** The {@code discogs} section: {@code cache}, the folder of cached answers, or null. */
  public record Discogs(Path cache) {
    public static final Discogs NONE = new Discogs(null);
  }

  /**
   * The {@code backend} key and the {@code opensearch} section ({@code url}, {@code shards}, {@code
   * replicas}): every value null when the file does not set it. Credentials are never read from the
   * file (see {@link io.cratedigger.opensearch.ClusterSettings}).
   */
  public record Cluster(Backend backend, String url, Integer shards, Integer replicas) {
    public static final Cluster NONE = new Cluster(null, null, null, null);
  }

  /** The file read when no {@code --config} is given. */
  public static final Path DEFAULT_FILE = Path.of("config", "cratedigger.yaml");

  private static final Set<String> KEYS =
      Set.of("formats", "index", "ranking", "server", "discogs", "backend", "opensearch");
  private static final Set<String> OPENSEARCH_KEYS = Set.of("url", "shards", "replicas");
  private static final Set<String> SERVER_KEYS = Set.of("port", "host", "metrics", "logFormat");
  private static final Set<String> DISCOGS_KEYS = Set.of("cache");
  private static final Set<String> RANKING_KEYS =
      Set.of("fusion", "weights", "pools", "facets", "sceneFirst");
  private static final Set<String> POOL_KEYS = Set.of("lexical", "knn");

  public AppConfig {
    if (formats == null || index == null || weights == null) {
      throw new IllegalArgumentException("formats, index and weights must be set");
    }
    discogs = discogs == null ? Discogs.NONE : discogs;
    cluster = cluster == null ? Cluster.NONE : cluster;
  }

  /** A configuration whose file says nothing of the backend. */
  public AppConfig(Path formats, Path index, Weights weights, Server server, Discogs discogs) {
    this(formats, index, weights, server, discogs, Cluster.NONE);
  }

  /** A configuration whose file says nothing of Discogs nor of the backend. */
  public AppConfig(Path formats, Path index, Weights weights, Server server) {
    this(formats, index, weights, server, Discogs.NONE);
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
    return new AppConfig(
        home.resolve("config/formats.yaml"),
        home.resolve("index"),
        Weights.defaults(),
        Server.NONE);
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
            file
                + ": unknown key \""
                + key
                + "\"; known keys: "
                + String.join(", ", new java.util.TreeSet<>(KEYS)));
      }
    }
    return new AppConfig(
        path(root, "formats", d.formats()),
        path(root, "index", d.index()),
        weights(file, root.path("ranking"), d.weights()),
        server(file, root.path("server")),
        discogs(file, root.path("discogs")),
        cluster(file, root.path("backend"), root.path("opensearch")));
  }

  private static Cluster cluster(Path file, JsonNode backendNode, JsonNode n) {
    Backend backend = null;
    if (!backendNode.isMissingNode() && !backendNode.isNull()) {
      if (!backendNode.isString()) {
        throw new IllegalArgumentException(
            file + ": backend must be lucene or opensearch, got " + backendNode);
      }
      try {
        backend = Backend.parse(backendNode.asString());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": " + e.getMessage());
      }
    }
    if (n.isMissingNode() || n.isNull()) {
      return new Cluster(backend, null, null, null);
    }
    if (!n.isObject()) {
      throw new IllegalArgumentException(
          file + ": opensearch must be a section (url, shards, replicas), got " + n);
    }
    known(file, "opensearch", n, OPENSEARCH_KEYS);
    String url = null;
    if (n.has("url") && !n.get("url").isNull()) {
      if (!n.get("url").isString() || n.get("url").asString().isBlank()) {
        throw new IllegalArgumentException(
            file + ": opensearch.url must be a URL, got " + n.get("url"));
      }
      url = n.get("url").asString();
      if (url.matches("(?i)[a-z][a-z0-9+.-]*://[^/@]*@.*")) {
        // a secret in a file is a secret in backups and repositories: refused, not even echoed
        throw new IllegalArgumentException(
            file
                + ": opensearch.url must not hold credentials; set them in the environment"
                + " (CRATEDIGGER_OPENSEARCH_USER and CRATEDIGGER_OPENSEARCH_PASSWORD, or"
                + " CRATEDIGGER_OPENSEARCH_API_KEY)");
      }
    }
    return new Cluster(
        backend,
        url,
        count(file, "opensearch.shards", n.get("shards"), 1, ClusterSettings.MAX_SHARDS),
        count(file, "opensearch.replicas", n.get("replicas"), 0, ClusterSettings.MAX_REPLICAS));
  }

  private static Integer count(Path file, String where, JsonNode n, int min, int max) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
      throw new IllegalArgumentException(
          file + ": " + where + " must be a whole number " + min + ".." + max + ", got " + n);
    }
    return n.asInt();
  }

  private static Weights weights(Path file, JsonNode r, Weights d) {
    if (r.isMissingNode() || r.isNull()) {
      return d;
    }
    known(file, "ranking", r, RANKING_KEYS);
    Map<String, Double> w = new LinkedHashMap<>(d.byTag());
    JsonNode wn = r.path("weights");
    if (!wn.isMissingNode()) {
      known(file, "ranking.weights", wn, w.keySet());
      for (String k : wn.propertyNames()) {
        w.put(k, number(file, "ranking.weights." + k, wn.get(k)));
      }
    }
    Weights.Fusion fusion = d.fusion();
    if (!r.path("fusion").isMissingNode()) {
      String f = r.path("fusion").asString().toUpperCase(java.util.Locale.ROOT);
      try {
        fusion = Weights.Fusion.valueOf(f);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            file + ": ranking.fusion must be weighted or rrf, got " + r.path("fusion").asString());
      }
    }
    JsonNode pools = r.path("pools");
    if (!pools.isMissingNode()) {
      known(file, "ranking.pools", pools, POOL_KEYS);
    }
    int lexical =
        pools.has("lexical")
            ? (int) number(file, "ranking.pools.lexical", pools.get("lexical"))
            : d.lexicalPool();
    int knn =
        pools.has("knn") ? (int) number(file, "ranking.pools.knn", pools.get("knn")) : d.knnPool();
    Map<String, Double> f = new LinkedHashMap<>(d.facets().byName());
    JsonNode fn = r.path("facets");
    if (!fn.isMissingNode()) {
      known(file, "ranking.facets", fn, f.keySet());
      for (String k : fn.propertyNames()) {
        f.put(k, number(file, "ranking.facets." + k, fn.get(k)));
      }
    }
    boolean sceneFirst = d.sceneFirst();
    JsonNode sf = r.path("sceneFirst");
    if (!sf.isMissingNode()) {
      if (!sf.isBoolean()) {
        throw new IllegalArgumentException(
            file + ": ranking.sceneFirst must be true or false, got " + sf);
      }
      sceneFirst = sf.asBoolean();
    }
    try {
      return new Weights(
          w.get("sound"),
          w.get("scene"),
          w.get("tempo"),
          w.get("key"),
          w.get("energy"),
          w.get("cluster"),
          w.get("target"),
          fusion,
          lexical,
          knn,
          new Weights.Facets(
              f.get("style"),
              f.get("genre"),
              f.get("label"),
              f.get("artist"),
              f.get("near"),
              f.get("shared")),
          sceneFirst);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
  }

  private static Server server(Path file, JsonNode n) {
    if (n.isMissingNode() || n.isNull()) {
      return Server.NONE;
    }
    known(file, "server", n, SERVER_KEYS);
    Integer port = null;
    if (n.has("port")) {
      JsonNode p = n.get("port");
      if (!p.isIntegralNumber() || p.asInt() < 0 || p.asInt() > 65_535) {
        throw new IllegalArgumentException(file + ": server.port must be 0..65535, got " + p);
      }
      port = p.asInt();
    }
    String host = null;
    if (n.has("host")) {
      if (!n.get("host").isString() || n.get("host").asString().isBlank()) {
        throw new IllegalArgumentException(
            file + ": server.host must be an address, got " + n.get("host"));
      }
      host = n.get("host").asString();
    }
    Boolean metrics = null;
    if (n.has("metrics")) {
      if (!n.get("metrics").isBoolean()) {
        throw new IllegalArgumentException(
            file + ": server.metrics must be true or false, got " + n.get("metrics"));
      }
      metrics = n.get("metrics").asBoolean();
    }
    String logFormat = null;
    if (n.has("logFormat")) {
      logFormat = n.get("logFormat").asString();
      if (!ServerSettings.LOG_FORMATS.contains(logFormat)) {
        throw new IllegalArgumentException(
            file + ": server.logFormat must be text or json, got " + n.get("logFormat"));
      }
    }
    return new Server(port, host, metrics, logFormat);
  }

  private static Discogs discogs(Path file, JsonNode n) {
    if (n.isMissingNode() || n.isNull()) {
      return Discogs.NONE;
    }
    known(file, "discogs", n, DISCOGS_KEYS);
    JsonNode cache = n.path("cache");
    if (cache.isMissingNode() || cache.isNull()) {
      return Discogs.NONE;
    }
    if (!cache.isString() || cache.asString().isBlank()) {
      throw new IllegalArgumentException(file + ": discogs.cache must be a folder, got " + cache);
    }
    return new Discogs(home().resolve(cache.asString()).normalize());
  }

  private static void known(Path file, String where, JsonNode node, Set<String> keys) {
    for (String k : node.propertyNames()) {
      if (!keys.contains(k)) {
        throw new IllegalArgumentException(
            file
                + ": unknown key \""
                + where
                + "."
                + k
                + "\"; known keys: "
                + String.join(", ", new java.util.TreeSet<>(keys)));
      }
    }
  }

  private static double number(Path file, String where, JsonNode n) {
    if (!n.isNumber()) {
      throw new IllegalArgumentException(file + ": " + where + " must be a number, got " + n);
    }
    return n.asDouble();
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
    out.put("ranking", weights.toString());
    return out;
  }
}
