package io.cratedigger.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.index.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The mix-slot filter walks runs of neighbouring terms: these slots sit where text order and number
 * order part ("8A@190" sorts between "8A@19" and "8A@20", "8A@99" after "8A@100", "1A" before "10A"
 * and "8A"), in two segments.
 */
class MixSlotQueryTest {
  private static final List<String> SLOTS =
      List.of(
          "8A@19", "8A@190", "8A@20", "8A@21", "8A@200", "8A@99", "8A@100", "8A@101", "8A@102",
          "9A@100", "?@100", "?@150", "8A@?", "?@?", "10A@100", "1A@100", "1A@5", "3B@100");

  @Test
  void keysWithinTheirWindowsAndWhateverIsUnknown() throws Exception {
    assertThat(match(new MixSlotQuery(List.of("8A", "1A"), List.of(w(19, 21), w(98, 101)))))
        .containsExactlyInAnyOrder(
            "8A@19", "8A@20", "8A@21", "8A@99", "8A@100", "8A@101", "?@100", "8A@?", "?@?",
            "1A@100");
  }

  @Test
  void aWindowAcrossTwoDigitCountsAndAnOverlap() throws Exception {
    assertThat(match(new MixSlotQuery(List.of("1A", "8A"), List.of(w(3, 150), w(100, 101)))))
        .containsExactlyInAnyOrder(
            "1A@5", "1A@100", "8A@19", "8A@20", "8A@21", "8A@99", "8A@100", "8A@101", "8A@102",
            "?@100", "?@150", "8A@?", "?@?");
  }

  @Test
  void anyTempoKeepsEveryBpmOfTheKeys() throws Exception {
    assertThat(match(new MixSlotQuery(List.of("3B"), null)))
        .containsExactlyInAnyOrder("3B@100", "?@100", "?@150", "?@?");
  }

  @Test
  void noKeyButTheUnknown() throws Exception {
    assertThat(match(new MixSlotQuery(List.of(), List.of(w(140, 160)))))
        .containsExactlyInAnyOrder("?@150", "?@?");
  }

  @Test
  void equalWhenTheSameKeysAndWindows() {
    assertThat(new MixSlotQuery(List.of("8A"), List.of(w(120, 130))))
        .isEqualTo(new MixSlotQuery(List.of("8A"), List.of(w(120, 130))))
        .hasSameHashCodeAs(new MixSlotQuery(List.of("8A"), List.of(w(120, 130))))
        .isNotEqualTo(new MixSlotQuery(List.of("8A"), List.of(w(120, 131))))
        .isNotEqualTo(new MixSlotQuery(List.of("8A"), null));
  }

  private static long[] w(long lo, long hi) {
    return new long[] {lo, hi};
  }

  private static List<String> match(Query q) throws Exception {
    try (var dir = new ByteBuffersDirectory();
        var w = new IndexWriter(dir, new IndexWriterConfig())) {
      for (int i = 0; i < SLOTS.size(); i++) {
        Document doc = new Document();
        doc.add(new StringField("id", SLOTS.get(i), Field.Store.YES));
        doc.add(new KeywordField(Schema.MIX_SLOT, SLOTS.get(i), Field.Store.NO));
        w.addDocument(doc);
        if (i == SLOTS.size() / 2) {
          w.commit(); // a second segment
        }
      }
      w.commit();
      try (var r = DirectoryReader.open(w)) {
        assertThat(r.leaves()).hasSize(2);
        IndexSearcher s = new IndexSearcher(r);
        List<String> out = new ArrayList<>();
        for (ScoreDoc sd : s.search(q, 100).scoreDocs) {
          out.add(s.storedFields().document(sd.doc).get("id"));
        }
        return out;
      }
    }
  }
}
