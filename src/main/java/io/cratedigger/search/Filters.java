package io.cratedigger.search;

import io.cratedigger.InvalidRequestException;
import io.cratedigger.index.Schema;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * What the candidates must (not) be: ranges on BPM, year and any Spotify attribute, and labels,
 * styles and genres to include or exclude. Style, genre and label values are the catalog's exact
 * spellings (see {@link FacetValues#resolve}). Applied in both retrievals, before ranking.
 *
 * @param ranges attribute → {min, max}, either NaN when open
 */
public record Filters(
    Integer minYear,
    Integer maxYear,
    List<String> labels,
    List<String> excludeLabels,
    List<String> styles,
    List<String> excludeStyles,
    List<String> genres,
    List<String> excludeGenres,
    Map<Attribute, double[]> ranges) {

  public Filters {
    labels = List.copyOf(labels);
    excludeLabels = List.copyOf(excludeLabels);
    styles = List.copyOf(styles);
    excludeStyles = List.copyOf(excludeStyles);
    genres = List.copyOf(genres);
    excludeGenres = List.copyOf(excludeGenres);
    ranges = ranges.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(ranges));
    for (var e : ranges.entrySet()) {
      double[] r = e.getValue();
      if (!Double.isNaN(r[0]) && !Double.isNaN(r[1]) && r[0] > r[1]) {
        throw new InvalidRequestException(
            "min_"
                + e.getKey().param()
                + " must not exceed max_"
                + e.getKey().param()
                + ", got "
                + Attribute.fmt(r[0])
                + " > "
                + Attribute.fmt(r[1]));
      }
    }
    if (minYear != null && maxYear != null && minYear > maxYear) {
      throw new InvalidRequestException(
          "min_year must not exceed max_year, got " + minYear + " > " + maxYear);
    }
  }

  /** No filter at all. */
  public static Filters none() {
    return Holder.NONE;
  }

  private static final class Holder {
    static final Filters NONE =
        new Filters(
            null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
  }

  /** Whether nothing is filtered. */
  public boolean isEmpty() {
    return this == Holder.NONE || this.equals(Holder.NONE);
  }

  /** The filter as a query (match-all when empty). */
  public Query toQuery() {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    // a positive clause is needed only when everything else excludes
    if (ranges.isEmpty()
        && minYear == null
        && maxYear == null
        && labels.isEmpty()
        && styles.isEmpty()
        && genres.isEmpty()) {
      b.add(MatchAllDocsQuery.INSTANCE, Occur.FILTER);
    }
    for (var e : ranges.entrySet()) {
      double[] r = e.getValue();
      b.add(
          e.getKey().range(Double.isNaN(r[0]) ? null : r[0], Double.isNaN(r[1]) ? null : r[1]),
          Occur.FILTER);
    }
    if (minYear != null || maxYear != null) {
      b.add(
          org.apache.lucene.document.IntField.newRangeQuery(
              Schema.YEAR,
              minYear == null ? Integer.MIN_VALUE : minYear,
              maxYear == null ? Integer.MAX_VALUE : maxYear),
          Occur.FILTER);
    }
    anyOf(b, Schema.LABEL_EXACT, labels, Occur.FILTER);
    anyOf(b, Schema.STYLE_EXACT, styles, Occur.FILTER);
    anyOf(b, Schema.GENRE_EXACT, genres, Occur.FILTER);
    for (String v : excludeLabels) {
      b.add(KeywordField.newExactQuery(Schema.LABEL_EXACT, v), Occur.MUST_NOT);
    }
    for (String v : excludeStyles) {
      b.add(KeywordField.newExactQuery(Schema.STYLE_EXACT, v), Occur.MUST_NOT);
    }
    for (String v : excludeGenres) {
      b.add(KeywordField.newExactQuery(Schema.GENRE_EXACT, v), Occur.MUST_NOT);
    }
    return b.build();
  }

  private static void anyOf(
      BooleanQuery.Builder b, String field, List<String> values, Occur occur) {
    if (!values.isEmpty()) {
      b.add(
          KeywordField.newSetQuery(
              field, values.stream().map(org.apache.lucene.util.BytesRef::new).toList()),
          occur);
    }
  }
}
