package io.cratedigger.opensearch;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Where the OpenSearch cluster is and how to log in: the URL (http or https, no credentials in it),
 * the credentials from the environment only, and the shape of each new generation's index.
 *
 * <p>Credentials come from {@value #USER} and {@value #PASSWORD} (basic authentication) or from
 * {@value #API_KEY} (sent as {@code Authorization: ApiKey KEY}); never from a flag, a file or the
 * URL, so they stay out of shell histories, process lists, configuration files and logs. {@link
 * #toString()} names the kind of authentication only.
 *
 * @param url the cluster's URL, e.g. {@code https://search.example.org:9200}; a path is a prefix (a
 *     cluster behind a proxy)
 * @param credentials how requests authenticate
 * @param shards primary shards of each generation's index
 * @param replicas replicas of each shard once the generation is loaded (none during the load)
 */
public record ClusterSettings(URI url, Credentials credentials, int shards, int replicas) {

  /** The user name for basic authentication. */
  public static final String USER = "CRATEDIGGER_OPENSEARCH_USER";

  /** The password for basic authentication. */
  public static final String PASSWORD = "CRATEDIGGER_OPENSEARCH_PASSWORD";

  /**
   * An API key, sent as {@code Authorization: ApiKey KEY} (already encoded as the cluster gave it).
   */
  public static final String API_KEY = "CRATEDIGGER_OPENSEARCH_API_KEY";

  /** Primary shards when none is given: one; add shards for catalogs beyond one machine. */
  public static final int DEFAULT_SHARDS = 1;

  /** Replicas when none is given: one, so the index survives a lost node. */
  public static final int DEFAULT_REPLICAS = 1;

  /** OpenSearch's own limit on primary shards per index. */
  public static final int MAX_SHARDS = 1024;

  /** A sanity limit on replicas: more copies than this is a typo. */
  public static final int MAX_REPLICAS = 32;

  public ClusterSettings {
    url = checkUrl(url);
    if (credentials == null) {
      throw new IllegalArgumentException("credentials must be given (Credentials.none() for none)");
    }
    if (shards < 1 || shards > MAX_SHARDS) {
      throw new IllegalArgumentException("shards must be 1.." + MAX_SHARDS + ", got " + shards);
    }
    if (replicas < 0 || replicas > MAX_REPLICAS) {
      throw new IllegalArgumentException(
          "replicas must be 0.." + MAX_REPLICAS + ", got " + replicas);
    }
  }

  /**
   * The settings for {@code url}, with credentials from {@code env} (the process environment, or a
   * map in tests); {@code shards} and {@code replicas} null for the defaults.
   *
   * @throws IllegalArgumentException for a URL that is not http(s) or holds credentials, for
   *     half-given credentials, and for shards or replicas out of range
   */
  public static ClusterSettings of(
      String url, Integer shards, Integer replicas, Map<String, String> env) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("the OpenSearch URL is missing");
    }
    String u = url.strip();
    if (!u.regionMatches(true, 0, "http://", 0, 7) && !u.regionMatches(true, 0, "https://", 0, 8)) {
      throw new IllegalArgumentException(
          "the OpenSearch URL must start with http:// or https://, got " + withoutUserInfo(u));
    }
    URI uri;
    try {
      uri = new URI(u);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "the OpenSearch URL is not a URL: " + withoutUserInfo(url) + " (" + e.getReason() + ")");
    }
    return new ClusterSettings(
        uri,
        Credentials.from(env),
        shards == null ? DEFAULT_SHARDS : shards,
        replicas == null ? DEFAULT_REPLICAS : replicas);
  }

  /** The URL as people read it, e.g. {@code https://search.example.org:9200}: never a secret. */
  public String location() {
    return url.toString();
  }

  @Override
  public String toString() {
    return "ClusterSettings[url="
        + url
        + ", auth="
        + credentials.kind()
        + ", shards="
        + shards
        + ", replicas="
        + replicas
        + "]";
  }

  private static URI checkUrl(URI url) {
    if (url == null) {
      throw new IllegalArgumentException("the OpenSearch URL is missing");
    }
    if (url.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "the OpenSearch URL must not hold credentials ("
              + withoutUserInfo(url.toString())
              + "): set "
              + USER
              + " and "
              + PASSWORD
              + ", or "
              + API_KEY
              + ", in the environment instead");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "the OpenSearch URL must start with http:// or https://, got " + url);
    }
    if (url.getHost() == null || url.getHost().isBlank()) {
      throw new IllegalArgumentException("the OpenSearch URL has no host: " + url);
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "the OpenSearch URL must not have a query or a fragment: " + url);
    }
    return url;
  }

  /** {@code url} with anything between {@code //} and {@code @} replaced, for messages. */
  static String withoutUserInfo(String url) {
    return url.replaceFirst("//[^/@]*@", "//***@");
  }

  /** How requests authenticate; the secret never leaves this object but as a header value. */
  public static final class Credentials {
    private final String kind;
    private final String header;

    private Credentials(String kind, String header) {
      this.kind = kind;
      this.header = header;
    }

    /** No authentication (a local node without the security plugin). */
    public static Credentials none() {
      return new Credentials("none", null);
    }

    /** Basic authentication. */
    public static Credentials basic(String user, String password) {
      if (user == null || user.isEmpty() || password == null || password.isEmpty()) {
        throw new IllegalArgumentException("basic authentication needs a user and a password");
      }
      if (user.indexOf(':') >= 0) {
        throw new IllegalArgumentException(
            "the OpenSearch user name must not contain ':' (" + USER + ")");
      }
      String token =
          Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      return new Credentials("basic", "Basic " + token);
    }

    /** An API key, sent as {@code Authorization: ApiKey KEY}. */
    public static Credentials apiKey(String key) {
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("the API key is empty");
      }
      return new Credentials("api key", "ApiKey " + key.strip());
    }

    /**
     * The credentials {@code env} gives: {@value ClusterSettings#API_KEY}, or {@value
     * ClusterSettings#USER} with {@value ClusterSettings#PASSWORD}, or none. Both kinds at once, or
     * a user without a password (or the reverse), is a mistake and refused.
     */
    public static Credentials from(Map<String, String> env) {
      String user = value(env, USER);
      String password = value(env, PASSWORD);
      String key = value(env, API_KEY);
      if (key != null && (user != null || password != null)) {
        throw new IllegalArgumentException(
            "set either " + API_KEY + " or " + USER + " and " + PASSWORD + ", not both");
      }
      if (key != null) {
        return apiKey(key);
      }
      if (user == null && password == null) {
        return none();
      }
      if (user == null || password == null) {
        throw new IllegalArgumentException(
            (user == null ? PASSWORD + " is set but " + USER : USER + " is set but " + PASSWORD)
                + " is not: basic authentication needs both");
      }
      return basic(user, password);
    }

    private static String value(Map<String, String> env, String name) {
      String v = env.get(name);
      return v == null || v.isEmpty() ? null : v;
    }

    /** {@code none}, {@code basic} or {@code api key}: what logs and messages may say. */
    public String kind() {
      return kind;
    }

    /** The {@code Authorization} header's value, or null for none. Never log it. */
    public String authorization() {
      return header;
    }

    @Override
    public String toString() {
      return kind;
    }
  }
}
