package io.cratedigger.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cratedigger.index.BuildListener;
import io.cratedigger.index.BuildOptions;
import io.cratedigger.index.IndexBuilder;
import io.cratedigger.index.IndexStore;
import io.cratedigger.index.LiveIndex;
import io.cratedigger.ingest.FormatRegistry;
import io.cratedigger.ingest.Importer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: index the 23 tracks of {@code lookup/tracks.csv} once, then assert the exact ranked
 * ids a DJ gets for misspelled, partial, accented and advanced queries, and the exact messages for
 * queries that cannot run.
 */
class TrackLookupTest {
  @TempDir static Path tmp;
  static LiveIndex live;
  static final TrackLookup LOOKUP = new TrackLookup();

  @BeforeAll
  static void index() throws Exception {
    Path csv = Path.of(TrackLookupTest.class.getResource("/lookup/tracks.csv").toURI());
    IndexStore store = new IndexStore(tmp.resolve("index"));
    new IndexBuilder(
            new Importer(FormatRegistry.bundled()),
            store,
            new BuildOptions(2, 16, 50, 64, 10_000, 42),
            BuildListener.NONE)
        .build(List.of(csv), "auto");
    live = LiveIndex.open(store);
  }

  @AfterAll
  static void close() throws Exception {
    live.close();
  }

  static List<LookupHit> hits(String q, int limit) throws Exception {
    return live.search((s, g) -> LOOKUP.search(s, q, limit));
  }

  static List<String> ids(String q) throws Exception {
    return hits(q, 10).stream().map(h -> h.track().id()).toList();
  }

  static String error(String q) {
    return assertThatThrownBy(() -> hits(q, 10))
        .isInstanceOf(BadQueryException.class)
        .actual()
        .getMessage();
  }

  // --- plain lookup ---------------------------------------------------------------------------

  @Test
  void misspellingsFindTheTrack() throws Exception {
    // windowlikker → windowlicker: 1 edit of 12 letters (2 allowed from 8)
    assertThat(ids("windowlikker aphex")).containsExactly("aphex-windowlicker");
    // deadmou5 → deadmau5: 1 edit; the shorter title "Strobe" beats "Strobe (Radio Edit)"
    assertThat(ids("strobe deadmou5")).containsExactly("deadmau5-strobe", "deadmau5-strobe-radio");
    // "daft punk around the wrold": a transposition is one edit
    assertThat(ids("daft punk around the wrold")).containsExactly("daftpunk-around");
  }

  @Test
  void accentsCaseAndPunctuationDoNotMatter() throws Exception {
    assertThat(ids("beyonce halo")).first().isEqualTo("beyonce-halo");
    assertThat(ids("BEYONCÉ HALO")).isEqualTo(ids("beyonce halo"));
    assertThat(ids("cafe del mar")).containsExactly("energy52-cafe");
    assertThat(ids("CAFÉ DEL MAR!")).containsExactly("energy52-cafe");
    assertThat(ids("la 11eme marche")).containsExactly("agoria-marche");
    assertThat(ids("ghosts n stuff")).containsExactly("deadmau5-ghosts");
    assertThat(ids("harder, better, faster, stronger")).containsExactly("daftpunk-harder");
    assertThat(ids("ac/dc thunderstruck")).containsExactly("acdc-thunderstruck");
    // "acdc" is no indexed word ("ac", "dc"): the all-but-one fallback still finds the track
    assertThat(ids("acdc thunderstruck")).containsExactly("acdc-thunderstruck");
  }

  @Test
  void titleAndArtistMatchBeatsTitleOnly() throws Exception {
    // the tributes have both words in their titles; the originals have one in each field
    assertThat(ids("beyonce halo")).containsExactly("beyonce-halo", "tribute-halo");
    // "deadmau5" is in one title but in the artists of four tracks: blending its document
    // frequency across the fields makes both matches weigh about the same, then the
    // title-and-artist factor 1.2 puts the original first
    assertThat(ids("ghosts deadmau5")).containsExactly("deadmau5-ghosts", "tribute-ghosts");
  }

  @Test
  void partialWordsWhileTyping() throws Exception {
    assertThat(ids("aphex window")).containsExactly("aphex-windowlicker");
    assertThat(ids("aphex wind")).containsExactly("aphex-windowlicker");
    // prefix matches score alike; popularity orders them: 65, 60, 40, 20
    assertThat(ids("deadm"))
        .containsExactly(
            "deadmau5-strobe", "deadmau5-ghosts", "deadmau5-strobe-radio", "tribute-ghosts");
    // both titles start with "wind"; Windowlicker's album does too
    assertThat(ids("wind")).containsExactly("aphex-windowlicker", "opeth-windowpane");
  }

  @Test
  void wordOrderDoesNotMatter() throws Exception {
    assertThat(ids("aphex twin windowlicker")).containsExactly("aphex-windowlicker");
    assertThat(ids("windowlicker aphex twin")).containsExactly("aphex-windowlicker");
    // with a space at the end no word is being typed, so the scores are equal too (otherwise the
    // last word gets the while-typing prefix boost)
    List<LookupHit> a = hits("aphex twin windowlicker ", 10);
    assertThat(hits("windowlicker aphex twin ", 10)).isEqualTo(a);
    assertThat(ids("around the world daft punk")).containsExactly("daftpunk-around");
  }

  @Test
  void popularityBreaksTheTieBetweenTwoHalos() throws Exception {
    List<LookupHit> halo = hits("halo", 10);
    assertThat(halo)
        .extracting(h -> h.track().id())
        .containsExactly("beyonce-halo", "depeche-halo", "tribute-halo", "bowie-hallo");
    // Same one-word title, same match: the scores differ only by the popularity factor
    // 1 + 0.05 × popularity / 100, i.e. 1.04 (popularity 80) against 1.02 (popularity 40).
    assertThat(halo.get(0).score() / 1.04).isCloseTo(halo.get(1).score() / 1.02, within(1e-4));
  }

  @Test
  void exactMatchesComeBeforeFuzzyOnesWhateverThePopularity() throws Exception {
    // "Hallo Spaceboy" (popularity 70) is one edit from "halo": after all three exact Halos,
    // even the tribute (popularity 30, "halo" in a three-word title)
    assertThat(ids("halo")).last().isEqualTo("bowie-hallo");
    assertThat(ids("hallo spaceboy")).containsExactly("bowie-hallo");
  }

  @Test
  void oneWrongWordFallsBackToAllButOne() throws Exception {
    assertThat(ids("halo xyzzyq"))
        .containsExactly("beyonce-halo", "depeche-halo", "tribute-halo", "bowie-hallo");
    assertThat(ids("bicep glue qwzx")).containsExactly("bicep-glue");
  }

  @Test
  void limitCutsTheList() throws Exception {
    assertThat(hits("halo", 1)).extracting(h -> h.track().id()).containsExactly("beyonce-halo");
  }

  @Test
  void wildcardAndRegexCharactersArePlainText() throws Exception {
    // "wind*" is the word "wind", a prefix while typing, not a wildcard query
    assertThat(ids("wind*")).containsExactly("aphex-windowlicker", "opeth-windowpane");
    assertThat(ids("*halo*"))
        .containsExactly("beyonce-halo", "depeche-halo", "tribute-halo", "bowie-hallo");
    assertThat(ids("/x.*z/")).isEmpty();
  }

  // --- advanced syntax ------------------------------------------------------------------------

  @Test
  void advancedFieldsAndRanges() throws Exception {
    // Speechless is at 130 BPM, Embrace is Deep House; equal matches ordered by popularity 40, 35
    assertThat(ids("artist:agoria style:techno bpm:[120 TO 128]"))
        .containsExactly("agoria-scala", "agoria-marche");
    // Four Ton Mantis is Ninja Tune but from 2000
    assertThat(ids("label:\"Ninja Tune\" year:[2015 TO 2020]"))
        .containsExactly("bicep-glue", "bonobo-kerala");
    assertThat(ids("energy:[0.7 TO 1] style:techno"))
        .containsExactly("agoria-speechless", "agoria-scala");
    assertThat(ids("artist:agoria bpm>125")).containsExactly("agoria-speechless");
    assertThat(ids("artist:agoria bpm:>=125")).containsExactly("agoria-speechless");
    // words without a field look in title, artists and album
    assertThat(ids("agoria tempo:[121 TO 123]")).containsExactly("agoria-marche");
  }

  @Test
  void keysInAnySpellingAreCamelot() throws Exception {
    // A minor = 8A: Windowlicker (popularity 52) and Scala (40)
    assertThat(ids("camelot:8A")).containsExactly("aphex-windowlicker", "agoria-scala");
    assertThat(ids("camelot:8a")).isEqualTo(ids("camelot:8A"));
    assertThat(ids("key:\"A minor\"")).isEqualTo(ids("camelot:8A"));
    assertThat(ids("key:Am")).isEqualTo(ids("camelot:8A"));
  }

  @Test
  void anExactTempoMeansTheTemposThatRoundToIt() throws Exception {
    // 127.996 and 128.0 round to 128; by popularity 65, 60, 40, 20
    assertThat(ids("bpm:128"))
        .containsExactly(
            "deadmau5-strobe", "deadmau5-ghosts", "deadmau5-strobe-radio", "tribute-ghosts");
  }

  @Test
  void equalMatchesAndPopularityAreOrderedById() throws Exception {
    assertThat(ids("popularity:50"))
        .containsExactly("agoria-embrace", "energy52-cafe", "opeth-windowpane");
  }

  @Test
  void exclusionsAloneMeanEverythingBut() throws Exception {
    // what is left of the 23, by popularity 85, 80, 70, 60, 50, 50 (by id), 40, 30, 20
    assertThat(hits("-style:techno -genre:house -genre:electronica", 100))
        .extracting(h -> h.track().id())
        .containsExactly(
            "acdc-thunderstruck",
            "beyonce-halo",
            "bowie-hallo",
            "bicep-glue",
            "energy52-cafe",
            "opeth-windowpane",
            "depeche-halo",
            "tribute-halo",
            "tribute-ghosts");
  }

  @Test
  void advancedWildcardsAreFoldedAndLowerCased() throws Exception {
    assertThat(ids("title:Café*")).containsExactly("energy52-cafe");
  }

  // --- errors ---------------------------------------------------------------------------------

  @Test
  void syntaxErrorsSayWhereInWords() {
    assertThat(error("bpm:[120 TO"))
        .isEqualTo(
            "the query ends too early; close every range, quote and parenthesis, like bpm:[120"
                + " TO 128]");
    assertThat(error("artist:agoria AND OR techno"))
        .isEqualTo(
            "syntax error in the query at character 18 (\"OR\"); write field:value,"
                + " field:[LOW TO HIGH] or field:\"several words\"");
    assertThat(error("label:\"Ninja Tune"))
        .isEqualTo(
            "syntax error in the query; write field:value, field:[LOW TO HIGH] or"
                + " field:\"several words\"");
  }

  @Test
  void unknownFieldsListTheKnownOnes() {
    assertThat(error("foo:bar"))
        .isEqualTo(
            "unknown field \"foo\"; known fields: acousticness, album, artist, artists, bpm,"
                + " camelot, danceability, energy, genre, genres, instrumentalness, key, label,"
                + " liveness, loudness, popularity, speechiness, style, styles, tempo, title,"
                + " valence, year");
  }

  @Test
  void malformedValuesAreNamed() {
    assertThat(error("bpm:fast"))
        .isEqualTo("bpm needs a number, got \"fast\"; write bpm:N or bpm:[LOW TO HIGH]");
    assertThat(error("year:[2015 TO 20x0]"))
        .isEqualTo("year needs a whole number, got \"20x0\"; write year:N or year:[LOW TO HIGH]");
    assertThat(error("camelot:13A"))
        .isEqualTo("camelot needs one key like 8A, Am or \"A minor\", got \"13A\"");
    assertThat(error("title:*licker"))
        .isEqualTo(
            "a word cannot start with a wildcard: \"*licker\"; write its first letters, like"
                + " wind*");
    assertThat(error("style:/tech.*/"))
        .isEqualTo("regular expressions are not supported; use a wildcard like title:wind*");
  }

  @Test
  void hostileInput() {
    assertThat(error("x".repeat(201))).isEqualTo("query must be at most 200 characters, got 201");
    assertThat(error("!!! ??? *")).isEqualTo("query has no words to search for");
    assertThat(error("   ")).isEqualTo("query must not be empty");
    assertThat(error("a b c d e f g h i j k"))
        .isEqualTo("query must have at most 10 words, got 11");
    assertThatThrownBy(() -> hits("halo", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be 1..100, got 0");
    assertThatThrownBy(() -> hits("halo", 101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be 1..100, got 101");
  }
}
