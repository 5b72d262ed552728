package io.cratedigger.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cratedigger.Fixtures;
import io.cratedigger.ingest.FormatRegistry;
import io.cratedigger.ingest.ImportException;
import io.cratedigger.ingest.ImportReport;
import io.cratedigger.ingest.Importer;
import io.cratedigger.ingest.TrackCsvWriter;
import io.cratedigger.model.FeatureModel;
import io.cratedigger.synth.CatalogGenerator;
import io.cratedigger.track.Track;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexBuilderTest {
  @TempDir Path tmp;

  static final Importer IMPORTER = new Importer(FormatRegistry.bundled());

  static BuildOptions small() {
    return new BuildOptions(2, 16, 50, 64, 10_000, 42);
  }

  static Path generate(Path dir, String name, int n, long seed) throws Exception {
    Path out = dir.resolve(name);
    CatalogGenerator gen = new CatalogGenerator(seed);
    try (BufferedWriter w = Files.newBufferedWriter(out);
        TrackCsvWriter csv = new TrackCsvWriter(w)) {
      for (int i = 0; i < n; i++) {
        csv.write(gen.next());
      }
    }
    return out;
  }

  /** Builds from the format fixtures, whose bad rows are there on purpose (a sixth of some). */
  IndexReport build(IndexStore store, Path... files) throws Exception {
    return new IndexBuilder(IMPORTER, store, small(), BuildListener.NONE)
        .maxSkipped(1)
        .build(List.of(files), "auto");
  }

  static ImportReport skipping(long rows, Map<String, Long> skipped) {
    long lost = skipped.values().stream().mapToLong(Long::longValue).sum();
    return new ImportReport(
        "cat.csv",
        "UTF-8",
        "cratedigger",
        "",
        Map.of(),
        List.of(),
        rows,
        rows - lost,
        skipped,
        Map.of(),
        0,
        0,
        0,
        0,
        List.of());
  }

  @Test
  void tooManySkippedRowsAreCountedInWordsTheMostFirst() {
    ImportReport r = skipping(20, Map.of("too long", 1L, "malformed CSV", 3L, "missing title", 1L));
    assertThatThrownBy(() -> IndexBuilder.checkSkipped(List.of(r), 0.10))
        .isInstanceOf(ImportException.class)
        .hasMessage(
            "cat.csv: 5 of 20 rows (25.0 %) could not be used, more than the 10 % allowed"
                + " (--max-skipped); the live index was kept. 3 malformed CSV, 1 missing title,"
                + " 1 too long; inspect cat.csv lists them");
    ImportReport many = skipping(10_000, Map.of("missing id", 1_200L));
    assertThatThrownBy(() -> IndexBuilder.checkSkipped(List.of(many), 0.05))
        .hasMessageContaining("the live index was kept. 1,200 missing id; inspect");
    IndexBuilder.checkSkipped(List.of(r), 0.25); // a quarter allowed: 5 of 20 pass
  }

  @Test
  void severalInputsMergeIntoOneCatalog() throws Exception {
    IndexStore store = new IndexStore(tmp.resolve("index"));
    IndexReport r =
        build(store, Fixtures.format("exportify.csv"), Fixtures.format("kaggle-114k.csv"));
    assertThat(r.generation()).isEqualTo("gen-000001");
    assertThat(r.rowsRead()).isEqualTo(22);
    assertThat(r.tracksKept()).isEqualTo(16); // 10 + 6
    assertThat(r.tracksIndexed()).isEqualTo(16);
    assertThat(r.merged()).isEqualTo(3);
    assertThat(r.skipped())
        .containsEntry("missing id", 1L)
        .containsEntry("wrong number of cells", 1L);
    assertThat(r.pcaComponents()).isZero(); // 15 tracks with features: too few for a model
    assertThat(r.inputs()).hasSize(2);
    assertThat(store.current()).contains(store.root().resolve("gen-000001"));
  }

  @Test
  void trackWithoutFeaturesIsIndexedAndFindable() throws Exception {
    IndexStore store = new IndexStore(tmp.resolve("index"));
    build(store, generate(tmp, "c.csv", 3000, 5), Fixtures.format("exportify.csv"));
    try (LiveIndex live = LiveIndex.open(store)) {
      assertThat(live.generation().tracks()).isEqualTo(3010);
      assertThat(live.generation().model()).isNotNull();
      // Four Tet, line 9 of the fixture: all audio features blank
      String id = "spotify:track:YtmaD7v3dNi8LfppWTv5as";
      Track t =
          live.search(
              (s, g) -> {
                TopDocs hits = s.search(KeywordField.newExactQuery(Schema.ID, id), 1);
                return TrackDocuments.fromSource(
                    s.storedFields().document(hits.scoreDocs[0].doc).getBinaryValue(Schema.SOURCE));
              });
      assertThat(t.hasAudioFeatures()).isFalse();
      assertThat(t.artists()).containsExactly("Four Tet");
      // found by its title words too, with folding and lower-casing ("Morning Side")
      String byTitle =
          live.search(
              (s, g) -> {
                var q =
                    new org.apache.lucene.search.BooleanQuery.Builder()
                        .add(
                            new TermQuery(new Term(Schema.TITLE, "morning")),
                            org.apache.lucene.search.BooleanClause.Occur.MUST)
                        .add(
                            new TermQuery(new Term(Schema.ARTISTS, "four")),
                            org.apache.lucene.search.BooleanClause.Occur.MUST)
                        .build();
                TopDocs hits = s.search(q, 5);
                assertThat(hits.totalHits.value()).isEqualTo(1);
                return TrackDocuments.fromSource(
                        s.storedFields()
                            .document(hits.scoreDocs[0].doc)
                            .getBinaryValue(Schema.SOURCE))
                    .id();
              });
      assertThat(byTitle).isEqualTo(id);
      long withoutVector =
          live.search(
              (s, g) ->
                  (long)
                      s.count(
                          org.apache.lucene.document.IntField.newExactQuery(
                              Schema.HAS_FEATURES, 0)));
      assertThat(withoutVector).isGreaterThan(0);
    }
  }

  @Test
  void storedVectorsAreTheModelsVectorsAfterReload() throws Exception {
    IndexStore store = new IndexStore(tmp.resolve("index"));
    IndexReport r = build(store, generate(tmp, "c.csv", 4000, 9));
    assertThat(r.pcaComponents()).isBetween(3, 8);
    assertThat(r.pcaVarianceKept()).isGreaterThanOrEqualTo(0.90);
    assertThat(r.clusters()).isNotEmpty();
    assertThat(r.clusters().stream().mapToLong(IndexReport.ClusterSize::tracks).sum())
        .isEqualTo(r.withAudioFeatures());
    FeatureModel reloaded =
        FeatureModel.load(store.current().orElseThrow().resolve(FeatureModel.FILE_NAME));
    try (LiveIndex live = LiveIndex.open(store)) {
      int checked =
          live.search(
              (s, g) -> {
                int n = 0;
                for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                  FloatVectorValues values = leaf.reader().getFloatVectorValues(Schema.VECTOR);
                  KnnVectorValues.DocIndexIterator it = values.iterator();
                  var stored = leaf.reader().storedFields();
                  for (int doc = it.nextDoc();
                      doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS && n < 500;
                      doc = it.nextDoc()) {
                    Track t =
                        TrackDocuments.fromSource(
                            stored.document(doc).getBinaryValue(Schema.SOURCE));
                    float[] inIndex = values.vectorValue(it.index());
                    assertThat(Arrays.equals(inIndex, reloaded.vector(t))).as(t.id()).isTrue();
                    n++;
                  }
                }
                return n;
              });
      assertThat(checked).isEqualTo(500);
    }
  }

  @Test
  @SuppressWarnings("try") // the lock is held by the try block, not used in it
  void secondConcurrentRebuildIsRefused() throws Exception {
    IndexStore store = new IndexStore(tmp.resolve("index"));
    try (IndexStore.RebuildLock held = store.lock()) {
      assertThatThrownBy(() -> build(store, Fixtures.format("diggerz.csv")))
          .isInstanceOf(IndexBusyException.class)
          .hasMessageStartingWith("another rebuild of " + store.root() + " is running (pid ")
          .hasMessageEndingWith("; wait for it to finish");
    }
    assertThat(build(store, Fixtures.format("diggerz.csv")).tracksIndexed()).isEqualTo(8);
  }

  @Test
  void failedRebuildLeavesTheLiveGenerationServing() throws Exception {
    IndexStore store = new IndexStore(tmp.resolve("index"));
    build(store, Fixtures.format("diggerz.csv"));
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(
        bad, "id,title,artists,album,label,genres,styles,remixers,release_date\n,,,,,,,,\n");
    assertThatThrownBy(() -> build(store, bad))
        .isInstanceOf(ImportException.class)
        .hasMessage("nothing to index: no usable track in bad.csv");
    assertThat(store.current()).contains(store.root().resolve("gen-000001"));
    assertThat(store.generations()).containsExactly(store.root().resolve("gen-000001"));
    try (LiveIndex live = LiveIndex.open(store)) {
      assertThat(live.generation().tracks()).isEqualTo(8);
    }
  }

  @Test
  void oldGenerationsAreCleanedKeepingThePreviousOne() throws Exception {
    IndexStore store = new IndexStore(tmp.resolve("index"));
    Path f = Fixtures.format("diggerz.csv");
    build(store, f);
    build(store, f);
    IndexReport third = build(store, f);
    assertThat(third.generation()).isEqualTo("gen-000003");
    assertThat(third.deletedGenerations()).containsExactly("gen-000001");
    assertThat(store.generations())
        .containsExactly(store.root().resolve("gen-000002"), store.root().resolve("gen-000003"));
  }
}
