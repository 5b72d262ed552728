package io.cratedigger.cli;

import io.cratedigger.config.AppConfig;
import io.cratedigger.config.UserCache;
import io.cratedigger.discogs.DiscogsClient;
import io.cratedigger.discogs.DiscogsException;
import io.cratedigger.discogs.DiscogsRef;
import io.cratedigger.discogs.DiscogsRelease;
import io.cratedigger.index.IndexStore;
import io.cratedigger.index.LiveIndex;
import io.cratedigger.search.Recommender;
import io.cratedigger.search.ReleaseRecommender;
import io.cratedigger.view.Json;
import io.cratedigger.view.ReleaseView;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code discogs URL}: recommendations for a Discogs release or master. */
@Command(
    name = "discogs",
    mixinStandardHelpOptions = true,
    description = {
      "Recommendations for a Discogs release or master URL (or [r123], or an id).",
      "DISCOGS_TOKEN (a personal token) raises Discogs' rate limit; answers are cached."
    })
final class DiscogsCommand implements Callable<Integer> {
  @Parameters(paramLabel = "URL", description = "e.g. https://www.discogs.com/release/30797823")
  String url;

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

  @Option(names = "--json", description = "print the answer as JSON")
  boolean json;

  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  /**
   * The client for api.discogs.com with DISCOGS_TOKEN, caching in the user's cache folder, not in
   * the installation ({@link UserCache#discogs(AppConfig)}: CRATEDIGGER_DISCOGS_CACHE, else the
   * file's discogs.cache, else $XDG_CACHE_HOME/cratedigger/discogs or
   * ~/.cache/cratedigger/discogs).
   */
  static DiscogsClient client(AppConfig cfg) {
    String base = System.getenv().getOrDefault("DISCOGS_API", "https://api.discogs.com");
    return new DiscogsClient(
        base,
        System.getenv("DISCOGS_TOKEN"),
        UserCache.discogs(cfg).value(),
        Duration.ofSeconds(10));
  }

  @Override
  public Integer call() throws Exception {
    if (limit < 1 || limit > 100) {
      throw new BadInputException("--limit must be 1..100, got " + limit);
    }
    DiscogsRef ref;
    try {
      ref = DiscogsRef.parse(url);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    AppConfig cfg = config.load();
    DiscogsRelease release;
    try (DiscogsClient client = client(cfg)) {
      release = client.release(ref);
    } catch (DiscogsException e) {
      throw new BadInputException(e.getMessage());
    }
    Path dir = index != null ? index : cfg.index();
    ReleaseRecommender engine = new ReleaseRecommender(new Recommender(cfg.weights()));
    ReleaseRecommender.Answer a;
    try (LiveIndex live = LiveIndex.open(new IndexStore(dir))) {
      a =
          live.search(
              (s, g) ->
                  engine.recommend(new io.cratedigger.search.LuceneTracks(s, g), release, limit));
    } catch (IllegalStateException e) {
      throw new BadInputException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.PRETTY.writeValueAsString(ReleaseView.of(a)));
    } else {
      out.printf(
          Locale.ROOT,
          "%s — %s (%s)%n",
          String.join(", ", release.artists()),
          release.title(),
          release.year() == null ? "?" : release.year());
      out.println(a.basis());
      int n = 0;
      for (var x : a.forRelease().results()) {
        out.printf(
            Locale.ROOT,
            "%2d. %.3f %s — %s%n       %s%n",
            ++n,
            x.score(),
            x.track().artistLine(),
            x.track().title(),
            String.join("; ", x.reasons()));
      }
    }
    out.flush();
    return Main.OK;
  }
}
