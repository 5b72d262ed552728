package io.cratedigger.search;

import io.cratedigger.InvalidRequestException;
import io.cratedigger.index.Analyzers;
import io.cratedigger.index.Schema;
import io.cratedigger.index.TrackDocuments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queries.function.valuesource.LinearFloatFunction;
import org.apache.lucene.queries.function.valuesource.MultiValuedIntFieldSource;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TopFieldDocs;

/**
 * Finds tracks by what a DJ types: misspelled, partial, accented or not, title and artist words in
 * any order ({@link LookupQuery}); or, when the text has {@code field:value} parts, the advanced
 * syntax ({@link QuerySyntax}).
 *
 * <p>Scores are multiplied by {@code 1 + 0.05 × popularity / 100}, so between equal or nearly equal
 * matches the better-known track comes first, and ties left after that are broken by track id.
 * Stateless and thread-safe.
 */
public final class TrackLookup {
  public static final int MAX_LIMIT = 100;
  public static final int MAX_LENGTH = 200;

  /** At most +5 % for popularity 100: a tie-breaker, not enough to lift a fuzzy match. */
  public static final float POPULARITY_WEIGHT = 0.05f;

  private static final Sort BY_SCORE_THEN_ID =
      new Sort(SortField.FIELD_SCORE, new SortedSetSortField(Schema.ID, false));

  private final Analyzer names = Analyzers.names();
  private final QuerySyntax syntax = new QuerySyntax(names);

  public TrackLookup() {}

  /**
   * The best {@code limit} tracks for {@code text}, best first.
   *
   * @param limit 1..{@value #MAX_LIMIT}
   * @throws BadQueryException when the text is empty, longer than {@value #MAX_LENGTH} characters,
   *     has no words, or is advanced syntax with an error
   * @throws IllegalArgumentException when {@code limit} is outside 1..{@value #MAX_LIMIT}
   */
  public List<LookupHit> search(IndexSearcher searcher, String text, int limit) throws IOException {
    checkLimit(limit);
    String q = checked(text);
    if (QuerySyntax.isAdvanced(q)) {
      return run(searcher, syntax.parse(q), limit);
    }
    List<String> words = words(names, q);
    boolean typing = typing(text);
    List<String> fields = LookupQuery.present(searcher);
    if (fields.isEmpty()) {
      return List.of(); // an empty index
    }
    List<LookupHit> hits = run(searcher, LookupQuery.build(words, typing, false, fields), limit);
    if (hits.isEmpty() && LookupQuery.canRelax(words)) {
      hits = run(searcher, LookupQuery.build(words, typing, true, fields), limit);
    }
    return hits;
  }

  /**
   * Checks a lookup's {@code limit}; shared with the cluster's lookup so both refuse alike.
   *
   * @throws InvalidRequestException when it is outside 1..{@value #MAX_LIMIT}
   */
  public static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidRequestException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    }
  }

  /**
   * The words of a plain lookup ({@link LookupQuery#words}), checked: some, and at most {@value
   * LookupQuery#MAX_WORDS}.
   *
   * @throws BadQueryException when there are none or too many
   */
  public static List<String> words(Analyzer names, String q) throws IOException {
    List<String> words = LookupQuery.words(names, q);
    if (words.isEmpty()) {
      throw new BadQueryException("query has no words to search for");
    }
    if (words.size() > LookupQuery.MAX_WORDS) {
      throw new BadQueryException(
          "query must have at most " + LookupQuery.MAX_WORDS + " words, got " + words.size());
    }
    return words;
  }

  /**
   * Whether the last word of the raw {@code text} may be unfinished: a word right at the end may
   * be; after a space or punctuation it is complete.
   */
  public static boolean typing(String text) {
    return Character.isLetterOrDigit(text.codePointBefore(text.length()));
  }

  /**
   * The text to look up, stripped.
   *
   * @throws BadQueryException when it is empty or longer than {@value #MAX_LENGTH} characters
   */
  public static String checked(String text) {
    if (text == null || text.isBlank()) {
      throw new BadQueryException("query must not be empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new BadQueryException(
          "query must be at most " + MAX_LENGTH + " characters, got " + text.length());
    }
    return text.strip();
  }

  private static List<LookupHit> run(IndexSearcher searcher, Query query, int limit)
      throws IOException {
    Query boosted = FunctionScoreQuery.boostByValue(query, popularityFactor());
    TopFieldDocs top;
    try {
      // no doDocScores: the score is the first sort value already, and asking for it again would
      // rewrite the query a second time (the fuzzy expansion is most of a lookup's cost)
      top = searcher.search(boosted, limit, BY_SCORE_THEN_ID);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new BadQueryException(
          "query expands to too many words; use fewer wildcards and fuzzy~ words");
    }
    StoredFields stored = searcher.storedFields();
    List<LookupHit> hits = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      var source = stored.document(sd.doc, Set.of(Schema.SOURCE)).getBinaryValue(Schema.SOURCE);
      float score = (Float) ((FieldDoc) sd).fields[0];
      hits.add(new LookupHit(TrackDocuments.fromSource(source), score));
    }
    return hits;
  }

  /** {@code 1 + w × popularity / 100} from the doc values; 1 when the popularity is unknown. */
  private static DoubleValuesSource popularityFactor() {
    return new LinearFloatFunction(
            new MultiValuedIntFieldSource(Schema.POPULARITY, SortedNumericSelector.Type.MAX),
            POPULARITY_WEIGHT / 100f,
            1f)
        .asDoubleValuesSource();
  }
}
