package io.cratedigger.cli;

import picocli.CommandLine.Option;

/** {@code --shards} and {@code --replicas}: the shape of a new generation's index in a cluster. */
final class ShardOption {
  @Option(
      names = "--shards",
      paramLabel = "N",
      description =
          "primary shards of the new index in the cluster (default: opensearch.shards, else 1)")
  Integer shards;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      description =
          "replicas of each shard once the index is loaded (none during the load; default:"
              + " opensearch.replicas, else 1)")
  Integer replicas;
}
