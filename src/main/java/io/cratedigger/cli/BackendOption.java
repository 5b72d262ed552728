package io.cratedigger.cli;

import io.cratedigger.config.AppConfig;
import io.cratedigger.config.BackendSettings;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --backend} and {@code --opensearch-url} options, and with {@link ShardOption} what a
 * rebuild into a cluster needs; {@link #resolve} adds the configuration file and the environment.
 */
final class BackendOption {
  @Option(
      names = "--backend",
      paramLabel = "NAME",
      description =
          "lucene (the embedded index, the default) or opensearch (a cluster at --opensearch-url)")
  String backend;

  @Option(
      names = "--opensearch-url",
      paramLabel = "URL",
      description =
          "the OpenSearch cluster, http(s)://HOST:PORT (default: opensearch.url in the config);"
              + " credentials from CRATEDIGGER_OPENSEARCH_USER and CRATEDIGGER_OPENSEARCH_PASSWORD,"
              + " or CRATEDIGGER_OPENSEARCH_API_KEY, never in the URL")
  String url;

  /**
   * The backend and cluster settings from these flags, {@code shards} (null when the command has
   * none), the configuration and the environment.
   *
   * @throws BadInputException naming the flag or key that is wrong
   */
  BackendSettings resolve(AppConfig config, Map<String, String> env, ShardOption shards) {
    try {
      return BackendSettings.resolve(
          config,
          env,
          new BackendSettings.Flags(
              backend,
              url,
              shards == null ? null : shards.shards,
              shards == null ? null : shards.replicas));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }
}
