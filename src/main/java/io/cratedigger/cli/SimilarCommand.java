package io.cratedigger.cli;

import io.cratedigger.api.Views;
import io.cratedigger.index.IndexStore;
import io.cratedigger.index.LiveIndex;
import io.cratedigger.rank.MixOptions;
import io.cratedigger.rank.Weights;
import io.cratedigger.search.Filters;
import io.cratedigger.search.RecommendRequest;
import io.cratedigger.search.Recommendations;
import io.cratedigger.search.Recommender;
import io.cratedigger.search.UnknownTrackException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code similar TRACK_ID}: tracks that sound alike, share the scene and mix well. */
@Command(
    name = "similar",
    mixinStandardHelpOptions = true,
    description = "Similar tracks for a seed track, with reasons (the engine of the API).")
final class SimilarCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TRACK_ID", description = "the seed's id, as in the source file")
  String id;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "index folder (default: from config)")
  Path index;

  @Option(
      names = "--limit",
      defaultValue = "10",
      paramLabel = "N",
      description = "results, 1..100 (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(
      names = "--bpm-tolerance",
      defaultValue = "6",
      paramLabel = "PCT",
      description = "pitch range in %% (default: ${DEFAULT-VALUE})")
  double tolerance;

  @Option(
      names = "--no-key-lock",
      description = "compare keys as heard once beat-matched (pitch moves with tempo)")
  boolean noKeyLock;

  @Option(names = "--diagonal", description = "count the diagonal key move as compatible")
  boolean diagonal;

  @Option(
      names = "--compatible-only",
      description = "only tracks within the BPM range and in a compatible key")
  boolean compatibleOnly;

  @Option(
      names = "--energy",
      defaultValue = "keep",
      paramLabel = "DIR",
      description = "any, keep, lift or drop (default: ${DEFAULT-VALUE})")
  String energy;

  @Option(
      names = "--rrf",
      description = "fuse the two retrievals by reciprocal rank instead of weighted scores")
  boolean rrf;

  @Option(names = "--json", description = "print the answer as JSON")
  boolean json;

  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    RecommendRequest req;
    try {
      MixOptions.Energy e = MixOptions.Energy.valueOf(energy.toUpperCase(Locale.ROOT));
      MixOptions d = MixOptions.defaults();
      MixOptions opt =
          new MixOptions(
              tolerance / 100,
              d.halfDouble(),
              !noKeyLock,
              diagonal,
              compatibleOnly,
              e,
              d.maxPerArtist(),
              d.maxPerRelease(),
              d.minScore());
      req =
          new RecommendRequest(
              List.of(id),
              List.of(),
              List.of(),
              limit,
              Filters.none(),
              Map.of(),
              opt,
              rrf ? Weights.Fusion.RRF : null);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(
          e.getMessage().startsWith("No enum")
              ? "--energy must be any, keep, lift or drop, got " + energy
              : e.getMessage());
    }
    Path dir = index != null ? index : config.load().index();
    Recommender engine = new Recommender(config.load().weights());
    Recommendations r;
    try (LiveIndex live = LiveIndex.open(new IndexStore(dir))) {
      r = live.search((s, g) -> engine.recommend(s, g, req, false));
    } catch (UnknownTrackException | IllegalStateException e) {
      throw new BadInputException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.PRETTY.writeValueAsString(Views.similar(r)));
    } else {
      print(r, out);
    }
    out.flush();
    return Main.OK;
  }

  static void print(Recommendations r, PrintWriter out) {
    var seed = r.seed();
    out.printf(
        Locale.ROOT,
        "%s — %s  [%s%s]%n",
        seed.artistLine(),
        seed.title(),
        seed.tempo() == null ? "? BPM" : Math.round(seed.tempo()) + " BPM",
        seed.key() == null ? "" : ", " + seed.key().camelot());
    int n = 0;
    for (var x : r.results()) {
      var t = x.track();
      out.printf(
          Locale.ROOT,
          "%2d. %.3f %s%s — %s%n",
          ++n,
          x.score(),
          x.mixable() ? "" : "(fill) ",
          t.artistLine(),
          t.title());
      out.println("       " + String.join("; ", x.reasons()));
    }
    statsLines(r.stats()).forEach(out::println);
  }

  /** The retrievals (their timings in the statistics), in words, in the order printed. */
  private static final Map<String, String> RETRIEVALS =
      orderedMap(
          "lexical", "scene",
          "knn", "sound",
          "sceneMixKnn", "scene and mix",
          "sceneMixable", "scene and mix by popularity",
          "mixableLexical", "scene, mixing only",
          "mixableKnn", "sound, mixing only");

  /** The phases of an answer in {@code ms}; the other timings there are single retrievals. */
  private static final List<String> PHASES = List.of("retrieve", "score", "rank");

  /**
   * The statistics of an answer ({@link Recommendations#stats()}) as lines of text: what the
   * retrievals found, what each ranking step kept, and where the time went. A statistic this does
   * not know is printed under its own name, so that a new one is never lost.
   */
  static List<String> statsLines(Map<String, Object> stats) {
    Map<String, Object> rest = new LinkedHashMap<>(stats);
    List<String> lines = new ArrayList<>();
    lines.add(
        num(rest.remove("candidates"))
            + " candidates from "
            + num(rest.remove("lexicalPool"))
            + " sharing the scene, "
            + num(rest.remove("knnPool"))
            + " nearest in sound and "
            + num(rest.remove("mixablePool"))
            + " that mix; "
            + num(rest.remove("returned"))
            + " returned, "
            + num(rest.remove("mixableReturned"))
            + " of them mix");
    if (rest.get("fallback") instanceof String fallback) {
      rest.remove("fallback");
      lines.add("nothing to match on, so: " + fallback);
    }
    if (rest.get("afterRules") instanceof Map<?, ?> steps) {
      rest.remove("afterRules");
      List<String> kept = new ArrayList<>();
      steps.forEach((step, n) -> kept.add(step + " " + num(n)));
      lines.add("left after each ranking step: " + String.join(", ", kept));
    }
    if (rest.get("ms") instanceof Map<?, ?> ms) {
      rest.remove("ms");
      List<String> retrievals = new ArrayList<>();
      RETRIEVALS.forEach(
          (key, words) -> {
            if (ms.containsKey(key)) {
              retrievals.add(words + " " + num(ms.get(key)));
            }
          });
      ms.keySet().stream()
          .map(String::valueOf)
          .filter(k -> !RETRIEVALS.containsKey(k) && !PHASES.contains(k))
          .sorted()
          .forEach(k -> retrievals.add(k + " " + num(ms.get(k))));
      lines.add(
          "time in ms: retrieve "
              + num(ms.get("retrieve"))
              + ", score "
              + num(ms.get("score"))
              + ", rank "
              + num(ms.get("rank"))
              + (retrievals.isEmpty() ? "" : "; the retrievals: " + String.join(", ", retrievals)));
    }
    rest.forEach((k, v) -> lines.add(k + ": " + v));
    lines.replaceAll(l -> "  " + l);
    lines.addFirst("stats:");
    return lines;
  }

  /** A count as {@code 1,234}, a time as {@code 12.3}, anything else as it prints. */
  private static String num(Object v) {
    return switch (v) {
      case Double d -> String.format(Locale.ROOT, "%.1f", d);
      case Float f -> String.format(Locale.ROOT, "%.1f", f);
      case Number n -> String.format(Locale.ROOT, "%,d", n.longValue());
      case null -> "?";
      default -> String.valueOf(v);
    };
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
