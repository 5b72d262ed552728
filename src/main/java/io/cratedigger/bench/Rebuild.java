package io.cratedigger.bench;

import io.cratedigger.index.IndexStore;
import io.cratedigger.view.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A catalog generated and indexed from scratch by the {@code generate} and {@code index} commands,
 * each in a JVM of its own as a user runs them ({@code index} with the launcher's 3 GB): the
 * rebuild's speed end to end and per phase, from its own {@code --json} report.
 *
 * @param generateSeconds time to write the catalog, 0 when an earlier run's file was reused
 * @param seconds the rebuild end to end, JVM start included
 * @param phases seconds per phase, as the rebuild reports them (scan, model, index, verify)
 * @param indexMb the index on disk
 */
public record Rebuild(
    long tracks,
    double generateSeconds,
    double seconds,
    double tracksPerSecond,
    Map<String, Double> phases,
    int segments,
    double indexMb,
    Map<String, Integer> hnsw,
    int pcaComponents,
    double pcaVarianceKept,
    int clusters) {

  /** Heap of the rebuild, as the launcher gives {@code index}. */
  static final String HEAP = "3g";

  /**
   * Writes {@code catalog} with {@code tracks} generated tracks (unless it exists) and indexes it
   * into {@code index} (emptied first); child output goes to {@code log}.
   */
  static Rebuild run(ChildJvm jvm, long tracks, long seed, Path catalog, Path index, Path log)
      throws IOException, InterruptedException {
    double generate = 0;
    if (!Files.exists(catalog)) {
      long t = System.nanoTime();
      exec(
          jvm,
          "1g",
          List.of(
              "generate",
              "--tracks",
              Long.toString(tracks),
              "--seed",
              Long.toString(seed),
              "--out",
              catalog.toString()),
          log);
      generate = (System.nanoTime() - t) / 1e9;
    }
    IndexStore.deleteTree(index);
    long t = System.nanoTime();
    String json =
        exec(
            jvm,
            HEAP,
            List.of("index", "--input", catalog.toString(), "--index", index.toString(), "--json"),
            log);
    double seconds = (System.nanoTime() - t) / 1e9;
    JsonNode r = Json.MAPPER.readTree(json);
    Map<String, Double> phases = new LinkedHashMap<>();
    r.get("seconds").properties().forEach(e -> phases.put(e.getKey(), e.getValue().asDouble()));
    Map<String, Integer> hnsw = new LinkedHashMap<>();
    r.get("hnsw").properties().forEach(e -> hnsw.put(e.getKey(), e.getValue().asInt()));
    long indexed = r.get("tracksIndexed").asLong();
    return new Rebuild(
        indexed,
        generate,
        seconds,
        indexed / seconds,
        phases,
        r.get("segments").asInt(),
        sizeMb(index),
        hnsw,
        r.get("pcaComponents").asInt(),
        r.get("pcaVarianceKept").asDouble(),
        r.get("clusters").size());
  }

  /** A rebuild into a cluster: tracks indexed and the seconds end to end. */
  record IntoCluster(long tracks, double seconds) {
    double tracksPerSecond() {
      return tracks / seconds;
    }
  }

  /**
   * Rebuilds {@code catalog} into the OpenSearch cluster at {@code url} ({@code index --backend
   * opensearch}, a new generation behind the alias), timed end to end like {@link #run}.
   */
  static IntoCluster intoCluster(ChildJvm jvm, Path catalog, String url, Path log)
      throws IOException, InterruptedException {
    long t = System.nanoTime();
    String json =
        exec(
            jvm,
            HEAP,
            List.of(
                "index",
                "--input",
                catalog.toString(),
                "--backend",
                "opensearch",
                "--opensearch-url",
                url,
                "--json"),
            log);
    double seconds = (System.nanoTime() - t) / 1e9;
    return new IntoCluster(Json.MAPPER.readTree(json).get("tracksIndexed").asLong(), seconds);
  }

  /** Runs a subcommand in a child JVM; returns its stdout, stderr appended to {@code log}. */
  private static String exec(ChildJvm jvm, String heap, List<String> args, Path log)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(jvm.command(heap, List.of(), args))
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    int code = p.waitFor();
    if (code != 0) {
      throw new IOException(
          "cratedigger "
              + String.join(" ", args)
              + " failed with exit code "
              + code
              + "; see "
              + log);
    }
    return out;
  }

  static double sizeMb(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(Rebuild::size).sum() / (double) (1 << 20);
    }
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
