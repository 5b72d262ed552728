package io.cratedigger.synth;

import io.cratedigger.track.AudioFeature;
import io.cratedigger.track.Key;
import io.cratedigger.track.Track;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Builds the tracks of a release: originals drawn fresh from their style, and versions (remixes,
 * edits, dubs, live takes, remasters) derived from an original so that they keep its artist, and,
 * where the recording is the same, its key, tempo and sound. Numbers the ids.
 */
final class TrackMaker {

  private final Roster roster;
  private final SoundSampler sound;
  private final RandomGenerator rng;
  private final List<StyleProfile> styles = Styles.all();
  private long counter;

  TrackMaker(Roster roster, SoundSampler sound, RandomGenerator rng) {
    this.roster = roster;
    this.sound = sound;
    this.rng = rng;
  }

  /** A new recording of {@code base} on release {@code r}, in main style {@code style}. */
  Origin original(Release r, int style, String base, boolean clubNaming) {
    StyleProfile p = styles.get(style);
    Roster.Artist a = r.artist();
    Key key = sound.key(p, rng);
    Track.Builder b =
        Track.builder(nextId(), Version.ORIGINAL.title(base, clubNaming, null, 0))
            .artists(artistsOf(a, p))
            .album(r.album())
            .label(r.label().name())
            .genres(r.genres())
            .styles(r.styleNames(style))
            .year(r.year())
            .releaseDate(r.date())
            .durationMs(sound.durationMs(p, rng))
            .popularity(sound.popularity(a.popularity(), r.year(), 1.0, rng))
            .isrc(isrc(r))
            .key(key)
            .tempo(sound.tempo(p, rng))
            .timeSignature(sound.timeSignature(p.scene(), rng));
    sound.features(b, style, a, key, rng);
    return new Origin(b.build(), base, style, a, r.label());
  }

  /**
   * Version {@code v} of {@code o}, released on {@code r}. Edits, dubs and remasters are the same
   * recording and keep key and tempo; a remix is a new recording in the original's style that keeps
   * the key half of the time.
   *
   * @param remixer the remixer, required for {@link Version#REMIX}
   */
  Track version(Origin o, Release r, Version v, Roster.Artist remixer) {
    Track t = o.track();
    StyleProfile p = styles.get(o.style());
    String remixerName = remixer == null ? null : remixer.name();
    Track.Builder b =
        t.toBuilder()
            .id(nextId())
            .title(v.title(o.base(), false, remixerName, r.year()))
            .album(r.album())
            .label(r.label().name())
            .year(r.year())
            .releaseDate(r.date())
            .isrc(isrc(r));
    boolean features = t.hasAudioFeatures();
    double popularity = o.artist().popularity();
    int duration = t.durationMs();
    switch (v) {
      case ORIGINAL -> throw new IllegalArgumentException("an original is not a version");
      case REMIX -> {
        Key key = rng.nextBoolean() ? t.key() : sound.key(p, rng);
        b.remixers(List.of(remixerName))
            .key(key)
            .tempo(sound.tempo(p, rng))
            .durationMs(sound.durationMs(p, rng));
        for (AudioFeature f : AudioFeature.values()) {
          b.feature(f, null);
        }
        sound.features(b, o.style(), remixer, key, rng);
        popularity = Math.max(popularity, remixer.popularity());
      }
      case EXTENDED -> b.durationMs(scale(duration, 1.15, 1.35));
      case RADIO_EDIT -> b.durationMs(Math.min(duration, sound.radioEditMs(rng)));
      case DUB -> {
        b.durationMs(scale(duration, 0.9, 1.1));
        if (features) {
          b.feature(
                  AudioFeature.INSTRUMENTALNESS,
                  SoundSampler.r3(Math.max(t.instrumentalness(), 0.8 + 0.18 * rng.nextDouble())))
              .feature(AudioFeature.SPEECHINESS, SoundSampler.r3(t.speechiness() * 0.4))
              .feature(AudioFeature.ENERGY, SoundSampler.r3(t.energy() - 0.05));
        }
      }
      case INSTRUMENTAL -> {
        if (features) {
          b.feature(AudioFeature.INSTRUMENTALNESS, SoundSampler.r3(0.7 + 0.25 * rng.nextDouble()))
              .feature(
                  AudioFeature.SPEECHINESS,
                  SoundSampler.r3(Math.min(t.speechiness(), 0.03 + 0.05 * rng.nextDouble())));
        }
      }
      case LIVE -> {
        // A band drifts off the studio tempo by a percent or two and plays longer.
        if (t.tempo() != null) {
          b.tempo(sound.clampTempo(p, t.tempo() * (1 + 0.015 * rng.nextGaussian())));
        }
        b.durationMs(scale(duration, 1.05, 1.3));
        if (features) {
          b.feature(AudioFeature.LIVENESS, SoundSampler.r3(0.65 + 0.33 * rng.nextDouble()))
              .feature(
                  AudioFeature.LOUDNESS,
                  SoundSampler.loudness(t.loudness() - 1.5 + 2 * rng.nextDouble()))
              .feature(
                  AudioFeature.ACOUSTICNESS,
                  SoundSampler.r3(t.acousticness() + 0.2 * (1 - t.acousticness())));
        }
      }
      case REMASTER -> {
        // Remasters come out louder (the loudness war) and often keep the original ISRC.
        if (features) {
          double louder =
              Math.max(t.loudness(), SoundSampler.softCap(t.loudness() + 1 + 2 * rng.nextDouble()));
          b.feature(AudioFeature.LOUDNESS, SoundSampler.loudness(louder));
        }
        if (rng.nextBoolean()) {
          b.isrc(t.isrc());
        }
      }
    }
    b.popularity(sound.popularity(popularity, r.year(), v.appeal(), rng));
    return b.build();
  }

  private List<String> artistsOf(Roster.Artist a, StyleProfile p) {
    double collab = p.scene() == StyleProfile.Scene.HIP_HOP ? 0.18 : 0.05;
    if (rng.nextDouble() < collab) {
      return List.of(a.name(), roster.otherArtist(a.style(), a, rng).name());
    }
    return List.of(a.name());
  }

  /** An ISRC for most recent tracks and fewer old ones, as digitised catalogs have them. */
  private String isrc(Release r) {
    double share = r.year() >= 2000 ? 0.85 : r.year() >= 1990 ? 0.5 : 0.3;
    return rng.nextDouble() < share ? roster.isrc(r.label(), r.year()) : null;
  }

  private int scale(int ms, double lo, double hi) {
    return (int) Math.round(ms * (lo + (hi - lo) * rng.nextDouble()));
  }

  private String nextId() {
    return "syn" + ++counter;
  }
}
