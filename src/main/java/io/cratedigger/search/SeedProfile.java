package io.cratedigger.search;

import io.cratedigger.index.Generation;
import io.cratedigger.index.Schema;
import io.cratedigger.index.TrackDocuments;
import io.cratedigger.model.FeatureModel;
import io.cratedigger.track.Key;
import io.cratedigger.track.Track;
import io.cratedigger.track.Versions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * What the seeds of a request add up to: the sound to match (the mean of their vectors), the scene
 * to share (their styles, genres, labels and artists, weighted), the tempo, key, energy and cluster
 * to mix with (the first seed track's), and what to leave out (the seeds, their versions).
 */
record SeedProfile(
    List<Track> tracks,
    List<Recommendations.SeedInfo> seedInfos,
    Map<String, Map<String, Double>> facets,
    float[] vector,
    Double bpm,
    Key key,
    Double energy,
    int cluster,
    Set<String> excludedIds,
    Set<String> excludedSongs,
    Set<String> releases,
    Set<String> artists) {

  /** How much sharing a value of each facet field counts, before IDF. */
  static final Map<String, Double> FIELD_WEIGHTS =
      Map.of(
          Schema.STYLE_EXACT, 1.0,
          Schema.GENRE_EXACT, 0.5,
          Schema.LABEL_EXACT, 0.7,
          Schema.ARTIST_EXACT, 0.5);

  /** Tracks of a seed artist whose sound and styles stand for the artist. */
  static final int ARTIST_SAMPLE = 50;

  static SeedProfile build(IndexSearcher s, Generation g, RecommendRequest req) throws IOException {
    FeatureModel model = g.model();
    List<Track> tracks = new ArrayList<>();
    Map<String, Map<String, Double>> facets = new LinkedHashMap<>();
    List<float[]> vectors = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    Set<String> songs = new LinkedHashSet<>();
    Set<String> releases = new LinkedHashSet<>();
    Set<String> artists = new LinkedHashSet<>();
    List<Recommendations.SeedInfo> infos = new ArrayList<>();

    for (String id : req.seedTracks()) {
      Track t = load(s, id);
      tracks.add(t);
      ids.add(t.id());
      songs.add(Versions.songKey(t));
      if (!Versions.releaseKey(t).isEmpty()) {
        releases.add(Versions.releaseKey(t));
      }
      artists.addAll(t.artists());
      addTrackFacets(facets, t, 1.0);
      float[] v = model == null ? null : model.vector(t);
      if (v != null) {
        vectors.add(v);
      }
      infos.add(new Recommendations.SeedInfo(t.id(), "track", 0, 0));
    }
    for (String typed : req.seedArtists()) {
      List<String> names = FacetValues.resolve(s.getIndexReader(), Schema.ARTIST_EXACT, typed);
      if (names.isEmpty()) {
        throw new IllegalArgumentException("no artist \"" + typed + "\" in the catalog");
      }
      for (String name : names) {
        artists.add(name);
        add(facets, Schema.ARTIST_EXACT, name, 2.0);
        TopDocs docs =
            s.search(KeywordField.newExactQuery(Schema.ARTIST_EXACT, name), ARTIST_SAMPLE);
        for (ScoreDoc sd : docs.scoreDocs) {
          Track t =
              TrackDocuments.fromSource(
                  s.storedFields().document(sd.doc).getBinaryValue(Schema.SOURCE));
          for (String style : t.styles()) {
            add(facets, Schema.STYLE_EXACT, style, 1.0 / docs.scoreDocs.length);
          }
          float[] v = model == null ? null : model.vector(t);
          if (v != null) {
            vectors.add(v);
          }
        }
      }
      infos.add(new Recommendations.SeedInfo(typed, "artist", 0, 0));
    }
    for (String typed : req.seedGenres()) {
      List<String> styles = FacetValues.resolve(s.getIndexReader(), Schema.STYLE_EXACT, typed);
      List<String> genres = FacetValues.resolve(s.getIndexReader(), Schema.GENRE_EXACT, typed);
      if (styles.isEmpty() && genres.isEmpty()) {
        throw new IllegalArgumentException("no style or genre \"" + typed + "\" in the catalog");
      }
      styles.forEach(v -> add(facets, Schema.STYLE_EXACT, v, 1.5));
      genres.forEach(v -> add(facets, Schema.GENRE_EXACT, v, 1.5));
      infos.add(new Recommendations.SeedInfo(typed, "genre", 0, 0));
    }

    float[] mean = mean(vectors);
    Track first = tracks.isEmpty() ? null : tracks.getFirst();
    float[] firstVector = first == null || model == null ? null : model.vector(first);
    return new SeedProfile(
        tracks,
        infos,
        facets,
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

  static Track load(IndexSearcher s, String id) throws IOException {
    TopDocs hit = s.search(KeywordField.newExactQuery(Schema.ID, id), 1);
    if (hit.scoreDocs.length == 0) {
      throw new UnknownTrackException(id);
    }
    return TrackDocuments.fromSource(
        s.storedFields().document(hit.scoreDocs[0].doc).getBinaryValue(Schema.SOURCE));
  }

  private static void addTrackFacets(Map<String, Map<String, Double>> facets, Track t, double w) {
    t.styles().forEach(v -> add(facets, Schema.STYLE_EXACT, v, w));
    t.genres().forEach(v -> add(facets, Schema.GENRE_EXACT, v, w));
    if (t.label() != null) {
      add(facets, Schema.LABEL_EXACT, t.label(), w);
    }
    t.artists().forEach(v -> add(facets, Schema.ARTIST_EXACT, v, w));
  }

  private static void add(
      Map<String, Map<String, Double>> facets, String field, String v, double w) {
    facets.computeIfAbsent(field, f -> new LinkedHashMap<>()).merge(v, w, Double::sum);
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
