package io.cratedigger.opensearch;

import io.cratedigger.index.Schema;
import io.cratedigger.track.AudioFeature;
import io.cratedigger.track.Fingerprint;
import io.cratedigger.track.Key;
import io.cratedigger.track.Placeholders;
import io.cratedigger.track.SceneTags;
import io.cratedigger.track.Track;
import io.cratedigger.track.Versions;
import io.cratedigger.view.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a {@link Track} to its document in the cluster and back: the same values as the embedded
 * index's {@link io.cratedigger.index.TrackDocuments#toDocument}, from the same helpers, under the
 * names of {@link ClusterFields}. Absent values and empty lists are left out, as there.
 */
public final class ClusterDocuments {
  private ClusterDocuments() {}

  /** The document for a track; {@code vector} is null for a track without audio features. */
  public static ObjectNode toJson(Track t, float[] vector, int cluster, boolean imputed) {
    ObjectNode d = Json.MAPPER.createObjectNode();
    d.put(ClusterFields.ID, t.id());

    d.put(ClusterFields.TITLE, t.title());
    ArrayNode artists = d.arrayNode();
    ArrayNode exact = d.arrayNode();
    ArrayNode fps = d.arrayNode();
    for (String a : t.artists()) {
      artists.add(a);
      exact.add(a);
      if (!Placeholders.artist(a)) {
        // "Various Artists" is no one: it neither caps a list nor makes a shared artist
        fps.add(Fingerprint.of(a));
      }
    }
    for (String r : t.remixers()) {
      // a remixer is found by name like an artist, but is not the track's artist for diversity
      artists.add(r);
    }
    putList(d, ClusterFields.ARTISTS, artists);
    putList(d, ClusterFields.ARTIST_EXACT, exact);
    putList(d, ClusterFields.ARTIST_FP, fps);
    if (t.album() != null) {
      d.put(ClusterFields.ALBUM, t.album());
    }
    if (t.label() != null) {
      d.put(ClusterFields.LABEL, t.label());
      d.put(ClusterFields.LABEL_EXACT, t.label());
    }
    putStrings(d, ClusterFields.GENRES, t.genres());
    putStrings(d, ClusterFields.GENRE_EXACT, t.genres());
    putStrings(d, ClusterFields.STYLES, t.styles());
    putStrings(d, ClusterFields.STYLE_EXACT, t.styles());
    putStrings(d, ClusterFields.SCENE, SceneTags.all(t));
    String song = Versions.songKey(t);
    String release = Versions.releaseKey(t);
    d.put(ClusterFields.SONG, song);
    d.put(ClusterFields.RELEASE, release);
    d.put(ClusterFields.SONG_FP, Fingerprint.of(song));
    d.put(ClusterFields.RELEASE_FP, Fingerprint.of(release));

    if (t.tempo() != null) {
      d.put(ClusterFields.BPM, t.tempo().floatValue());
    }
    Key key = t.key();
    if (key != null) {
      d.put(ClusterFields.KEY, key.pitchClass());
      d.put(ClusterFields.MODE, key.mode().spotify());
      d.put(ClusterFields.CAMELOT_NUMBER, key.camelotNumber());
      d.put(ClusterFields.CAMELOT, key.camelot());
    }
    d.put(ClusterFields.MIX_SLOT, Schema.mixSlot(key == null ? null : key.camelot(), t.tempo()));
    putInt(d, ClusterFields.YEAR, t.year());
    putInt(d, ClusterFields.POPULARITY, t.popularity());
    putInt(d, ClusterFields.DURATION, t.durationMs());
    putInt(d, ClusterFields.TIME_SIGNATURE, t.timeSignature());
    for (AudioFeature f : AudioFeature.values()) {
      Double v = f.of(t);
      if (v != null) {
        d.put(ClusterFields.of(f.field()), v.floatValue());
      }
    }
    d.put(ClusterFields.HAS_FEATURES, t.hasAudioFeatures() ? 1 : 0);
    if (vector != null) {
      ArrayNode v = d.putArray(ClusterFields.VECTOR);
      for (float x : vector) {
        v.add(x);
      }
      d.put(ClusterFields.CLUSTER, cluster);
      d.put(ClusterFields.IMPUTED, imputed ? 1 : 0);
    }
    d.set(ClusterFields.TRACK, Json.MAPPER.valueToTree(t));
    return d;
  }

  /**
   * The track a document's {@code _source} keeps.
   *
   * @throws IllegalArgumentException when the source has no track (not a Cratedigger document)
   */
  public static Track fromSource(JsonNode source) {
    JsonNode track = source.path(ClusterFields.TRACK);
    if (!track.isObject()) {
      throw new IllegalArgumentException(
          "the document has no \"" + ClusterFields.TRACK + "\": not a Cratedigger track");
    }
    return Json.MAPPER.treeToValue(track, Track.class);
  }

  private static void putStrings(ObjectNode d, String field, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode a = d.putArray(field);
      values.forEach(a::add);
    }
  }

  private static void putList(ObjectNode d, String field, ArrayNode values) {
    if (!values.isEmpty()) {
      d.set(field, values);
    }
  }

  private static void putInt(ObjectNode d, String field, Integer v) {
    if (v != null) {
      d.put(field, v);
    }
  }
}
