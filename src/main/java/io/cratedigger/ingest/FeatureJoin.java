package io.cratedigger.ingest;

import io.cratedigger.track.AudioFeature;
import io.cratedigger.track.Track;
import io.cratedigger.track.Versions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Joins a catalog without audio features (a Discogs collection) with an audio-feature export by
 * artist and title, as the clustering seed did by hand: first exactly (folded primary artist and
 * title without version notes), then fuzzily (the same folded title, and one artist's folded name
 * containing the other's). Matched tracks get the export's audio features, tempo and key; the
 * counts say how many matched exactly, fuzzily or not at all.
 */
public final class FeatureJoin implements UnaryOperator<Track> {
  private final Map<String, Track> bySong = new HashMap<>();
  private final Map<String, List<Track>> byTitle = new HashMap<>();
  private final Map<String, Long> counts = new LinkedHashMap<>();

  private FeatureJoin() {
    resetCounts();
  }

  /** Reads the exports (any known format) and keeps their tracks that have audio features. */
  public static FeatureJoin load(Importer importer, List<Path> exports) throws IOException {
    FeatureJoin j = new FeatureJoin();
    CatalogReader reader = new CatalogReader(importer);
    reader.read(
        reader.scan(exports, "auto", p -> Function.identity()),
        p -> Function.identity(),
        t -> {
          if (t.hasAudioFeatures()) {
            j.bySong.putIfAbsent(Versions.songKey(t), t);
            j.byTitle
                .computeIfAbsent(
                    Versions.fold(Versions.baseTitle(t.title())), k -> new ArrayList<>(1))
                .add(t);
          }
        });
    return j;
  }

  /** Tracks with features read from the exports. */
  public int size() {
    return bySong.size();
  }

  /** Counts since the last reset: exact, fuzzy, none, had features already. */
  public Map<String, Long> counts() {
    return Map.copyOf(counts);
  }

  public void resetCounts() {
    counts.clear();
    for (String k : List.of("exact", "fuzzy", "none", "hadFeatures")) {
      counts.put(k, 0L);
    }
  }

  @Override
  public Track apply(Track t) {
    if (t.hasAudioFeatures()) {
      counts.merge("hadFeatures", 1L, Long::sum);
      return t;
    }
    Track f = bySong.get(Versions.songKey(t));
    String how = "exact";
    if (f == null) {
      how = "fuzzy";
      f = fuzzy(t);
    }
    if (f == null) {
      counts.merge("none", 1L, Long::sum);
      return t;
    }
    counts.merge(how, 1L, Long::sum);
    Track.Builder b = t.toBuilder();
    for (AudioFeature a : AudioFeature.values()) {
      b.feature(a, a.of(f));
    }
    if (t.tempo() == null) {
      b.tempo(f.tempo());
    }
    if (t.key() == null) {
      b.key(f.key());
    }
    return b.build();
  }

  private Track fuzzy(Track t) {
    List<Track> same = byTitle.get(Versions.fold(Versions.baseTitle(t.title())));
    if (same == null) {
      return null;
    }
    for (Track c : same) {
      for (String a : t.artists()) {
        String fa = Versions.fold(a);
        for (String b : c.artists()) {
          String fb = Versions.fold(b);
          if (!fa.isEmpty() && !fb.isEmpty() && (fa.contains(fb) || fb.contains(fa))) {
            return c;
          }
        }
      }
    }
    return null;
  }
}
