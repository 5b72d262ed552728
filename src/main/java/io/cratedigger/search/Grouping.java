package io.cratedigger.search;

import io.cratedigger.index.Schema;
import io.cratedigger.track.Fingerprint;
import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * The song, release and artist {@link Fingerprint}s of a segment's documents: read as numbers from
 * an index that stores them, or computed from the terms in an index written before they were
 * (slower, same values).
 */
sealed interface Grouping {
  long song(int doc) throws IOException;

  long release(int doc) throws IOException;

  long[] artists(int doc) throws IOException;

  final class Stored implements Grouping {
    private final NumericDocValues song;
    private final NumericDocValues release;
    private final SortedNumericDocValues artists;

    Stored(LeafReader leaf) throws IOException {
      song = DocValues.getNumeric(leaf, Schema.SONG_FP);
      release = DocValues.getNumeric(leaf, Schema.RELEASE_FP);
      artists = DocValues.getSortedNumeric(leaf, Schema.ARTIST_FP);
    }

    @Override
    public long song(int doc) throws IOException {
      return song.advanceExact(doc) ? song.longValue() : 0;
    }

    @Override
    public long release(int doc) throws IOException {
      return release.advanceExact(doc) ? release.longValue() : 0;
    }

    @Override
    public long[] artists(int doc) throws IOException {
      if (!artists.advanceExact(doc)) {
        return new long[0];
      }
      long[] out = new long[artists.docValueCount()];
      for (int i = 0; i < out.length; i++) {
        out[i] = artists.nextValue();
      }
      return out;
    }
  }

  final class FromTerms implements Grouping {
    private final SortedSetDocValues song;
    private final SortedSetDocValues release;
    private final SortedSetDocValues artists;

    FromTerms(LeafReader leaf) throws IOException {
      song = DocValues.getSortedSet(leaf, Schema.SONG);
      release = DocValues.getSortedSet(leaf, Schema.RELEASE);
      // an iterator of its own: the facet one has moved on to this document already
      artists = DocValues.getSortedSet(leaf, Schema.ARTIST_EXACT);
    }

    @Override
    public long song(int doc) throws IOException {
      return Fingerprint.of(first(song, doc));
    }

    @Override
    public long release(int doc) throws IOException {
      return Fingerprint.of(first(release, doc));
    }

    @Override
    public long[] artists(int doc) throws IOException {
      if (!artists.advanceExact(doc)) {
        return new long[0];
      }
      long[] out = new long[artists.docValueCount()];
      for (int i = 0; i < out.length; i++) {
        out[i] = Fingerprint.of(artists.lookupOrd(artists.nextOrd()).utf8ToString());
      }
      return out;
    }
  }

  /** The fingerprints of {@code leaf}: stored ones when the index has them. */
  static Grouping of(LeafReader leaf) throws IOException {
    return leaf.getFieldInfos().fieldInfo(Schema.SONG_FP) != null
        ? new Stored(leaf)
        : new FromTerms(leaf);
  }

  private static String first(SortedSetDocValues dv, int doc) throws IOException {
    return dv.advanceExact(doc) ? dv.lookupOrd(dv.nextOrd()).utf8ToString() : "";
  }
}
