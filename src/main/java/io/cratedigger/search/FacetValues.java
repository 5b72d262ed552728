package io.cratedigger.search;

import io.cratedigger.track.Versions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The exact values of a keyword field (styles, genres, labels, artists) with their counts, and the
 * mapping of what a user types ("techno", "ninja tune") to the catalog's spelling ("Techno", "Ninja
 * Tune"): compared folded, so case, accents and punctuation do not matter.
 */
public final class FacetValues {
  private FacetValues() {}

  /** Value → number of tracks, in the index's term order. */
  public static Map<String, Integer> counts(IndexReader reader, String field) throws IOException {
    Map<String, Integer> out = new LinkedHashMap<>();
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms == null) {
      return out;
    }
    TermsEnum it = terms.iterator();
    for (BytesRef t = it.next(); t != null; t = it.next()) {
      out.put(t.utf8ToString(), it.docFreq());
    }
    return out;
  }

  /**
   * The catalog's spellings of {@code typed} in {@code field}: every value that folds to the same
   * text. Empty when the catalog has none (the caller decides whether that is an error).
   */
  public static List<String> resolve(IndexReader reader, String field, String typed)
      throws IOException {
    String want = Versions.fold(typed);
    List<String> out = new ArrayList<>();
    if (want.isEmpty()) {
      return out;
    }
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms == null) {
      return out;
    }
    TermsEnum it = terms.iterator();
    for (BytesRef t = it.next(); t != null; t = it.next()) {
      String v = t.utf8ToString();
      if (Versions.fold(v).equals(want)) {
        out.add(v);
      }
    }
    return out;
  }
}
