package io.cratedigger.cli;

import io.cratedigger.index.IndexStore;
import io.cratedigger.index.LiveIndex;
import io.cratedigger.rank.MixOptions;
import io.cratedigger.rank.Weights;
import io.cratedigger.search.Filters;
import io.cratedigger.search.RecommendRequest;
import io.cratedigger.search.Recommendations;
import io.cratedigger.search.Recommender;
import io.cratedigger.search.UnknownTrackException;
import io.cratedigger.view.AnswerView;
import io.cratedigger.view.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
      out.println(Json.PRETTY.writeValueAsString(AnswerView.Similar.of(r)));
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

  /**
   * The statistics of an answer ({@link Recommendations#stats()}) as lines of text: what the
   * retrievals found, what each ranking step kept, and where the time went.
   */
  static List<String> statsLines(Recommendations.Stats stats) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "%,d candidates from %,d sharing the scene, %,d nearest in sound and %,d that mix;"
                + " %,d returned, %,d of them mix",
            stats.candidates(),
            stats.lexicalPool(),
            stats.knnPool(),
            stats.mixablePool(),
            stats.returned(),
            stats.mixableReturned()));
    if (stats.fallback() != null) {
      lines.add("nothing to match on, so: " + stats.fallback());
    }
    List<String> kept = new ArrayList<>();
    stats
        .afterRules()
        .forEach((step, n) -> kept.add(String.format(Locale.ROOT, "%s %,d", step, n)));
    lines.add("left after each ranking step: " + String.join(", ", kept));
    var ms = stats.ms();
    List<String> retrievals = new ArrayList<>();
    ms.retrievals().forEach((r, t) -> retrievals.add(r.words() + " " + millis(t)));
    lines.add(
        "time in ms: retrieve "
            + millis(ms.retrieve())
            + ", score "
            + millis(ms.score())
            + ", rank "
            + millis(ms.rank())
            + (retrievals.isEmpty() ? "" : "; the retrievals: " + String.join(", ", retrievals)));
    lines.replaceAll(l -> "  " + l);
    lines.addFirst("stats:");
    return lines;
  }

  private static String millis(double ms) {
    return String.format(Locale.ROOT, "%.1f", ms);
  }
}
