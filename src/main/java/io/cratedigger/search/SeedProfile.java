package io.cratedigger.search;

import io.cratedigger.InvalidRequestException;
import io.cratedigger.index.Schema;
import io.cratedigger.model.FeatureModel;
import io.cratedigger.rank.Weights;
import io.cratedigger.track.Key;
import io.cratedigger.track.Placeholders;
import io.cratedigger.track.SceneTags;
import io.cratedigger.track.Track;
import io.cratedigger.track.Versions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the seeds of a request add up to: the sound to match (the mean of their vectors), the scene
 * to share (their style and genre tags, labels and artists, weighted), the tempo, key, energy and
 * cluster to mix with (the first seed track's), and what to leave out (the seeds, their versions).
 *
 * @param facets field ({@link Schema#SCENE}, {@link Schema#LABEL_EXACT}, {@link
 *     Schema#ARTIST_EXACT}) → value → weight: the field's weight (a style tag weighs more than a
 *     genre tag) times how many seeds share the value, at most once
 * @param sceneTags the tags that define the seeds' scene ({@link SceneTags#defining}): a candidate
 *     with one of them shares the scene
 */
record SeedProfile(
    List<Track> tracks,
    List<Recommendations.SeedInfo> seedInfos,
    Map<String, Map<String, Double>> facets,
    Set<String> sceneTags,
    float[] vector,
    Double bpm,
    Key key,
    Double energy,
    int cluster,
    Set<String> excludedIds,
    Set<String> excludedSongs,
    Set<String> releases,
    Set<String> artists) {

  /** Tracks of a seed artist whose sound and styles stand for the artist. */
  static final int ARTIST_SAMPLE = 50;

  static SeedProfile build(TrackIndex ix, RecommendRequest req, Weights.Facets weights)
      throws IOException {
    FeatureModel model = ix.model();
    List<Track> tracks = new ArrayList<>();
    Facets facets = new Facets(weights);
    Set<String> sceneTags = new LinkedHashSet<>();
    List<float[]> vectors = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    Set<String> songs = new LinkedHashSet<>();
    Set<String> releases = new LinkedHashSet<>();
    Set<String> artists = new LinkedHashSet<>();
    List<Recommendations.SeedInfo> infos = new ArrayList<>();

    for (String id : req.seedTracks()) {
      Track t = ix.track(id);
      tracks.add(t);
      ids.add(t.id());
      songs.add(Versions.songKey(t));
      if (!Versions.releaseKey(t).isEmpty()) {
        releases.add(Versions.releaseKey(t));
      }
      t.artists().stream().filter(a -> !Placeholders.artist(a)).forEach(artists::add);
      facets.addTrack(t, 1.0);
      sceneTags.addAll(SceneTags.defining(t));
      float[] v = model == null ? null : model.vector(t);
      if (v != null) {
        vectors.add(v);
      }
      infos.add(new Recommendations.SeedInfo(t.id(), "track", 0, 0));
    }
    for (String typed : req.seedArtists()) {
      List<String> names = ix.spell(Schema.ARTIST_EXACT, typed);
      if (names.isEmpty()) {
        throw new InvalidRequestException("no artist \"" + typed + "\" in the catalog");
      }
      for (String name : names) {
        artists.add(name);
        facets.add(Schema.ARTIST_EXACT, name, weights.artist(), 2.0);
        List<Track> sample = ix.sample(Schema.ARTIST_EXACT, name, ARTIST_SAMPLE);
        for (Track t : sample) {
          facets.addTags(t, 1.0 / sample.size());
          sceneTags.addAll(SceneTags.defining(t));
          float[] v = model == null ? null : model.vector(t);
          if (v != null) {
            vectors.add(v);
          }
        }
      }
      infos.add(new Recommendations.SeedInfo(typed, "artist", 0, 0));
    }
    for (String typed : req.seedGenres()) {
      List<String> styles = ix.spell(Schema.STYLE_EXACT, typed);
      List<String> genres = ix.spell(Schema.GENRE_EXACT, typed);
      if (styles.isEmpty() && genres.isEmpty()) {
        throw new InvalidRequestException("no style or genre \"" + typed + "\" in the catalog");
      }
      for (String v : styles) {
        SceneTags.of(v).forEach(tag -> facets.add(Schema.SCENE, tag, weights.style(), 1.5));
        sceneTags.addAll(SceneTags.of(v));
      }
      for (String v : genres) {
        SceneTags.of(v).forEach(tag -> facets.add(Schema.SCENE, tag, weights.style(), 1.5));
        sceneTags.addAll(SceneTags.of(v));
      }
      infos.add(new Recommendations.SeedInfo(typed, "genre", 0, 0));
    }

    float[] mean = mean(vectors);
    Track first = tracks.isEmpty() ? null : tracks.getFirst();
    float[] firstVector = first == null || model == null ? null : model.vector(first);
    return new SeedProfile(
        tracks,
        infos,
        facets.weights(),
        sceneTags,
        mean,
        first == null ? null : first.tempo(),
        first == null ? null : first.key(),
        first == null ? null : first.energy(),
        firstVector == null ? -1 : model.cluster(firstVector),
        ids,
        songs,
        releases,
        artists);
  }

  /** Accumulates the seeds' facet values: the largest field weight and how many seeds share. */
  private static final class Facets {
    private final Weights.Facets weights;
    private final Map<String, Map<String, double[]>> values = new LinkedHashMap<>();

    Facets(Weights.Facets weights) {
      this.weights = weights;
    }

    void addTrack(Track t, double n) {
      addTags(t, n);
      if (t.label() != null && !Placeholders.label(t.label())) {
        add(Schema.LABEL_EXACT, t.label(), weights.label(), n);
      }
      for (String a : t.artists()) {
        if (!Placeholders.artist(a)) {
          add(Schema.ARTIST_EXACT, a, weights.artist(), n);
        }
      }
    }

    /** A track's style tags at the style weight, its genre tags at the genre weight. */
    void addTags(Track t, double n) {
      SceneTags.of(t.styles()).forEach(tag -> add(Schema.SCENE, tag, weights.style(), n));
      SceneTags.of(t.genres()).forEach(tag -> add(Schema.SCENE, tag, weights.genre(), n));
    }

    void add(String field, String value, double fieldWeight, double n) {
      double[] v =
          values
              .computeIfAbsent(field, f -> new LinkedHashMap<>())
              .computeIfAbsent(value, k -> new double[2]);
      v[0] = Math.max(v[0], fieldWeight);
      v[1] += n;
    }

    /** Field → value → field weight × min(1, seeds sharing it); zero weights left out. */
    Map<String, Map<String, Double>> weights() {
      Map<String, Map<String, Double>> out = new LinkedHashMap<>();
      values.forEach(
          (field, m) -> {
            Map<String, Double> w = new LinkedHashMap<>();
            m.forEach(
                (value, v) -> {
                  if (v[0] * v[1] > 0) {
                    w.put(value, v[0] * Math.min(1, v[1]));
                  }
                });
            out.put(field, w);
          });
      return out;
    }
  }

  private static float[] mean(List<float[]> vectors) {
    if (vectors.isEmpty()) {
      return null;
    }
    float[] m = new float[vectors.getFirst().length];
    for (float[] v : vectors) {
      for (int i = 0; i < m.length; i++) {
        m[i] += v[i] / vectors.size();
      }
    }
    return m;
  }
}
