package io.cratedigger.search;

import io.cratedigger.index.Schema;
import io.cratedigger.rank.Candidate;
import io.cratedigger.track.Key;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;

/**
 * Reads what ranking needs about candidates from doc values and vectors, in document order, one
 * pass per segment: no stored fields (those are read only for the results returned).
 */
public final class CandidateReader {
  /** Facet fields read for the scene score. */
  public static final List<String> FACETS =
      List.of(Schema.SCENE, Schema.LABEL_EXACT, Schema.ARTIST_EXACT);

  /**
   * A candidate and the seed facet values it shares (field → values), for the scene score and
   * reasons.
   */
  public record Read(Candidate candidate, Map<String, List<String>> facets) {}

  private CandidateReader() {}

  /**
   * Reads {@code docs}, but those with one of the {@code excluded} ids. {@code wanted} (field →
   * values: the seeds' and the tags near theirs) are matched by term ordinal, so a candidate's
   * other tags and labels are never turned into strings; nor is its id unless asked for.
   */
  static List<Read> read(
      IndexReader reader,
      int[] docs,
      boolean attributes,
      Map<String, Set<String>> wanted,
      Set<String> excluded)
      throws IOException {
    int[] sorted = docs.clone();
    Arrays.sort(sorted);
    List<Read> out = new ArrayList<>(sorted.length);
    List<LeafReaderContext> leaves = reader.leaves();
    int i = 0;
    while (i < sorted.length) {
      LeafReaderContext ctx = leaves.get(ReaderUtil.subIndex(sorted[i], leaves));
      int end = ctx.docBase + ctx.reader().maxDoc();
      Segment seg = new Segment(ctx.reader(), attributes, wanted, excluded);
      for (; i < sorted.length && sorted[i] < end; i++) {
        Read r = seg.read(sorted[i], sorted[i] - ctx.docBase);
        if (r != null) {
          out.add(r);
        }
      }
    }
    return out;
  }

  /** The doc-values iterators of one segment (forward-only: docs must come in order). */
  private static final class Segment {
    private final SortedSetDocValues id;
    private final SortedNumericDocValues bpm;
    private final SortedNumericDocValues key;
    private final SortedNumericDocValues mode;
    private final SortedNumericDocValues energy;
    private final SortedNumericDocValues cluster;
    private final Grouping groups;
    private final Map<String, SortedSetDocValues> facets = new HashMap<>();

    /** Per facet field: ordinal of a seed value in this segment → the value. */
    private final Map<String, Map<Long, String>> seedOrds = new HashMap<>();

    private final FloatVectorValues vectors;
    private final KnnVectorValues.DocIndexIterator vectorDocs;
    private final SortedNumericDocValues[] attributes;

    /** Ordinals of the excluded ids in this segment. */
    private final Set<Long> excludedOrds = new HashSet<>();

    Segment(
        LeafReader leaf, boolean withAttributes, Map<String, Set<String>> wanted, Set<String> excl)
        throws IOException {
      id = DocValues.getSortedSet(leaf, Schema.ID);
      for (String x : excl) {
        long ord = id.lookupTerm(new BytesRef(x));
        if (ord >= 0) {
          excludedOrds.add(ord);
        }
      }
      bpm = DocValues.getSortedNumeric(leaf, Schema.BPM);
      key = DocValues.getSortedNumeric(leaf, Schema.KEY);
      mode = DocValues.getSortedNumeric(leaf, Schema.MODE);
      energy = DocValues.getSortedNumeric(leaf, "energy");
      cluster = DocValues.getSortedNumeric(leaf, Schema.CLUSTER);
      for (String f : FACETS) {
        SortedSetDocValues dv = DocValues.getSortedSet(leaf, f);
        facets.put(f, dv);
        Map<Long, String> ords = new HashMap<>();
        for (String v : wanted.getOrDefault(f, Set.of())) {
          long ord = dv.lookupTerm(new BytesRef(v));
          if (ord >= 0) {
            ords.put(ord, v);
          }
        }
        seedOrds.put(f, ords);
      }
      groups = Grouping.of(leaf);
      vectors = leaf.getFloatVectorValues(Schema.VECTOR);
      vectorDocs = vectors == null ? null : vectors.iterator();
      Attribute[] all = Attribute.values();
      attributes = new SortedNumericDocValues[withAttributes ? all.length : 0];
      for (int a = 0; a < attributes.length; a++) {
        attributes[a] = all[a].docValues(leaf);
      }
    }

    /** The document, or null when its id is excluded. */
    Read read(int globalDoc, int doc) throws IOException {
      long idOrd = id.advanceExact(doc) ? id.nextOrd() : -1;
      if (excludedOrds.contains(idOrd)) {
        return null;
      }
      double bv = Attribute.TEMPO.read(bpm, doc);
      Double b = Double.isNaN(bv) ? null : bv;
      Key k = null;
      if (key.advanceExact(doc) && mode.advanceExact(doc)) {
        k = new Key((int) key.nextValue(), mode.nextValue() == 1 ? Key.Mode.MAJOR : Key.Mode.MINOR);
      }
      double e = Attribute.ENERGY.read(energy, doc);
      int c = cluster.advanceExact(doc) ? (int) cluster.nextValue() : -1;
      float[] v = null;
      if (vectorDocs != null
          && (vectorDocs.docID() == doc
              || (vectorDocs.docID() < doc && vectorDocs.advance(doc) == doc))) {
        v = vectors.vectorValue(vectorDocs.index()).clone();
      }
      double[] attrs = new double[Attribute.values().length];
      Arrays.fill(attrs, Double.NaN);
      for (int a = 0; a < attributes.length; a++) {
        attrs[a] = Attribute.values()[a].read(attributes[a], doc);
      }
      Map<String, List<String>> values = new HashMap<>();
      for (var f : facets.entrySet()) {
        values.put(f.getKey(), shared(f.getValue(), seedOrds.get(f.getKey()), doc));
      }
      Candidate cand =
          new Candidate(
              globalDoc,
              idOrd < 0 ? () -> "" : () -> term(id, idOrd),
              b,
              k,
              Double.isNaN(e) ? null : e,
              c,
              groups.song(doc),
              groups.release(doc),
              groups.artists(doc),
              v,
              attrs);
      return new Read(cand, values);
    }

    private static String term(SortedSetDocValues dv, long ord) {
      try {
        return dv.lookupOrd(ord).utf8ToString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The seed values this document has (by ordinal). */
    private static List<String> shared(SortedSetDocValues dv, Map<Long, String> seed, int doc)
        throws IOException {
      if (seed.isEmpty() || !dv.advanceExact(doc)) {
        return List.of();
      }
      List<String> out = null;
      for (int n = 0; n < dv.docValueCount(); n++) {
        String v = seed.get(dv.nextOrd());
        if (v != null) {
          if (out == null) {
            out = new ArrayList<>(2);
          }
          out.add(v);
        }
      }
      return out == null ? List.of() : out;
    }
  }
}
