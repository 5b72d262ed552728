package io.cratedigger.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.index.Schema;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The exact nearest among filtered documents: across segments, with deletions, documents without a
 * vector and nested required clauses, against the distances worked out by hand.
 */
class NearestAmongTest {

  /** id, x, y (null: no vector), scene, slot. Two segments: the first four, the rest. */
  private static final Object[][] DOCS = {
    {"a", 0f, 0f, "techno", "8A@124"},
    {"b", 3f, 0f, "techno", "8A@124"},
    {"c", 1f, 0f, "house", "8A@124"}, // not in the scene
    {"d", 0.5f, 0f, "techno", "3B@90"}, // does not mix
    {"e", 2f, 0f, "techno", "8A@124"},
    {"f", null, null, "techno", "8A@124"}, // no audio features
    {"g", 0.2f, 0f, "techno", "9A@124"}, // deleted below
    {"h", 1.5f, 0f, "techno", "9A@124"},
  };

  @Test
  void nearestFirstAmongTheDocumentsEveryFilterKeeps() throws Exception {
    try (var dir = new ByteBuffersDirectory();
        var w = new IndexWriter(dir, new IndexWriterConfig())) {
      for (int i = 0; i < DOCS.length; i++) {
        Object[] d = DOCS[i];
        Document doc = new Document();
        doc.add(new StringField("id", (String) d[0], Field.Store.YES));
        doc.add(new KeywordField(Schema.SCENE, (String) d[3], Field.Store.NO));
        doc.add(new KeywordField(Schema.MIX_SLOT, (String) d[4], Field.Store.NO));
        if (d[1] != null) {
          doc.add(
              new KnnFloatVectorField(
                  Schema.VECTOR,
                  new float[] {(Float) d[1], (Float) d[2]},
                  VectorSimilarityFunction.EUCLIDEAN));
        }
        w.addDocument(doc);
        if (i == 3) {
          w.commit(); // a second segment
        }
      }
      w.deleteDocuments(new Term("id", "g"));
      w.commit();
      try (var reader = DirectoryReader.open(dir)) {
        assertThat(reader.leaves()).hasSize(2);
        IndexSearcher s = new IndexSearcher(reader);
        Query mixes =
            new BooleanQuery.Builder()
                .add(
                    KeywordField.newSetQuery(
                        Schema.MIX_SLOT, List.of(new BytesRef("8A@124"), new BytesRef("9A@124"))),
                    BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Schema.MIX_SLOT, "8A@124")), BooleanClause.Occur.SHOULD)
                .build();
        Query scene = new TermQuery(new Term(Schema.SCENE, "techno"));
        float[] seed = {1.2f, 0f};

        TopDocs top = NearestAmong.search(s, List.of(mixes, scene), seed, 3, 100);

        // e (0.8 away), h (0.3) and a (1.2), b (1.8): h, e, a; c is house, d does not mix, f has
        // no vector, g is deleted
        assertThat(ids(s, top)).containsExactly("h", "e", "a");
        assertThat(top.scoreDocs[0].score).isEqualTo(1f / (1f + 0.3f * 0.3f), within());
        assertThat(NearestAmong.search(s, List.of(mixes, scene), seed, 10, 100).scoreDocs)
            .hasSize(4);
        // one query of required clauses is the same as its clauses one by one
        Query both =
            new BooleanQuery.Builder()
                .add(mixes, BooleanClause.Occur.FILTER)
                .add(scene, BooleanClause.Occur.MUST)
                .build();
        assertThat(ids(s, NearestAmong.search(s, List.of(both), seed, 3, 100)))
            .containsExactly("h", "e", "a");
        // more matches than the exact bound: the caller should use the graph
        assertThat(NearestAmong.search(s, List.of(mixes, scene), seed, 3, 4)).isNull();
        // a filter that keeps nothing
        Query none = new TermQuery(new Term(Schema.SCENE, "swing"));
        assertThat(NearestAmong.search(s, List.of(mixes, none), seed, 3, 100).scoreDocs).isEmpty();
      }
    }
  }

  private static org.assertj.core.data.Offset<Float> within() {
    return org.assertj.core.data.Offset.offset(1e-6f);
  }

  private static List<String> ids(IndexSearcher s, TopDocs top) throws Exception {
    var stored = s.storedFields();
    return Arrays.stream(top.scoreDocs).map((ScoreDoc sd) -> storedId(stored, sd.doc)).toList();
  }

  private static String storedId(org.apache.lucene.index.StoredFields stored, int doc) {
    try {
      return stored.document(doc).get("id");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
