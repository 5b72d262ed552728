package io.cratedigger.search;

import io.cratedigger.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocAndFloatFeatureBuffer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.VectorScorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The nearest vectors among the documents that match every one of some filters, by exact distance.
 * For filters that together keep a fraction of a percent of the catalog (the tracks that share the
 * scene and mix), the HNSW graph is the wrong tool: a filtered graph search walks thousands of
 * nodes before it finds k accepted ones, gives up at the filter's size and then scans the filter
 * exactly anyway. Scanning the few thousand documents straight away costs a fraction of that.
 *
 * <p>Each filter is loaded into a bit set on its own and the sets are intersected, rather than run
 * as one conjunction: the scene side can be a quarter of the catalog, and a conjunction led by it
 * advanced a disjunction of postings a quarter of a million times per query (most of the 4 ms this
 * took at a million tracks); loading postings into a bit set is a tight loop over blocks. Returns
 * null when more than {@code maxExact} documents match: then the graph is the right tool.
 */
final class NearestAmong {
  private NearestAmong() {}

  /** Scores as Lucene's Euclidean similarity does, {@code 1 / (1 + d²)}. */
  static TopDocs search(IndexSearcher s, List<Query> filters, float[] vector, int k, int maxExact)
      throws IOException {
    List<Weight> weights = new ArrayList<>();
    for (Query q : flatten(filters, new ArrayList<>())) {
      weights.add(s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f));
    }
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
      FixedBitSet matches = values == null ? null : matching(weights, ctx);
      if (matches == null) {
        continue;
      }
      seen += matches.cardinality(); // deleted documents included: a bound on the work
      if (seen > maxExact) {
        return null;
      }
      // Lucene's own scorer reads each vector in place (no copy per document) and scores a batch
      // at a time with the Panama vector routines
      VectorScorer.Bulk bulk =
          values.scorer(vector).bulk(new BitSetIterator(matches, matches.cardinality()));
      DocAndFloatFeatureBuffer batch = new DocAndFloatFeatureBuffer();
      while (true) {
        bulk.nextDocsAndScores(DocIdSetIterator.NO_MORE_DOCS, ctx.reader().getLiveDocs(), batch);
        if (batch.size == 0) {
          break;
        }
        for (int i = 0; i < batch.size; i++) {
          float score = batch.features[i];
          if (best.size() < k) {
            best.add(new ScoreDoc(ctx.docBase + batch.docs[i], score));
          } else if (score > best.peek().score) {
            best.poll();
            best.add(new ScoreDoc(ctx.docBase + batch.docs[i], score));
          }
        }
      }
    }
    ScoreDoc[] out = new ScoreDoc[best.size()];
    for (int i = out.length - 1; i >= 0; i--) {
      out[i] = best.poll();
    }
    return new TopDocs(new TotalHits(seen, TotalHits.Relation.EQUAL_TO), out);
  }

  /** The conjunction's parts: a boolean query of required clauses only is opened up. */
  private static List<Query> flatten(List<Query> queries, List<Query> into) {
    for (Query q : queries) {
      if (q == null) {
        continue;
      }
      if (q instanceof BooleanQuery b
          && b.getMinimumNumberShouldMatch() == 0
          && b.clauses().stream()
              .allMatch(
                  c ->
                      c.occur() == BooleanClause.Occur.FILTER
                          || c.occur() == BooleanClause.Occur.MUST)) {
        flatten(b.clauses().stream().map(BooleanClause::query).toList(), into);
      } else {
        into.add(q);
      }
    }
    return into;
  }

  /** The documents of a segment that match every weight, or null when none can. */
  private static FixedBitSet matching(List<Weight> weights, LeafReaderContext ctx)
      throws IOException {
    int maxDoc = ctx.reader().maxDoc();
    FixedBitSet all = null;
    FixedBitSet part = null;
    for (Weight w : weights) {
      Scorer scorer = w.scorer(ctx);
      if (scorer == null) {
        return null;
      }
      FixedBitSet into;
      if (all == null) {
        into = all = new FixedBitSet(maxDoc);
      } else if (part == null) {
        into = part = new FixedBitSet(maxDoc);
      } else {
        into = part;
        part.clear();
      }
      DocIdSetIterator it = scorer.iterator();
      if (it.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
        it.intoBitSet(DocIdSetIterator.NO_MORE_DOCS, into, 0);
      }
      if (into == part) {
        all.and(part);
      }
      if (all.nextSetBit(0) == DocIdSetIterator.NO_MORE_DOCS) {
        return null;
      }
    }
    return all;
  }
}
