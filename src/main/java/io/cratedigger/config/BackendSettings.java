package io.cratedigger.config;

import io.cratedigger.opensearch.ClusterSettings;
import java.util.Map;

/**
 * The backend a command uses, and the cluster's settings when it is OpenSearch. A flag wins over
 * the configuration file, which wins over the default ({@code lucene}; shards and replicas from
 * {@link ClusterSettings}). Credentials come from the environment only.
 *
 * <table>
 *   <caption>Where each setting can be given</caption>
 *   <tr><th>setting<th>default<th>file<th>environment<th>flag
 *   <tr><td>backend<td>lucene<td>backend<td>-<td>--backend
 *   <tr><td>cluster URL<td>-<td>opensearch.url<td>-<td>--opensearch-url
 *   <tr><td>shards<td>1<td>opensearch.shards<td>-<td>--shards
 *   <tr><td>replicas<td>1<td>opensearch.replicas<td>-<td>--replicas
 *   <tr><td>credentials<td>none<td>-<td>CRATEDIGGER_OPENSEARCH_USER and _PASSWORD, or
 *       CRATEDIGGER_OPENSEARCH_API_KEY<td>-
 * </table>
 *
 * @param backend the backend
 * @param cluster the cluster's settings for {@link Backend#OPENSEARCH}, null for {@link
 *     Backend#LUCENE}
 */
public record BackendSettings(Backend backend, ClusterSettings cluster) {

  public BackendSettings {
    if (backend == null || (backend == Backend.OPENSEARCH) != (cluster != null)) {
      throw new IllegalArgumentException("the cluster's settings go with the opensearch backend");
    }
  }

  /** The embedded index. */
  public static final BackendSettings LUCENE = new BackendSettings(Backend.LUCENE, null);

  /** What the command line gave; null for a flag not given. */
  public record Flags(String backend, String url, Integer shards, Integer replicas) {
    /** No flag given. */
    public static final Flags NONE = new Flags(null, null, null, null);
  }

  /**
   * The settings from {@code config} (its file's values), {@code env} (credentials) and {@code
   * flags}.
   *
   * @throws IllegalArgumentException naming the flag or key whose value is wrong or missing
   */
  public static BackendSettings resolve(AppConfig config, Map<String, String> env, Flags flags) {
    AppConfig.Cluster file = config.cluster();
    Backend backend =
        flags.backend() != null
            ? Backend.parse(flags.backend())
            : file.backend() != null ? file.backend() : Backend.LUCENE;
    if (backend == Backend.LUCENE) {
      if (flags.url() != null || flags.shards() != null || flags.replicas() != null) {
        throw new IllegalArgumentException(
            "--opensearch-url, --shards and --replicas go with --backend opensearch");
      }
      return LUCENE;
    }
    String url = flags.url() != null ? flags.url() : file.url();
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(
          "--backend opensearch needs --opensearch-url URL (or opensearch.url in the config file)");
    }
    return new BackendSettings(
        Backend.OPENSEARCH,
        ClusterSettings.of(
            url,
            flags.shards() != null ? flags.shards() : file.shards(),
            flags.replicas() != null ? flags.replicas() : file.replicas(),
            env));
  }
}
