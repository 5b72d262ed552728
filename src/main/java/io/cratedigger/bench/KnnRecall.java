package io.cratedigger.bench;

import io.cratedigger.index.Schema;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.VectorUtil;

/**
 * Recall of the HNSW vector search against exact search on the same vectors: for sampled tracks,
 * the share of the exact {@code k} nearest (by Euclidean distance, over every vector of every
 * segment) that the approximate search returns. The vectors are copied into one flat array (240 MB
 * for ten million six-dimensional vectors) so the exact scan is a fair baseline, not a slow one.
 */
public final class KnnRecall {
  private KnnRecall() {}

  /** Recall at 10 and 100, the queries run, and the median time of each search for the top 100. */
  public record Result(
      int queries,
      int vectors,
      double recallAt10,
      double recallAt100,
      double approxMedianMs,
      double exactMedianMs) {}

  /** Measures on {@code queries} vectors drawn (seeded) from the index itself. */
  public static Result measure(IndexSearcher searcher, int queries, long seed) throws IOException {
    Vectors all = Vectors.read(searcher);
    if (all.size() == 0) {
      throw new IllegalStateException("the index has no vectors (no audio features)");
    }
    SplittableRandom random = new SplittableRandom(seed);
    double hits10 = 0;
    double hits100 = 0;
    double[] approxMs = new double[queries];
    double[] exactMs = new double[queries];
    for (int q = 0; q < queries; q++) {
      float[] probe = all.vector(random.nextInt(all.size()));
      long t = System.nanoTime();
      int[] exact = all.nearest(probe, 100); // nearest first
      exactMs[q] = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      TopDocs approx = searcher.search(new KnnFloatVectorQuery(Schema.VECTOR, probe, 100), 100);
      approxMs[q] = (System.nanoTime() - t) / 1e6;
      hits10 += overlap(exact, approx, 10);
      hits100 += overlap(exact, approx, 100);
    }
    return new Result(
        queries,
        all.size(),
        hits10 / queries,
        hits100 / queries,
        Stats.median(approxMs),
        Stats.median(exactMs));
  }

  /** The share of the exact top {@code k} found in the approximate top {@code k}. */
  private static double overlap(int[] exact, TopDocs approx, int k) {
    int n = Math.min(k, exact.length);
    Set<Integer> want = new HashSet<>();
    for (int i = 0; i < n; i++) {
      want.add(exact[i]);
    }
    int found = 0;
    for (int i = 0; i < Math.min(k, approx.scoreDocs.length); i++) {
      found += want.contains(approx.scoreDocs[i].doc) ? 1 : 0;
    }
    return n == 0 ? 1 : found / (double) n;
  }

  /** Every vector of the index in one array, with its global document number. */
  record Vectors(float[] values, int[] docs, int dim) {
    static Vectors read(IndexSearcher searcher) throws IOException {
      int count = 0;
      int dim = 0;
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        FloatVectorValues v = leaf.reader().getFloatVectorValues(Schema.VECTOR);
        if (v != null) {
          count += v.size();
          dim = v.dimension();
        }
      }
      float[] values = new float[Math.multiplyExact(count, dim)];
      int[] docs = new int[count];
      int i = 0;
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        FloatVectorValues v = leaf.reader().getFloatVectorValues(Schema.VECTOR);
        if (v == null) {
          continue;
        }
        KnnVectorValues.DocIndexIterator it = v.iterator();
        for (int d = it.nextDoc(); d != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; ) {
          System.arraycopy(v.vectorValue(it.index()), 0, values, i * dim, dim);
          docs[i++] = leaf.docBase + d;
          d = it.nextDoc();
        }
      }
      return new Vectors(values, docs, dim);
    }

    int size() {
      return docs.length;
    }

    float[] vector(int i) {
      return Arrays.copyOfRange(values, i * dim, (i + 1) * dim);
    }

    /**
     * Documents of the {@code k} nearest vectors, nearest first; ties by document number, as Lucene
     * breaks them. A bounded max-heap of (distance, doc) packed in parallel arrays.
     */
    int[] nearest(float[] probe, int k) {
      int n = Math.min(k, size());
      float[] dist = new float[n];
      int[] doc = new int[n];
      int filled = 0;
      float[] row = new float[dim];
      for (int i = 0; i < size(); i++) {
        System.arraycopy(values, i * dim, row, 0, dim);
        float d = VectorUtil.squareDistance(row, probe);
        if (filled < n) {
          dist[filled] = d;
          doc[filled] = docs[i];
          siftUp(dist, doc, filled++);
        } else if (worse(dist[0], doc[0], d, docs[i])) {
          dist[0] = d;
          doc[0] = docs[i];
          siftDown(dist, doc, n);
        }
      }
      Integer[] order = new Integer[filled];
      for (int i = 0; i < filled; i++) {
        order[i] = i;
      }
      Arrays.sort(
          order, (a, b) -> dist[a] != dist[b] ? Float.compare(dist[a], dist[b]) : doc[a] - doc[b]);
      int[] out = new int[filled];
      for (int i = 0; i < filled; i++) {
        out[i] = doc[order[i]];
      }
      return out;
    }

    /** Whether (d1, doc1) is farther than (d2, doc2). */
    private static boolean worse(float d1, int doc1, float d2, int doc2) {
      return d1 > d2 || (d1 == d2 && doc1 > doc2);
    }

    private static void siftUp(float[] dist, int[] doc, int i) {
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (!worse(dist[i], doc[i], dist[parent], doc[parent])) {
          return;
        }
        swap(dist, doc, i, parent);
        i = parent;
      }
    }

    private static void siftDown(float[] dist, int[] doc, int n) {
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        int r = l + 1;
        int worst = i;
        if (l < n && worse(dist[l], doc[l], dist[worst], doc[worst])) {
          worst = l;
        }
        if (r < n && worse(dist[r], doc[r], dist[worst], doc[worst])) {
          worst = r;
        }
        if (worst == i) {
          return;
        }
        swap(dist, doc, i, worst);
        i = worst;
      }
    }

    private static void swap(float[] dist, int[] doc, int a, int b) {
      float d = dist[a];
      dist[a] = dist[b];
      dist[b] = d;
      int x = doc[a];
      doc[a] = doc[b];
      doc[b] = x;
    }
  }
}
