package io.cratedigger.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cratedigger.Fixtures;
import io.cratedigger.InvalidRequestException;
import io.cratedigger.index.BuildListener;
import io.cratedigger.index.IndexBuilder;
import io.cratedigger.index.IndexStore;
import io.cratedigger.index.LiveIndex;
import io.cratedigger.ingest.FormatRegistry;
import io.cratedigger.ingest.Importer;
import io.cratedigger.search.Attribute;
import io.cratedigger.search.BadQueryException;
import io.cratedigger.search.Browse;
import io.cratedigger.search.Filters;
import io.cratedigger.search.LookupHit;
import io.cratedigger.search.TrackLookup;
import io.cratedigger.track.Track;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster's lookup and browse ({@link ClusterLookup}, {@link ClusterBrowse}) answer as the
 * embedded index's ({@link TrackLookup}, {@link Browse}): the fixture catalog of {@link
 * BackendParityIT} (63 tracks) is built into both, and every lookup and browse is asked of both.
 * Lookups must give the same ids in the same order with scores within 1e-4 (float rounding: the
 * cluster multiplies its factors in double); browse pages the same ids and totals. Where the
 * fixture makes the answer knowable, the ids are asserted too, so two empty answers cannot pass.
 *
 * <p>Differences this fixture cannot show, as the classes' javadoc says: with several shards the
 * cluster scores with each shard's statistics (here one shard); a field value of punctuation only
 * counts as a value for the cluster's document count, not Lucene's; browse by relevance breaks ties
 * in document order, the same here because both indexes load the catalog in its order; a query the
 * cluster refuses for too many clauses is not provoked here (the message is mapped, untested).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClusterLookupIT {
  static final TrackLookup LOOKUP = new TrackLookup();

  @TempDir static Path tmp;
  static LiveIndex live;
  static ClusterClient client;
  static ClusterGeneration cluster;

  @BeforeAll
  static void build() throws Exception {
    ClusterSettings settings =
        ClusterSettings.of(io.cratedigger.OpenSearchTestNode.url(), 1, 0, System.getenv());
    client = ClusterClient.connect(settings);
    for (String index : client.indices("cratedigger-*")) {
      client.deleteIndex(index);
    }
    Path csv = Path.of(ClusterLookupIT.class.getResource("/similar/catalog.csv").toURI());
    live = LiveIndex.open(Fixtures.build(tmp.resolve("lucene"), 1, List.of(csv)));
    try (ClusterTarget target = ClusterTarget.open(settings, BackendParityIT.OPTIONS)) {
      new IndexBuilder(
              new Importer(FormatRegistry.bundled()),
              new IndexStore(tmp.resolve("unused")),
              BackendParityIT.OPTIONS,
              BuildListener.NONE)
          .build(List.of(csv), "auto", target);
    }
    cluster = ClusterGeneration.open(client, client.aliasTargets(ClusterTarget.ALIAS).getFirst());
  }

  @AfterAll
  static void close() throws Exception {
    if (live != null) {
      live.close();
    }
    if (client != null) {
      client.close();
    }
  }

  /** The ids of the embedded index's answer, after checking the cluster gives the same. */
  static List<String> same(String q, int limit) throws Exception {
    List<LookupHit> expected = live.search((s, g) -> LOOKUP.search(s, q, limit));
    List<LookupHit> actual = ClusterLookup.search(cluster, q, limit);
    List<String> ids = ids(expected);
    assertThat(ids(actual)).as("ids for %s", q).isEqualTo(ids);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i).score())
          .as("score of %s for %s", ids.get(i), q)
          .isCloseTo(expected.get(i).score(), within(1e-4f));
    }
    return ids;
  }

  static List<String> same(String q) throws Exception {
    return same(q, 10);
  }

  static List<String> ids(List<LookupHit> hits) {
    return hits.stream().map(h -> h.track().id()).toList();
  }

  /** The message both refuse {@code q} with, after checking it is the same exception. */
  static String refused(String q, int limit, Class<? extends Exception> type) {
    String lucene =
        assertThatThrownBy(() -> live.search((s, g) -> LOOKUP.search(s, q, limit)))
            .isInstanceOf(type)
            .actual()
            .getMessage();
    assertThatThrownBy(() -> ClusterLookup.search(cluster, q, limit))
        .isInstanceOf(type)
        .hasMessage(lucene);
    return lucene;
  }

  // --- plain lookup ---------------------------------------------------------------------------

  @Test
  void exactTitles() throws Exception {
    assertThat(same("Black Lantern")).startsWith("te01").contains("te01-edit", "te01-remix");
    assertThat(same("Steel Garden")).startsWith("te03");
    assertThat(same("Late Night Cypher")).startsWith("hi08");
  }

  @Test
  void aMisspelledArtist() throws Exception {
    // kesel → kessel: one edit of five letters
    assertThat(same("Kesel")).containsExactlyInAnyOrder("te05", "te06");
    // voss → vsos: a transposition is one edit
    assertThat(same("nadia vsos")).contains("te01", "te02", "te01-remix", "te01-edit");
  }

  @Test
  void aHalfTypedLastWord() throws Exception {
    assertThat(same("golden ho")).startsWith("ho01");
    assertThat(same("subterr")).containsExactlyInAnyOrder("te07", "te08");
  }

  @Test
  void accentsAndCaseFold() throws Exception {
    List<String> accented = same("Café Lumière");
    assertThat(accented).startsWith("ho13").contains("ho14");
    assertThat(same("CAFE LUMIERE")).isEqualTo(accented);
    assertThat(same("cafe lumie")).startsWith("ho13");
  }

  @Test
  void aWordNothingHasRelaxesToAllButOne() throws Exception {
    assertThat(same("steel garden zyxwv")).startsWith("te03");
  }

  @Test
  void singleLettersOnlyAddToTheScore() throws Exception {
    // "soul" is also one edit from Lena Sol's "sol": her tracks come after J. Soul's
    assertThat(same("j soul")).containsExactly("hi12", "hi11", "ho02", "ho01");
  }

  @Test
  void limitCutsTheList() throws Exception {
    assertThat(same("black lantern", 2)).hasSize(2);
  }

  // --- advanced syntax ------------------------------------------------------------------------

  @Test
  void advancedFieldsPhrasesAndRanges() throws Exception {
    assertThat(same("artist:\"Nadia Voss\""))
        .containsExactlyInAnyOrder("te01", "te02", "te01-remix", "te01-edit");
    assertThat(same("artist:kessel year:[2015 TO 2020]")).containsExactlyInAnyOrder("te05", "te06");
    // bpm:128 is 127.5 <= bpm < 128.5
    assertThat(same("label:drumcode bpm:128"))
        .containsExactlyInAnyOrder("te01", "te04", "te10", "te01-remix", "te01-edit");
    // equal matches: the more popular first
    assertThat(same("style:\"liquid funk\" popularity:>=40"))
        .containsExactly("dn09", "dn08", "dn15", "dn06", "dn14");
    assertThat(same("title:bloo*")).containsExactlyInAnyOrder("te05", "ho07");
    assertThat(same("artist:kesel~1")).containsExactlyInAnyOrder("te05", "te06");
    assertThat(same("album:\"café lumière\"")).containsExactlyInAnyOrder("ho13", "ho14");
    // a keyword term: the cluster scores it constant, so ClusterSyntax gives it Lucene's BM25
    assertThat(same("key:Am", 100)).startsWith("dn09").contains("te01", "te01-remix", "te01-edit");
    assertThat(same("lantern year:2015")).containsExactly("te01", "te01-edit", "te01-remix");
  }

  @Test
  void exclusionsAloneMeanEverythingBut() throws Exception {
    List<String> ids = same("-style:techno -style:\"deep house\"", 100);
    assertThat(ids).hasSize(30).allMatch(id -> id.startsWith("dn") || id.startsWith("hi"));
  }

  // --- refusals -------------------------------------------------------------------------------

  @Test
  void badQueriesAreRefusedAlike() {
    assertThat(refused("", 10, BadQueryException.class)).isEqualTo("query must not be empty");
    assertThat(refused("   ", 10, BadQueryException.class)).isEqualTo("query must not be empty");
    assertThat(refused("x".repeat(201), 10, BadQueryException.class))
        .isEqualTo("query must be at most 200 characters, got 201");
    assertThat(refused("!!! ???", 10, BadQueryException.class))
        .isEqualTo("query has no words to search for");
    assertThat(refused("a b c d e f g h i j k", 10, BadQueryException.class))
        .isEqualTo("query must have at most 10 words, got 11");
    assertThat(refused("colour:red", 10, BadQueryException.class))
        .startsWith("unknown field \"colour\"; known fields: ");
    assertThat(refused("bpm:fast", 10, BadQueryException.class))
        .isEqualTo("bpm needs a number, got \"fast\"; write bpm:N or bpm:[LOW TO HIGH]");
    assertThat(refused("title:/wind.*/", 10, BadQueryException.class))
        .isEqualTo("regular expressions are not supported; use a wildcard like title:wind*");
    assertThat(refused("title:(black", 10, BadQueryException.class))
        .startsWith("the query ends too early");
    assertThat(refused("black", 0, InvalidRequestException.class))
        .isEqualTo("limit must be 1..100, got 0");
  }

  // --- browse ---------------------------------------------------------------------------------

  static Browse.Page browsed(
      String words, Filters filters, String sortBy, boolean descending, int page, int perPage)
      throws Exception {
    Browse.Page expected =
        live.search((s, g) -> Browse.run(s, words, filters, sortBy, descending, page, perPage));
    Browse.Page actual =
        ClusterBrowse.run(cluster, words, filters, sortBy, descending, page, perPage);
    assertThat(actual.total()).as("total").isEqualTo(expected.total());
    assertThat(ids(actual)).as("page").isEqualTo(ids(expected));
    assertThat(List.of(actual.page(), actual.perPage()))
        .isEqualTo(List.of(expected.page(), expected.perPage()));
    return expected;
  }

  static List<String> ids(Browse.Page p) {
    return p.tracks().stream().map(Track::id).toList();
  }

  static Filters labels(String... labels) {
    return new Filters(
        null,
        null,
        List.of(labels),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Map.of());
  }

  @Test
  void browseEverySortBothWaysWithFilters() throws Exception {
    Filters drumcode = labels("drumcode"); // resolved to the catalog's "Drumcode"
    for (String sort : Browse.SORTS.keySet()) {
      for (boolean desc : new boolean[] {false, true}) {
        Browse.Page p = browsed(null, drumcode, sort, desc, 1, 5);
        assertThat(p.total()).isEqualTo(7);
        assertThat(p.tracks()).hasSize(5).allMatch(t -> t.label().equals("Drumcode"));
      }
    }
    Browse.Page byPopularity = browsed(null, drumcode, "popularity", true, 1, 3);
    assertThat(ids(byPopularity)).containsExactly("te07", "te13", "te04");
  }

  @Test
  void browsePageTwo() throws Exception {
    Browse.Page p = browsed(null, Filters.none(), "year", false, 2, 10);
    assertThat(p.total()).isEqualTo(63);
    assertThat(p.tracks()).hasSize(10);
    Browse.Page last = browsed(null, Filters.none(), "popularity", true, 7, 10);
    assertThat(last.tracks()).hasSize(3);
  }

  @Test
  void browseWordsFiltersAndRelevance() throws Exception {
    Browse.Page black = browsed("black lant", Filters.none(), "relevance", false, 1, 10);
    assertThat(ids(black)).containsExactlyInAnyOrder("te01", "te02", "te01-remix", "te01-edit");
    Filters liquid =
        new Filters(
            null,
            2020,
            List.of(),
            List.of(),
            List.of("LIQUID FUNK"),
            List.of(),
            List.of(),
            List.of(),
            Map.of(Attribute.ENERGY, new double[] {0.5, Double.NaN}));
    Browse.Page p = browsed(null, liquid, "bpm", true, 1, 20);
    assertThat(p.total()).isPositive();
    assertThat(p.tracks()).allMatch(t -> t.styles().contains("Liquid Funk"));
    browsed(null, liquid, null, false, 1, 20);
    browsed("golden", Filters.none(), null, false, 1, 10);
  }

  @Test
  void browseRefusesAlike() {
    assertThatThrownBy(() -> ClusterBrowse.run(cluster, null, Filters.none(), "tempo", false, 1, 5))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(
            "sort_by must be relevance or one of bpm, danceability, duration_ms, energy,"
                + " popularity, valence, year");
    assertThatThrownBy(
            () -> live.search((s, g) -> Browse.run(s, null, Filters.none(), "tempo", false, 1, 5)))
        .hasMessage(
            "sort_by must be relevance or one of bpm, danceability, duration_ms, energy,"
                + " popularity, valence, year");
    assertThatThrownBy(
            () -> ClusterBrowse.run(cluster, null, Filters.none(), null, false, 101, 100))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("page × per_page must be at most 10000, got 10100");
    assertThatThrownBy(
            () -> ClusterBrowse.run(cluster, null, labels("No Such Label"), null, false, 1, 5))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("no label \"No Such Label\" in the catalog");
  }
}
