package io.cratedigger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.Fixtures;
import io.cratedigger.track.Track;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A Discogs collection (no audio features) joined with the Exportify fixture: Bicep "Glue" (exact
 * once "(Original Mix)" is set aside), Aphex Twin "Windowlicker" and Burial "Archangel" (exact),
 * "Marea" by "Fred again.. & The Blessed Madonna" (fuzzy: the export's primary artist is "Fred
 * again.."), Bicep "Orca" (not in the export).
 */
class FeatureJoinTest {
  @Test
  void joinsByArtistAndTitleAndCounts() throws Exception {
    Importer importer = new Importer(FormatRegistry.bundled());
    FeatureJoin join = FeatureJoin.load(importer, List.of(Fixtures.format("exportify.csv")));
    Path collection = Path.of(getClass().getResource("/discogs/collection-catalog.csv").toURI());
    CatalogReader reader = new CatalogReader(importer);
    Map<String, Track> out = new LinkedHashMap<>();
    reader.read(
        reader.scan(List.of(collection), "auto", p -> Function.identity()),
        p -> Function.identity(),
        t -> {
          Track j = join.apply(t);
          out.put(j.id(), j);
        });
    assertThat(out.get("2469079_B1").energy()).isEqualTo(0.583); // Bicep "Glue" of the export
    assertThat(out.get("2469079_B1").key().camelot()).isEqualTo("1A");
    assertThat(out.get("1154832_A1").hasAudioFeatures()).isTrue();
    assertThat(out.get("1154832_A1").key().camelot()).isEqualTo("8A");
    assertThat(out.get("2469079_A1").hasAudioFeatures()).isFalse();
    assertThat(out.get("9999999_A1").tempo()).isEqualTo(123.998);
    assertThat(join.counts())
        .containsEntry("exact", 3L)
        .containsEntry("fuzzy", 1L)
        .containsEntry("none", 1L);
  }
}
