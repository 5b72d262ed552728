package io.cratedigger.search;

import io.cratedigger.index.Schema;
import java.io.IOException;
import java.util.PriorityQueue;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * The nearest vectors among the documents of a selective filter, by exact distance. For a filter
 * that keeps a fraction of a percent of the catalog (the tracks that share the scene and mix), the
 * HNSW graph is the wrong tool: a filtered graph search walks thousands of nodes before it finds k
 * accepted ones, gives up at the filter's size and then scans the filter exactly anyway. Scanning
 * the few thousand documents straight away costs a fraction of that. Returns null when the filter
 * holds more than {@code maxExact} documents: then the graph is the right tool.
 */
final class NearestAmong {
  private NearestAmong() {}

  /** Scores as Lucene's Euclidean similarity does, {@code 1 / (1 + d²)}. */
  static TopDocs search(IndexSearcher s, Query filter, float[] vector, int k, int maxExact)
      throws IOException {
    Weight w = s.createWeight(s.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
    // worst of the best k on top
    PriorityQueue<ScoreDoc> best =
        new PriorityQueue<>(
            k + 1,
            (a, b) ->
                a.score != b.score
                    ? Float.compare(a.score, b.score)
                    : Integer.compare(b.doc, a.doc));
    int seen = 0;
    for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
      FloatVectorValues values = ctx.reader().getFloatVectorValues(Schema.VECTOR);
      Scorer scorer = w.scorer(ctx);
      if (values == null || scorer == null) {
        continue;
      }
      KnnVectorValues.DocIndexIterator withVector = values.iterator();
      Bits live = ctx.reader().getLiveDocs();
      DocIdSetIterator it = scorer.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        if (++seen > maxExact) {
          return null;
        }
        if (withVector.docID() < doc) {
          withVector.advance(doc);
        }
        if (withVector.docID() != doc) {
          continue; // no audio features
        }
        float[] v = values.vectorValue(withVector.index());
        double d2 = 0;
        for (int i = 0; i < v.length; i++) {
          double x = v[i] - vector[i];
          d2 += x * x;
        }
        float score = (float) (1 / (1 + d2));
        if (best.size() < k) {
          best.add(new ScoreDoc(ctx.docBase + doc, score));
        } else if (score > best.peek().score) {
          best.poll();
          best.add(new ScoreDoc(ctx.docBase + doc, score));
        }
      }
    }
    ScoreDoc[] out = new ScoreDoc[best.size()];
    for (int i = out.length - 1; i >= 0; i--) {
      out[i] = best.poll();
    }
    return new TopDocs(new TotalHits(seen, TotalHits.Relation.EQUAL_TO), out);
  }
}
