package io.cratedigger.model;

import io.cratedigger.index.Schema;
import io.cratedigger.track.SceneTags;
import io.cratedigger.view.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Which scenes (style and genre tags, see {@link SceneTags}) are near each other, learned from the
 * catalog itself: two tags are near when the same releases and the same artists carry both. "Tech
 * House" shares many releases and artists with "Techno" and none with "Swing". Similarity is the
 * cosine of the two tags' context sets, {@code |A ∩ B| / √(|A|·|B|)}, over the releases and the
 * artists (each a context; a track without a release is its own), so a tag used on a thousand
 * records and one used on ten can still be near when the ten all carry the first.
 *
 * <p>Stored as {@value #FILE_NAME} beside the index; an index without it learns it when opened.
 *
 * @param near tag → its nearest tags, most similar first (at most {@value #MAX_NEAR}, each at least
 *     {@value #MIN_SIMILARITY})
 * @param display tag → the name to show for it (the catalog's most common spelling)
 */
public record SceneModel(Map<String, List<Near>> near, Map<String, String> display) {

  public static final String FILE_NAME = "scenes.json";

  /** Neighbours kept per tag. */
  public static final int MAX_NEAR = 8;

  /** Below this cosine two tags are not near. */
  public static final double MIN_SIMILARITY = 0.15;

  /** Contexts two tags must share before their similarity is trusted. */
  static final int MIN_SHARED = 2;

  /** A context (release, artist) with more tags than this says nothing about any pair of them. */
  static final int MAX_TAGS_PER_CONTEXT = 24;

  /** Documents read at most when learning (a stride sample of larger catalogs). */
  static final int MAX_DOCS = 250_000;

  /** A near tag and how near, 0..1. */
  public record Near(String tag, double similarity) {}

  public SceneModel {
    near = Map.copyOf(near);
    display = Map.copyOf(display);
  }

  /** The model of a catalog without any style or genre. */
  public static SceneModel empty() {
    return new SceneModel(Map.of(), Map.of());
  }

  /** The near tags of {@code tag} (empty when none). */
  public List<Near> nearTo(String tag) {
    return near.getOrDefault(tag, List.of());
  }

  /** How near {@code a} is to {@code b}: 1 when equal, 0 when not near. */
  public double similarity(String a, String b) {
    if (a.equals(b)) {
      return 1;
    }
    for (Near n : nearTo(a)) {
      if (n.tag().equals(b)) {
        return n.similarity();
      }
    }
    return 0;
  }

  /** The name to show for a tag: the catalog's spelling, else the tag in title case. */
  public String name(String tag) {
    String d = display.get(tag);
    if (d != null) {
      return d;
    }
    StringBuilder out = new StringBuilder(tag.length());
    for (String w : tag.split(" ")) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
    }
    return out.toString();
  }

  public void save(Path file) throws IOException {
    Files.writeString(file, Json.PRETTY.writeValueAsString(this));
  }

  public static SceneModel load(Path file) throws IOException {
    return Json.MAPPER.readValue(Files.readString(file), SceneModel.class);
  }

  /**
   * Learns the model from an index's {@link Schema#SCENE} tags, releases and artists (an index
   * written before the model was stored with it): the same {@link Learner} a rebuild feeds.
   */
  public static SceneModel learn(IndexReader reader) throws IOException {
    Learner learner = new Learner(reader.maxDoc());
    int step = learner.step;
    for (LeafReaderContext leaf : reader.leaves()) {
      SortedSetDocValues scene = DocValues.getSortedSet(leaf.reader(), Schema.SCENE);
      NumericDocValues release = DocValues.getNumeric(leaf.reader(), Schema.RELEASE_FP);
      SortedNumericDocValues artists = DocValues.getSortedNumeric(leaf.reader(), Schema.ARTIST_FP);
      int first = Math.floorMod(-leaf.docBase, step);
      for (int doc = first; doc < leaf.reader().maxDoc(); doc += step) {
        if (!scene.advanceExact(doc)) {
          continue;
        }
        List<String> tags = new ArrayList<>(scene.docValueCount());
        for (int i = 0; i < scene.docValueCount(); i++) {
          tags.add(scene.lookupOrd(scene.nextOrd()).utf8ToString());
        }
        long rel = release.advanceExact(doc) ? release.longValue() : 0;
        long[] fps = new long[artists.advanceExact(doc) ? artists.docValueCount() : 0];
        for (int i = 0; i < fps.length; i++) {
          fps[i] = artists.nextValue();
        }
        learner.context(tags, rel, fps);
      }
    }
    for (String field : List.of(Schema.STYLE_EXACT, Schema.GENRE_EXACT)) {
      Terms terms = MultiTerms.getTerms(reader, field);
      if (terms == null) {
        continue;
      }
      TermsEnum it = terms.iterator();
      for (BytesRef t = it.next(); t != null; t = it.next()) {
        learner.spelling(field.equals(Schema.STYLE_EXACT), t.utf8ToString(), it.docFreq());
      }
    }
    return learner.model();
  }

  /**
   * Learns the model from tracks as a rebuild reads them, before any index exists (so a cluster's
   * generation gets the same model as the embedded one). One thread feeds it, in reading order:
   * with more than {@value #MAX_DOCS} tracks every n-th is a context, as the index path samples
   * every n-th document; the spellings count every track.
   */
  public static final class Learner {
    private final int step;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> tags = new ArrayList<>();
    private final Map<Long, int[]> byRelease = new HashMap<>();
    private final Map<Long, int[]> byArtist = new HashMap<>();
    private final List<int[]> loose = new ArrayList<>(); // tracks without a release
    private final Map<String, Integer> styleCounts = new TreeMap<>();
    private final Map<String, Integer> genreCounts = new TreeMap<>();
    private final Map<String, String> best = new HashMap<>();
    private final Map<String, Integer> bestCount = new HashMap<>();
    private long seen;

    /**
     * @param expected about how many tracks will come (to choose the sampling step)
     */
    public Learner(long expected) {
      this.step = (int) Math.max(1, expected / MAX_DOCS);
    }

    /** One track, in reading order. */
    public void add(io.cratedigger.track.Track t) {
      if (seen++ % step == 0) {
        List<String> scene = SceneTags.all(t);
        if (!scene.isEmpty()) {
          long[] fps =
              t.artists().stream()
                  .filter(a -> !io.cratedigger.track.Placeholders.artist(a))
                  .mapToLong(io.cratedigger.track.Fingerprint::of)
                  .toArray();
          context(
              scene,
              io.cratedigger.track.Fingerprint.of(io.cratedigger.track.Versions.releaseKey(t)),
              fps);
        }
      }
      for (String v : new java.util.HashSet<>(t.styles())) {
        styleCounts.merge(v, 1, Integer::sum);
      }
      for (String v : new java.util.HashSet<>(t.genres())) {
        genreCounts.merge(v, 1, Integer::sum);
      }
    }

    /** One sampled track's scene tags, its release ({@code 0}: none) and artists' fingerprints. */
    void context(List<String> scene, long release, long[] artists) {
      int[] t = new int[scene.size()];
      for (int i = 0; i < t.length; i++) {
        t[i] = ids.computeIfAbsent(scene.get(i), k -> SceneModel.add(tags, k));
      }
      Arrays.sort(t);
      t = distinct(t);
      if (release != 0) {
        byRelease.merge(release, t, SceneModel::union);
      } else {
        loose.add(t);
      }
      for (long a : artists) {
        byArtist.merge(a, t, SceneModel::union);
      }
    }

    /**
     * A style's (or genre's) spelling and how many tracks carry it: the most common spelling of a
     * tag is its name, styles before genres and the first in sorted order on a tie.
     */
    void spelling(boolean style, String raw, int count) {
      List<String> of = SceneTags.of(raw);
      if (of.isEmpty()) {
        return;
      }
      String tag = of.getFirst();
      if (count > bestCount.getOrDefault(tag, 0)) {
        bestCount.put(tag, count);
        best.put(tag, raw);
      }
    }

    public SceneModel model() {
      styleCounts.forEach((raw, n) -> spelling(true, raw, n));
      genreCounts.forEach((raw, n) -> spelling(false, raw, n));
      styleCounts.clear();
      genreCounts.clear();
      return SceneModel.of(tags, byRelease, byArtist, loose, new TreeMap<>(best));
    }
  }

  private static int[] distinct(int[] sorted) {
    int k = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[k++] = sorted[i];
      }
    }
    return k == sorted.length ? sorted : Arrays.copyOf(sorted, k);
  }

  /** The near tags from the contexts' tag sets. */
  private static SceneModel of(
      List<String> tags,
      Map<Long, int[]> byRelease,
      Map<Long, int[]> byArtist,
      List<int[]> loose,
      Map<String, String> display) {
    int n = tags.size();
    int[] count = new int[n];
    Map<Long, Integer> pairs = new HashMap<>();
    for (var contexts : List.of(byRelease.values(), byArtist.values(), loose)) {
      for (int[] t : contexts) {
        if (t.length > MAX_TAGS_PER_CONTEXT) {
          continue;
        }
        for (int i = 0; i < t.length; i++) {
          count[t[i]]++;
          for (int j = i + 1; j < t.length; j++) {
            pairs.merge((long) t[i] * n + t[j], 1, Integer::sum);
          }
        }
      }
    }
    List<List<Near>> near = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      near.add(new ArrayList<>());
    }
    pairs.forEach(
        (key, shared) -> {
          int a = (int) (key / n);
          int b = (int) (key % n);
          double sim = shared / Math.sqrt((double) count[a] * count[b]);
          if (shared >= MIN_SHARED && sim >= MIN_SIMILARITY) {
            sim = Math.round(sim * 1000) / 1000.0;
            near.get(a).add(new Near(tags.get(b), sim));
            near.get(b).add(new Near(tags.get(a), sim));
          }
        });
    Map<String, List<Near>> out = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      List<Near> l = near.get(i);
      if (l.isEmpty()) {
        continue;
      }
      l.sort(Comparator.comparingDouble(Near::similarity).reversed().thenComparing(Near::tag));
      out.put(tags.get(i), List.copyOf(l.subList(0, Math.min(MAX_NEAR, l.size()))));
    }
    return new SceneModel(out, display);
  }

  private static int add(List<String> tags, String tag) {
    tags.add(tag);
    return tags.size() - 1;
  }

  /** The sorted union of two sorted tag-id arrays. */
  static int[] union(int[] a, int[] b) {
    int[] out = new int[a.length + b.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.length || j < b.length) {
      int v;
      if (j >= b.length || (i < a.length && a[i] < b[j])) {
        v = a[i++];
      } else if (i >= a.length || b[j] < a[i]) {
        v = b[j++];
      } else {
        v = a[i++];
        j++;
      }
      out[k++] = v;
    }
    return k == out.length ? out : Arrays.copyOf(out, k);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SceneModel[%d tags with near ones]", near.size());
  }
}
