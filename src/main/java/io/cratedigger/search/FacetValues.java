package io.cratedigger.search;

import io.cratedigger.track.Versions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The exact values of a keyword field (styles, genres, labels, artists) with their counts, and the
 * mapping of what a user types ("techno", "ninja tune") to the catalog's spelling ("Techno", "Ninja
 * Tune"): compared folded, so case, accents and punctuation do not matter.
 *
 * <p>A generation's index never changes, so each field's values are read once per index reader, on
 * first use, and kept until the reader closes: a request resolving an artist or listing the labels
 * looks them up instead of walking the whole term dictionary (hundreds of thousands of artists at a
 * million tracks).
 */
public final class FacetValues {
  private FacetValues() {}

  /** A field's values: count by value in term order, and the spellings of each folded value. */
  private record Field(Map<String, Integer> counts, Map<String, List<String>> byFolded) {}

  private static final Map<IndexReader.CacheKey, Map<String, Field>> CACHE =
      new ConcurrentHashMap<>();

  private static Field field(IndexReader reader, String name) throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return load(reader, name); // a reader that cannot say when it closes is not kept
    }
    Map<String, Field> fields =
        CACHE.computeIfAbsent(
            helper.getKey(),
            key -> {
              helper.addClosedListener(CACHE::remove);
              return new ConcurrentHashMap<>();
            });
    try {
      return fields.computeIfAbsent(
          name,
          f -> {
            try {
              return load(reader, f);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static Field load(IndexReader reader, String name) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, List<String>> byFolded = new HashMap<>();
    Terms terms = MultiTerms.getTerms(reader, name);
    if (terms != null) {
      TermsEnum it = terms.iterator();
      for (BytesRef t = it.next(); t != null; t = it.next()) {
        String v = t.utf8ToString();
        counts.put(v, it.docFreq());
        byFolded.computeIfAbsent(Versions.fold(v), k -> new ArrayList<>(1)).add(v);
      }
    }
    return new Field(Collections.unmodifiableMap(counts), byFolded);
  }

  /** Value → number of tracks, in the index's term order (read once per index, then kept). */
  public static Map<String, Integer> counts(IndexReader reader, String field) throws IOException {
    return field(reader, field).counts();
  }

  /**
   * The catalog's spellings of {@code typed} in {@code field}: every value that folds to the same
   * text, in term order. Empty when the catalog has none (the caller decides whether that is an
   * error).
   */
  public static List<String> resolve(IndexReader reader, String field, String typed)
      throws IOException {
    String want = Versions.fold(typed);
    if (want.isEmpty()) {
      return List.of();
    }
    return List.copyOf(field(reader, field).byFolded().getOrDefault(want, List.of()));
  }
}
