package io.cratedigger.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Values typed in any case, accents or punctuation find the catalog's spellings; a field's values
 * are read once per index and the same answer comes back, for another index its own.
 */
class FacetValuesTest {
  private static DirectoryReader index(ByteBuffersDirectory dir, String... labels)
      throws Exception {
    try (var w = new IndexWriter(dir, new IndexWriterConfig())) {
      for (String l : labels) {
        Document d = new Document();
        d.add(new KeywordField("label", l, Field.Store.NO));
        w.addDocument(d);
      }
    }
    return DirectoryReader.open(dir);
  }

  @Test
  void foldedLookUpAndCountsPerIndex() throws Exception {
    try (var dir = new ByteBuffersDirectory();
        DirectoryReader r = index(dir, "Ninja Tune", "Ninja Tune", "ninja tune", "Kompakt")) {
      assertThat(FacetValues.resolve(r, "label", "NINJA-TUNE"))
          .containsExactly("Ninja Tune", "ninja tune");
      assertThat(FacetValues.resolve(r, "label", "kömpakt")).containsExactly("Kompakt");
      assertThat(FacetValues.resolve(r, "label", "Warp")).isEmpty();
      assertThat(FacetValues.resolve(r, "label", "  ")).isEmpty();
      assertThat(FacetValues.counts(r, "label"))
          .containsExactly(
              java.util.Map.entry("Kompakt", 1),
              java.util.Map.entry("Ninja Tune", 2),
              java.util.Map.entry("ninja tune", 1));
      // kept for the reader: the same map the second time
      assertThat(FacetValues.counts(r, "label")).isSameAs(FacetValues.counts(r, "label"));
      assertThat(FacetValues.counts(r, "style")).isEmpty();
    }
    try (var dir = new ByteBuffersDirectory();
        DirectoryReader other = index(dir, "Warp")) {
      assertThat(FacetValues.resolve(other, "label", "warp")).isEqualTo(List.of("Warp"));
      assertThat(FacetValues.resolve(other, "label", "ninja tune")).isEmpty();
    }
  }
}
