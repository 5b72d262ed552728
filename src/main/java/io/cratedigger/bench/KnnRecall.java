package io.cratedigger.bench;

import io.cratedigger.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.VectorUtil;

/**
 * Recall of the HNSW vector search against exact search on the same vectors: for sampled tracks,
 * the share of the exact {@code k} nearest (by Euclidean distance, over every vector of every
 * segment) that the approximate search returns.
 */
public final class KnnRecall {
  private KnnRecall() {}

  /** Recall at 10 and 100, the queries run, and the approximate search's median time. */
  public record Result(
      int queries,
      int vectors,
      double recallAt10,
      double recallAt100,
      double approxMedianMs,
      double exactMedianMs) {}

  /** Measures on {@code queries} vectors drawn (seeded) from the index itself. */
  public static Result measure(IndexSearcher searcher, int queries, long seed) throws IOException {
    List<float[]> all = new ArrayList<>();
    List<Integer> docs = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(Schema.VECTOR);
      if (values == null) {
        continue;
      }
      KnnVectorValues.DocIndexIterator it = values.iterator();
      for (int d = it.nextDoc();
          d != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS;
          d = it.nextDoc()) {
        all.add(values.vectorValue(it.index()).clone());
        docs.add(leaf.docBase + d);
      }
    }
    if (all.isEmpty()) {
      throw new IllegalStateException("the index has no vectors (no audio features)");
    }
    SplittableRandom random = new SplittableRandom(seed);
    double hits10 = 0;
    double hits100 = 0;
    double[] approxMs = new double[queries];
    double[] exactMs = new double[queries];
    for (int q = 0; q < queries; q++) {
      float[] probe = all.get(random.nextInt(all.size()));
      long t = System.nanoTime();
      Set<Integer> exact100 = exact(all, docs, probe, 100);
      exactMs[q] = (System.nanoTime() - t) / 1e6;
      Set<Integer> exact10 = exact(all, docs, probe, 10);
      t = System.nanoTime();
      TopDocs approx = searcher.search(new KnnFloatVectorQuery(Schema.VECTOR, probe, 100), 100);
      approxMs[q] = (System.nanoTime() - t) / 1e6;
      Set<Integer> got100 = new HashSet<>();
      Set<Integer> got10 = new HashSet<>();
      for (int i = 0; i < approx.scoreDocs.length; i++) {
        ScoreDoc sd = approx.scoreDocs[i];
        got100.add(sd.doc);
        if (i < 10) {
          got10.add(sd.doc);
        }
      }
      hits10 += overlap(exact10, got10) / (double) exact10.size();
      hits100 += overlap(exact100, got100) / (double) exact100.size();
    }
    return new Result(
        queries,
        all.size(),
        hits10 / queries,
        hits100 / queries,
        median(approxMs),
        median(exactMs));
  }

  private static Set<Integer> exact(List<float[]> all, List<Integer> docs, float[] probe, int k) {
    // max-heap on distance keeps the k nearest; ties by doc id, as Lucene breaks them
    PriorityQueue<long[]> heap =
        new PriorityQueue<>(
            (a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(b[1], a[1]));
    for (int i = 0; i < all.size(); i++) {
      float d = VectorUtil.squareDistance(all.get(i), probe);
      long key = Float.floatToIntBits(d); // non-negative floats order like their bits
      if (heap.size() < k) {
        heap.add(new long[] {key, docs.get(i)});
      } else if (key < heap.peek()[0] || (key == heap.peek()[0] && docs.get(i) < heap.peek()[1])) {
        heap.poll();
        heap.add(new long[] {key, docs.get(i)});
      }
    }
    Set<Integer> out = new HashSet<>();
    heap.forEach(e -> out.add((int) e[1]));
    return out;
  }

  private static int overlap(Set<Integer> a, Set<Integer> b) {
    int n = 0;
    for (Integer x : b) {
      n += a.contains(x) ? 1 : 0;
    }
    return n;
  }

  static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c.length == 0 ? 0 : c[c.length / 2];
  }
}
