package io.cratedigger.search;

import io.cratedigger.InvalidRequestException;
import io.cratedigger.index.Analyzers;
import io.cratedigger.index.Schema;
import io.cratedigger.index.TrackDocuments;
import io.cratedigger.track.Track;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The filtered browse of the Diggerz seed's API: words (every word in title, artists or album; the
 * last may be partial), filters, a sort on a doc-values field, and pages.
 */
public final class Browse {
  /** Sort keys → field and type; {@code relevance} sorts by the word match. */
  public static final Map<String, SortField.Type> SORTS = sorts();

  private static Map<String, SortField.Type> sorts() {
    Map<String, SortField.Type> m = new java.util.LinkedHashMap<>();
    m.put("popularity", SortField.Type.INT);
    m.put("year", SortField.Type.INT);
    m.put("bpm", SortField.Type.FLOAT);
    m.put("energy", SortField.Type.FLOAT);
    m.put("danceability", SortField.Type.FLOAT);
    m.put("valence", SortField.Type.FLOAT);
    m.put("duration_ms", SortField.Type.INT);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Deepest result reachable by paging. */
  public static final int MAX_DEPTH = 10_000;

  private static final Analyzer NAMES = Analyzers.names();

  private Browse() {}

  /** One page: the total matching and the tracks of the page. */
  public record Page(long total, int page, int perPage, List<Track> tracks) {}

  public static Page run(
      IndexSearcher s,
      String words,
      Filters filters,
      String sortBy,
      boolean descending,
      int page,
      int perPage)
      throws IOException {
    if ((long) page * perPage > MAX_DEPTH) {
      throw new InvalidRequestException(
          "page × per_page must be at most " + MAX_DEPTH + ", got " + ((long) page * perPage));
    }
    Filters resolved = Recommender.resolve(new LuceneTracks(s, null), filters);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    List<String> terms = terms(words);
    for (int i = 0; i < terms.size(); i++) {
      boolean last = i == terms.size() - 1;
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String field : List.of(Schema.TITLE, Schema.ARTISTS, Schema.ALBUM)) {
        Term t = new Term(field, terms.get(i));
        any.add(last ? new PrefixQuery(t) : new TermQuery(t), Occur.SHOULD);
      }
      b.add(any.build(), Occur.MUST);
    }
    if (terms.isEmpty()) {
      b.add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
    }
    if (!resolved.isEmpty()) {
      b.add(resolved.toQuery(), Occur.FILTER);
    }
    Query q = b.build();
    int n = page * perPage;
    TopDocs hits;
    if (sortBy == null || sortBy.equals("relevance")) {
      hits = s.search(q, n);
    } else {
      SortField.Type type = SORTS.get(sortBy);
      if (type == null) {
        throw new InvalidRequestException(
            "sort_by must be relevance or one of "
                + String.join(", ", SORTS.keySet().stream().sorted().toList()));
      }
      String field =
          sortBy.equals("bpm")
              ? Schema.BPM
              : sortBy.equals("duration_ms") ? Schema.DURATION : sortBy;
      SortField sf =
          new SortedNumericSortField(
              field, type, descending, SortedNumericSelector.Type.MIN, missing(type, descending));
      hits = s.search(q, n, new Sort(sf, new SortedSetSortField(Schema.ID, false)));
    }
    List<Track> tracks = new ArrayList<>(perPage);
    var stored = s.storedFields();
    ScoreDoc[] docs = hits.scoreDocs;
    for (int i = (page - 1) * perPage; i < docs.length; i++) {
      tracks.add(
          TrackDocuments.fromSource(stored.document(docs[i].doc).getBinaryValue(Schema.SOURCE)));
    }
    long total = s.count(q);
    return new Page(total, page, perPage, tracks);
  }

  /** Tracks without the value sort last, whichever the order. */
  private static Object missing(SortField.Type type, boolean descending) {
    return switch (type) {
      case INT -> descending ? Integer.MIN_VALUE : Integer.MAX_VALUE;
      case FLOAT -> descending ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
      default -> null;
    };
  }

  /** The words of a browse, analyzed like names: at most ten. */
  public static List<String> terms(String words) throws IOException {
    List<String> out = new ArrayList<>();
    if (words == null || words.isBlank()) {
      return out;
    }
    try (TokenStream ts = NAMES.tokenStream(Schema.TITLE, words)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && out.size() < 10) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }
}
