package io.cratedigger.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.index.LiveIndex;
import io.cratedigger.index.Schema;
import io.cratedigger.track.Fingerprint;
import java.nio.file.Path;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fingerprints stored in the index are the ones an index without them yields from its terms, so
 * a catalog indexed before they existed ranks the same (only slower) until it is rebuilt.
 */
class GroupingTest {
  @TempDir Path tmp;

  /** {song, release} of the track {@code id}. */
  static long[] fingerprints(LiveIndex live, String id) throws Exception {
    return live.search(
        (s, g) -> {
          int doc = s.search(KeywordField.newExactQuery(Schema.ID, id), 1).scoreDocs[0].doc;
          var leaves = s.getIndexReader().leaves();
          LeafReaderContext ctx = leaves.get(ReaderUtil.subIndex(doc, leaves));
          var stored = new Grouping.Stored(ctx.reader());
          return new long[] {stored.song(doc - ctx.docBase), stored.release(doc - ctx.docBase)};
        });
  }

  @Test
  void storedFingerprintsEqualTheOnesComputedFromTerms() throws Exception {
    try (LiveIndex live = io.cratedigger.Fixtures.similarIndex(tmp.resolve("index"))) {
      int checked =
          live.search(
              (s, g) -> {
                int n = 0;
                for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
                  assertThat(Grouping.of(ctx.reader())).isInstanceOf(Grouping.Stored.class);
                  var stored = new Grouping.Stored(ctx.reader());
                  var terms = new Grouping.FromTerms(ctx.reader());
                  for (int d = 0; d < ctx.reader().maxDoc(); d++, n++) {
                    assertThat(stored.song(d)).isEqualTo(terms.song(d)).isNotZero();
                    assertThat(stored.release(d)).isEqualTo(terms.release(d));
                    assertThat(stored.artists(d)).containsExactlyInAnyOrder(terms.artists(d));
                  }
                }
                return n;
              });
      assertThat(checked).isEqualTo(63);
      // the original and its two versions are one song; the edit is on the original's EP
      assertThat(fingerprints(live, "te01-remix")[0]).isEqualTo(fingerprints(live, "te01")[0]);
      assertThat(fingerprints(live, "te01-edit")).containsExactly(fingerprints(live, "te01"));
      assertThat(fingerprints(live, "te01-remix")[1]).isNotEqualTo(fingerprints(live, "te01")[1]);
      assertThat(fingerprints(live, "te01")[1])
          .isEqualTo(Fingerprint.of("nadia voss|black lantern ep"));
    }
  }
}
