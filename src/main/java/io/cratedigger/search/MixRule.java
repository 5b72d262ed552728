package io.cratedigger.search;

import io.cratedigger.index.Schema;
import io.cratedigger.rank.MixPolicy;
import io.cratedigger.track.Key;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.FloatField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.NumericUtils;

/**
 * Which tracks a DJ can mix with the seed as released, the {@link MixPolicy}'s coarse {@linkplain
 * MixPolicy#filter filter} in a form Lucene reads: the BPM, rounded, within the tolerance (also at
 * half and double time) or unknown, and a Camelot key that mixes or unknown. With key lock off the
 * key heard depends on the tempo, so only the BPM part filters. The tempo and key rerankers then
 * check exactly, by the same policy; this only has to be cheap and a little generous.
 *
 * <p>Two forms of the same rule. {@link #terms()} looks the {@link Schema#MIX_SLOT} terms up: the
 * right filter for a vector search, which needs every mixable document up front. {@link
 * #perDocument()} reads the tempo and key doc values of the documents another clause proposes: the
 * right filter beside a selective lexical query, where collecting the postings of hundreds of slots
 * cost more than the lexical query itself.
 *
 * <p>With the energy direction lift (or drop), a track whose energy is below (above) the seed's
 * does not mix either ({@link MixPolicy#againstEnergy}).
 *
 * @param keys allowed keys by {@code pitchClass * 2 + spotifyMode}, null when any key mixes
 * @param bpms inclusive ranges of whole BPM, null when any tempo mixes
 * @param minEnergy, maxEnergy the energy range that mixes (unknown energy passes)
 */
public record MixRule(boolean[] keys, List<long[]> bpms, float minEnergy, float maxEnergy) {

  /**
   * The policy's {@linkplain MixPolicy#filter filter} for {@code seed} as lookups, or null when the
   * seed has neither tempo, key nor an energy bound (nothing to retrieve mixable tracks by).
   */
  static MixRule of(MixPolicy.Deck seed, MixPolicy policy) {
    MixPolicy.Filter f = policy.filter(seed);
    if (seed.bpm() == null && seed.key() == null && !f.boundsEnergy()) {
      return null;
    }
    boolean[] keys = null;
    if (f.keys() != null) {
      keys = new boolean[24];
      for (Key k : f.keys()) {
        keys[slot(k.pitchClass(), k.mode().spotify())] = true;
      }
    }
    List<long[]> bpms =
        f.bpms() == null
            ? null
            : f.bpms().stream().map(w -> new long[] {w.from(), w.to()}).toList();
    return new MixRule(keys, bpms, (float) f.minEnergy(), (float) f.maxEnergy());
  }

  /** Whether the rule bounds the energy (lift or drop). */
  public boolean boundsEnergy() {
    return minEnergy > Float.NEGATIVE_INFINITY || maxEnergy < Float.POSITIVE_INFINITY;
  }

  boolean energyMixes(double energy) {
    return energy >= minEnergy && energy <= maxEnergy;
  }

  private static int slot(int pitchClass, int mode) {
    return pitchClass * 2 + mode;
  }

  boolean keyMixes(int pitchClass, int mode) {
    return keys == null || keys[slot(pitchClass, mode)];
  }

  boolean bpmMixes(double bpm) {
    if (bpms == null) {
      return true;
    }
    long b = Math.round(bpm);
    for (long[] r : bpms) {
      if (b >= r[0] && b <= r[1]) {
        return true;
      }
    }
    return false;
  }

  /** The Camelot keys that mix (the unknown key always does). */
  public List<String> camelots() {
    List<String> camelots = new ArrayList<>();
    for (int pc = 0; pc < 12; pc++) {
      for (Key.Mode m : Key.Mode.values()) {
        if (keyMixes(pc, m.spotify())) {
          camelots.add(new Key(pc, m).camelot());
        }
      }
    }
    return camelots;
  }

  /**
   * The {@link Schema#MIX_SLOT} terms of the tracks whose key and whole BPM mix, an unknown key or
   * BPM included: the terms {@link MixSlotQuery} walks, for a backend that looks terms up one by
   * one. Null when any tempo mixes (then only {@link #camelots()} filter).
   */
  public List<String> slots() {
    if (bpms == null) {
      return null;
    }
    List<String> keys = new ArrayList<>(camelots());
    keys.add("?");
    Set<String> out = new LinkedHashSet<>();
    for (String c : keys) {
      for (long[] w : bpms) {
        for (long b = Math.max(0, w[0]); b <= w[1]; b++) {
          out.add(c + "@" + b);
        }
      }
      out.add(c + "@?");
    }
    return List.copyOf(out);
  }

  /** The rule as a lookup of {@link Schema#MIX_SLOT} terms (see {@link MixSlotQuery}). */
  Query terms() {
    List<String> camelots = camelots();
    Query slotQuery = new MixSlotQuery(camelots, bpms);
    if (!boundsEnergy()) {
      return slotQuery;
    }
    // the energy in range, or unknown
    Query unknown =
        new BooleanQuery.Builder()
            .add(new FieldExistsQuery(ENERGY), BooleanClause.Occur.MUST_NOT)
            .add(MatchAllDocsQuery.INSTANCE, BooleanClause.Occur.FILTER)
            .build();
    Query energy =
        new BooleanQuery.Builder()
            .add(FloatField.newRangeQuery(ENERGY, minEnergy, maxEnergy), BooleanClause.Occur.SHOULD)
            .add(unknown, BooleanClause.Occur.SHOULD)
            .build();
    return new BooleanQuery.Builder()
        .add(slotQuery, BooleanClause.Occur.FILTER)
        .add(energy, BooleanClause.Occur.FILTER)
        .build();
  }

  /** The energy field (see {@link io.cratedigger.track.AudioFeature#ENERGY}). */
  private static final String ENERGY = "energy";

  /** The rule checked per document from the tempo, key and mode doc values. */
  Query perDocument() {
    return new PerDocument(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MixRule r
        && Arrays.equals(keys, r.keys)
        && Objects.equals(ranges(bpms), ranges(r.bpms))
        && Float.compare(minEnergy, r.minEnergy) == 0
        && Float.compare(maxEnergy, r.maxEnergy) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(keys), ranges(bpms), minEnergy, maxEnergy);
  }

  @Override
  public String toString() {
    return "MixRule[keys="
        + (keys == null ? "any" : Arrays.toString(keys))
        + ", bpms="
        + (bpms == null ? "any" : ranges(bpms))
        + (boundsEnergy() ? ", energy=" + minEnergy + ".." + maxEnergy : "")
        + "]";
  }

  private static List<List<Long>> ranges(List<long[]> bpms) {
    return bpms == null ? null : bpms.stream().map(r -> List.of(r[0], r[1])).toList();
  }

  /** A doc-values query: every document is a candidate, confirmed by reading three values. */
  private static final class PerDocument extends Query {
    /** About the cost of three doc-value reads, so Lucene checks this after cheaper clauses. */
    private static final float MATCH_COST = 30;

    private final MixRule rule;

    PerDocument(MixRule rule) {
      this.rule = rule;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
      return new ConstantScoreWeight(this, boost) {
        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext ctx) throws IOException {
          var leaf = ctx.reader();
          SortedNumericDocValues bpm = DocValues.getSortedNumeric(leaf, Schema.BPM);
          SortedNumericDocValues key = DocValues.getSortedNumeric(leaf, Schema.KEY);
          SortedNumericDocValues mode = DocValues.getSortedNumeric(leaf, Schema.MODE);
          SortedNumericDocValues energy =
              rule.boundsEnergy() ? DocValues.getSortedNumeric(leaf, ENERGY) : null;
          DocIdSetIterator all = DocIdSetIterator.all(leaf.maxDoc());
          TwoPhaseIterator check =
              new TwoPhaseIterator(all) {
                @Override
                public boolean matches() throws IOException {
                  int doc = all.docID();
                  if (bpm.advanceExact(doc)
                      && !rule.bpmMixes(NumericUtils.sortableIntToFloat((int) bpm.nextValue()))) {
                    return false;
                  }
                  if (energy != null
                      && energy.advanceExact(doc)
                      && !rule.energyMixes(
                          NumericUtils.sortableIntToFloat((int) energy.nextValue()))) {
                    return false;
                  }
                  return !key.advanceExact(doc)
                      || !mode.advanceExact(doc)
                      || rule.keyMixes((int) key.nextValue(), (int) mode.nextValue());
                }

                @Override
                public float matchCost() {
                  return MATCH_COST;
                }
              };
          return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, check));
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
          return DocValues.isCacheable(ctx, Schema.BPM, Schema.KEY, Schema.MODE, ENERGY);
        }
      };
    }

    @Override
    public void visit(QueryVisitor visitor) {
      if (visitor.acceptField(Schema.BPM)) {
        visitor.visitLeaf(this);
      }
    }

    @Override
    public String toString(String field) {
      return "mixable(" + rule + ")";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PerDocument p && rule.equals(p.rule);
    }

    @Override
    public int hashCode() {
      return rule.hashCode() ^ PerDocument.class.hashCode();
    }
  }
}
