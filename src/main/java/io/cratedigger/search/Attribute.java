package io.cratedigger.search;

import io.cratedigger.InvalidRequestException;
import io.cratedigger.index.Schema;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.lucene.document.FloatField;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.NumericUtils;

/**
 * The tunable attributes of Spotify's recommendations API, with their meaning and range, and the
 * index field each one filters and reranks on ({@code min_*}, {@code max_*}, {@code target_*}).
 */
public enum Attribute {
  ACOUSTICNESS("acousticness", "acousticness", false, 0, 1),
  DANCEABILITY("danceability", "danceability", false, 0, 1),
  DURATION_MS("duration_ms", Schema.DURATION, true, 0, 3_600_000),
  ENERGY("energy", "energy", false, 0, 1),
  INSTRUMENTALNESS("instrumentalness", "instrumentalness", false, 0, 1),
  KEY("key", Schema.KEY, true, 0, 11),
  LIVENESS("liveness", "liveness", false, 0, 1),
  LOUDNESS("loudness", "loudness", false, -60, 5),
  MODE("mode", Schema.MODE, true, 0, 1),
  POPULARITY("popularity", Schema.POPULARITY, true, 0, 100),
  SPEECHINESS("speechiness", "speechiness", false, 0, 1),
  TEMPO("tempo", Schema.BPM, false, 0, 400),
  TIME_SIGNATURE("time_signature", Schema.TIME_SIGNATURE, true, 0, 16),
  VALENCE("valence", "valence", false, 0, 1);

  private final String param;
  private final String field;
  private final boolean integer;
  private final double min;
  private final double max;

  Attribute(String param, String field, boolean integer, double min, double max) {
    this.param = param;
    this.field = field;
    this.integer = integer;
    this.min = min;
    this.max = max;
  }

  /** Spotify's parameter name, e.g. {@code duration_ms}. */
  public String param() {
    return param;
  }

  public String field() {
    return field;
  }

  /** Whether the values are whole numbers (an int field). */
  public boolean integer() {
    return integer;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  /** The width of the valid range, for normalising distances to a target. */
  public double span() {
    return max - min;
  }

  /** The attribute named {@code param} (Spotify's spelling), if any. */
  public static Optional<Attribute> byParam(String param) {
    return Arrays.stream(values()).filter(a -> a.param.equals(param)).findFirst();
  }

  /**
   * Checks a user's value: in range, and whole for integer attributes.
   *
   * @throws IllegalArgumentException e.g. {@code min_energy must be 0..1, got 1.5}
   */
  public double check(String paramName, double v) {
    if (!(v >= min && v <= max)) {
      throw new InvalidRequestException(
          paramName + " must be " + fmt(min) + ".." + fmt(max) + ", got " + fmt(v));
    }
    if (integer && v != Math.rint(v)) {
      throw new InvalidRequestException(paramName + " must be a whole number, got " + fmt(v));
    }
    return v;
  }

  /** Documents whose value lies in [lo, hi] (either bound may be null). */
  public Query range(Double lo, Double hi) {
    double a = lo == null ? Double.NEGATIVE_INFINITY : lo;
    double b = hi == null ? Double.POSITIVE_INFINITY : hi;
    if (integer) {
      int ia = lo == null ? Integer.MIN_VALUE : (int) Math.ceil(a);
      int ib = hi == null ? Integer.MAX_VALUE : (int) Math.floor(b);
      return IntField.newRangeQuery(field, ia, ib);
    }
    return FloatField.newRangeQuery(field, (float) a, (float) b);
  }

  /** Doc values of this attribute in a segment. */
  public SortedNumericDocValues docValues(LeafReader leaf) throws IOException {
    return DocValues.getSortedNumeric(leaf, field);
  }

  /** The value of a document from its doc values, NaN when it has none. */
  public double read(SortedNumericDocValues dv, int doc) throws IOException {
    if (!dv.advanceExact(doc)) {
      return Double.NaN;
    }
    long v = dv.nextValue();
    return integer ? (double) v : NumericUtils.sortableIntToFloat((int) v);
  }

  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e12
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%s", v);
  }
}
