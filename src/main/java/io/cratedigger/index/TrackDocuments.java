package io.cratedigger.index;

import io.cratedigger.track.AudioFeature;
import io.cratedigger.track.Fingerprint;
import io.cratedigger.track.Key;
import io.cratedigger.track.Placeholders;
import io.cratedigger.track.SceneTags;
import io.cratedigger.track.Track;
import io.cratedigger.track.Versions;
import io.cratedigger.view.Json;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatField;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** Maps a {@link Track} to its Lucene document and back (from the stored source). */
public final class TrackDocuments {

  /**
   * Euclidean: the vector is a scaled PCA projection centred on the catalog mean, so the length of
   * the difference is "how different it sounds"; cosine would throw away how far from the average a
   * track is, and dot product would reward extreme tracks.
   */
  public static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.EUCLIDEAN;

  private TrackDocuments() {}

  /** The document for a track; {@code vector} is null for a track without audio features. */
  public static Document toDocument(Track t, float[] vector, int cluster, boolean imputed) {
    Document d = new Document();
    d.add(new KeywordField(Schema.ID, t.id(), Field.Store.NO));
    d.add(new StoredField(Schema.SOURCE, new BytesRef(Json.MAPPER.writeValueAsBytes(t))));

    d.add(new TextField(Schema.TITLE, t.title(), Field.Store.NO));
    for (String a : t.artists()) {
      d.add(new TextField(Schema.ARTISTS, a, Field.Store.NO));
      d.add(new KeywordField(Schema.ARTIST_EXACT, a, Field.Store.NO));
      if (!Placeholders.artist(a)) {
        // "Various Artists" is no one: it neither caps a list nor makes a shared artist
        d.add(new SortedNumericDocValuesField(Schema.ARTIST_FP, Fingerprint.of(a)));
      }
    }
    for (String r : t.remixers()) {
      // a remixer is found by name like an artist, but is not the track's artist for diversity
      d.add(new TextField(Schema.ARTISTS, r, Field.Store.NO));
    }
    if (t.album() != null) {
      d.add(new TextField(Schema.ALBUM, t.album(), Field.Store.NO));
    }
    if (t.label() != null) {
      d.add(new TextField(Schema.LABEL, t.label(), Field.Store.NO));
      d.add(new KeywordField(Schema.LABEL_EXACT, t.label(), Field.Store.NO));
    }
    for (String g : t.genres()) {
      d.add(new TextField(Schema.GENRES, g, Field.Store.NO));
      d.add(new KeywordField(Schema.GENRE_EXACT, g, Field.Store.NO));
    }
    for (String s : t.styles()) {
      d.add(new TextField(Schema.STYLES, s, Field.Store.NO));
      d.add(new KeywordField(Schema.STYLE_EXACT, s, Field.Store.NO));
    }
    for (String tag : SceneTags.all(t)) {
      d.add(new KeywordField(Schema.SCENE, tag, Field.Store.NO));
    }
    d.add(new KeywordField(Schema.SONG, Versions.songKey(t), Field.Store.NO));
    d.add(new KeywordField(Schema.RELEASE, Versions.releaseKey(t), Field.Store.NO));
    d.add(new NumericDocValuesField(Schema.SONG_FP, Fingerprint.of(Versions.songKey(t))));
    d.add(new NumericDocValuesField(Schema.RELEASE_FP, Fingerprint.of(Versions.releaseKey(t))));

    if (t.tempo() != null) {
      d.add(new FloatField(Schema.BPM, t.tempo().floatValue(), Field.Store.NO));
    }
    Key key = t.key();
    if (key != null) {
      d.add(new IntField(Schema.KEY, key.pitchClass(), Field.Store.NO));
      d.add(new IntField(Schema.MODE, key.mode().spotify(), Field.Store.NO));
      d.add(new IntField(Schema.CAMELOT_NUMBER, key.camelotNumber(), Field.Store.NO));
      d.add(new KeywordField(Schema.CAMELOT, key.camelot(), Field.Store.NO));
    }
    d.add(
        new StringField(
            Schema.MIX_SLOT,
            Schema.mixSlot(key == null ? null : key.camelot(), t.tempo()),
            Field.Store.NO));
    addInt(d, Schema.YEAR, t.year());
    addInt(d, Schema.POPULARITY, t.popularity());
    addInt(d, Schema.DURATION, t.durationMs());
    addInt(d, Schema.TIME_SIGNATURE, t.timeSignature());
    for (AudioFeature f : AudioFeature.values()) {
      Double v = f.of(t);
      if (v != null) {
        d.add(new FloatField(f.field(), v.floatValue(), Field.Store.NO));
      }
    }
    d.add(new IntField(Schema.HAS_FEATURES, t.hasAudioFeatures() ? 1 : 0, Field.Store.NO));
    if (vector != null) {
      d.add(new KnnFloatVectorField(Schema.VECTOR, vector, SIMILARITY));
      d.add(new IntField(Schema.CLUSTER, cluster, Field.Store.NO));
      d.add(new IntField(Schema.IMPUTED, imputed ? 1 : 0, Field.Store.NO));
    }
    return d;
  }

  private static void addInt(Document d, String field, Integer v) {
    if (v != null) {
      d.add(new IntField(field, v, Field.Store.NO));
    }
  }

  /** The track stored in a document's source field. */
  public static Track fromSource(BytesRef source) {
    return Json.MAPPER.readValue(source.bytes, source.offset, source.length, Track.class);
  }
}
