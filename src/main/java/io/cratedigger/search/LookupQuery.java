package io.cratedigger.search;

import io.cratedigger.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BlendedTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The typo-tolerant query of a plain lookup ("windowlikker aphex", "aphex wind").
 *
 * <p>Each word is looked for in title, artists and album in three ways whose scores add up: the
 * exact term ({@value #EXACT_BOOST} × its BM25 score), the word as a prefix (a constant {@value
 * #PREFIX_BOOST}, {@value #PREFIX_LAST_BOOST} for the word being typed) and the fuzzy term (a
 * constant {@value #FUZZY_BOOST} × Lucene's similarity 1 − edits / length, so below 1 for any
 * edit). An exact word is also its own prefix and its own fuzzy term, so per word exact &gt; prefix
 * &gt; fuzzy by construction. Within each way a word's best field counts and the others add a
 * {@value #FIELD_TIE} share (dis-max), so an album named like its single does not double the title
 * match; album matches weigh {@value #ALBUM_WEIGHT}.
 *
 * <p>The exact term's document frequency is blended across the fields (the largest counts, as
 * Elasticsearch's {@code cross_fields}): otherwise "deadmau5" in the title of one tribute would
 * score far above "deadmau5" in the artists of all his tracks, just for being rare there.
 *
 * <p>Every word of two letters or more must match somewhere; single letters ("jay z", "part 2")
 * only add to the score. A track whose words hit both its title and its artists scores {@value
 * #TITLE_AND_ARTIST_BOOST} times more, so "ghosts deadmau5" ranks deadmau5's "Ghosts 'n' Stuff"
 * above "Ghosts (deadmau5 Tribute)".
 */
public final class LookupQuery {
  public static final float EXACT_BOOST = 2f;
  public static final float PREFIX_BOOST = 1.2f;
  public static final float PREFIX_LAST_BOOST = 1.5f;
  public static final float FUZZY_BOOST = 1f;
  public static final float ALBUM_WEIGHT = 0.3f;
  public static final float FIELD_TIE = 0.1f;
  public static final float TITLE_AND_ARTIST_BOOST = 1.2f;
  public static final float SHORT_WORD_BOOST = 0.5f;

  /** Prefix matching from two letters: one letter would expand to a large part of the terms. */
  public static final int MIN_PREFIX_LENGTH = 2;

  /** Fuzzy matching from four letters (one edit), two edits from eight. */
  public static final int MIN_FUZZY_LENGTH = 4;

  public static final int TWO_EDITS_LENGTH = 8;

  /**
   * The first letter must match: people rarely mistype it, and skipping it makes the fuzzy
   * automaton walk only one branch of the terms dictionary instead of all of them.
   */
  public static final int FUZZY_PREFIX = 1;

  /** Fuzzy terms kept per word and field: enough for typos, small enough for the clause limit. */
  public static final int FUZZY_EXPANSIONS = 20;

  /** 10 words × 2 fuzzy fields × 20 expansions stays well under Lucene's 1024 clauses. */
  public static final int MAX_WORDS = 10;

  private LookupQuery() {}

  /**
   * The distinct analyzed words of {@code text} (folded, lower-cased), in typing order: a repeated
   * word moves to where it was typed last.
   */
  public static List<String> words(Analyzer analyzer, String text) throws IOException {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    try (TokenStream ts = analyzer.tokenStream(Schema.TITLE, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String w = term.toString();
        out.remove(w);
        out.add(w);
      }
      ts.end();
    }
    return List.copyOf(out);
  }

  /** Whether a query with all but one word required differs from the strict one. */
  public static boolean canRelax(List<String> words) {
    return required(words).size() >= 2;
  }

  /**
   * The lookup query. {@code typing}: the last word may be unfinished. {@code relaxed}: all but one
   * of the required words must match, so one wrong word does not lose the track.
   */
  static Query build(List<String> words, boolean typing, boolean relaxed, List<String> fields) {
    String last = words.getLast();
    List<String> required = required(words);
    BooleanQuery.Builder must = new BooleanQuery.Builder();
    for (String w : required) {
      must.add(word(w, typing && w.equals(last), fields), relaxed ? Occur.SHOULD : Occur.MUST);
    }
    if (relaxed) {
      must.setMinimumNumberShouldMatch(required.size() - 1);
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(must.build(), Occur.MUST);
    for (String w : words) {
      if (!required.contains(w)) {
        q.add(new BoostQuery(word(w, false, fields), SHORT_WORD_BOOST), Occur.SHOULD);
      }
    }
    BooleanQuery.Builder both = new BooleanQuery.Builder();
    both.add(anyWord(Schema.TITLE, words, typing), Occur.FILTER);
    both.add(anyWord(Schema.ARTISTS, words, typing), Occur.FILTER);
    return FunctionScoreQuery.boostByQuery(q.build(), both.build(), TITLE_AND_ARTIST_BOOST);
  }

  /** Words of two letters or more; all words when there are only single letters. */
  public static List<String> required(List<String> words) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      if (w.length() >= MIN_PREFIX_LENGTH) {
        out.add(w);
      }
    }
    return out.isEmpty() ? words : out;
  }

  /** The name fields a lookup searches, in the order they are tried. */
  public static final List<String> FIELDS = List.of(Schema.TITLE, Schema.ARTISTS, Schema.ALBUM);

  /**
   * The {@link #FIELDS} the index has at least one value in. A blended term query gives every field
   * the same document frequency, and in a field no document has (a Beatport chart has no albums)
   * Lucene's BM25 then fails for want of collection statistics: such fields are left out.
   */
  static List<String> present(org.apache.lucene.search.IndexSearcher s) throws java.io.IOException {
    List<String> out = new ArrayList<>(FIELDS.size());
    for (String f : FIELDS) {
      if (s.collectionStatistics(f) != null) {
        out.add(f);
      }
    }
    return out;
  }

  private static Query word(String w, boolean typing, List<String> fields) {
    BlendedTermQuery.Builder exact =
        new BlendedTermQuery.Builder()
            .setRewriteMethod(new BlendedTermQuery.DisjunctionMaxRewrite(FIELD_TIE));
    List<Query> prefix = new ArrayList<>(3);
    List<Query> fuzzy = new ArrayList<>(2);
    float prefixBoost = typing ? PREFIX_LAST_BOOST : PREFIX_BOOST;
    int edits = edits(w);
    for (String field : fields) {
      Term t = new Term(field, w);
      float weight = field.equals(Schema.ALBUM) ? ALBUM_WEIGHT : 1f;
      exact.add(t, EXACT_BOOST * weight);
      if (w.length() >= MIN_PREFIX_LENGTH) {
        prefix.add(new BoostQuery(new PrefixQuery(t), prefixBoost * weight));
      }
      // no fuzzy album matches: a light signal that would mostly add noise and clauses
      if (edits > 0 && !field.equals(Schema.ALBUM)) {
        // boost-only: a fuzzy term scores its similarity, not BM25, so a rare misspelled term
        // cannot outscore a correct one
        Query q =
            new FuzzyQuery(
                t,
                edits,
                FUZZY_PREFIX,
                FUZZY_EXPANSIONS,
                true,
                new MultiTermQuery.TopTermsBoostOnlyBooleanQueryRewrite(FUZZY_EXPANSIONS));
        fuzzy.add(new BoostQuery(q, FUZZY_BOOST * weight));
      }
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(exact.build(), Occur.SHOULD);
    if (!prefix.isEmpty()) {
      b.add(new DisjunctionMaxQuery(prefix, FIELD_TIE), Occur.SHOULD);
    }
    if (!fuzzy.isEmpty()) {
      b.add(new DisjunctionMaxQuery(fuzzy, FIELD_TIE), Occur.SHOULD);
    }
    return b.build();
  }

  /** Edits allowed for a word: none below four letters, one up to seven, two from eight. */
  public static int edits(String w) {
    int n = w.codePointCount(0, w.length());
    return n >= TWO_EDITS_LENGTH ? 2 : n >= MIN_FUZZY_LENGTH ? 1 : 0;
  }

  /** Tracks with some word exactly in {@code field}, or the word being typed as a prefix there. */
  private static Query anyWord(String field, List<String> words, boolean typing) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String w : words) {
      any.add(new TermQuery(new Term(field, w)), Occur.SHOULD);
    }
    String last = words.getLast();
    if (typing && last.length() >= MIN_PREFIX_LENGTH) {
      any.add(new PrefixQuery(new Term(field, last)), Occur.SHOULD);
    }
    return any.build();
  }
}
