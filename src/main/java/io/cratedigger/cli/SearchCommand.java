package io.cratedigger.cli;

import io.cratedigger.index.IndexStore;
import io.cratedigger.index.LiveIndex;
import io.cratedigger.search.BadQueryException;
import io.cratedigger.search.LookupHit;
import io.cratedigger.search.TrackLookup;
import io.cratedigger.view.HitView;
import io.cratedigger.view.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code search QUERY}: fuzzy track lookup, or field syntax for power users. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Find tracks by title and artist words, in any order, misspelled or half-typed.",
      "Fields work too: artist:agoria style:techno bpm:[120 TO 128]"
    })
final class SearchCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "words, joined with spaces")
  List<String> words;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "index folder (default: from config)")
  Path index;

  @Option(
      names = "--limit",
      defaultValue = "10",
      paramLabel = "N",
      description = "hits, 1..100 (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--json", description = "print the answer as JSON")
  boolean json;

  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String query = String.join(" ", words);
    if (limit < 1 || limit > 100) {
      throw new BadInputException("limit must be 1..100, got " + limit);
    }
    Path dir = index != null ? index : config.load().index();
    TrackLookup lookup = new TrackLookup();
    List<LookupHit> hits;
    try (LiveIndex live = LiveIndex.open(new IndexStore(dir))) {
      hits = live.search((s, g) -> lookup.search(s, query, limit));
    } catch (BadQueryException | IllegalStateException e) {
      throw new BadInputException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.PRETTY.writeValueAsString(HitView.Search.of(query, hits)));
    } else {
      int n = 0;
      for (LookupHit h : hits) {
        var t = h.track();
        out.printf(
            Locale.ROOT,
            "%2d. %-28s %s — %s  [%s%s]%n",
            ++n,
            t.id(),
            t.artistLine(),
            t.title(),
            t.tempo() == null ? "? BPM" : Math.round(t.tempo()) + " BPM",
            t.key() == null ? "" : ", " + t.key().camelot());
      }
      if (hits.isEmpty()) {
        out.println("no track matches \"" + query + "\"");
      }
    }
    out.flush();
    return Main.OK;
  }
}
