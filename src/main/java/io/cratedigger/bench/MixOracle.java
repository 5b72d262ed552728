package io.cratedigger.bench;

import io.cratedigger.track.SceneTags;
import io.cratedigger.track.Track;
import io.cratedigger.track.Versions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The best {@code mixAt10} any ranking could reach on a catalog: for each seed, how many tracks of
 * other releases (and other songs: a version of the seed is never a recommendation) {@linkplain
 * Quality#qualifies qualify}, at most 10, over 10. Seeds without a scene, key or tempo are left
 * out, as {@link Quality} leaves them out.
 */
final class MixOracle {
  private final List<Track> tracks;
  private final List<Set<String>> tags = new ArrayList<>();
  private final String[] releases;
  private final String[] songs;

  MixOracle(List<Track> tracks) {
    this.tracks = tracks;
    releases = new String[tracks.size()];
    songs = new String[tracks.size()];
    for (int i = 0; i < tracks.size(); i++) {
      Track t = tracks.get(i);
      tags.add(Set.copyOf(SceneTags.all(t)));
      releases[i] = Versions.releaseKey(t);
      songs[i] = Versions.songKey(t);
    }
  }

  /** The oracle's mix@10 over the seeds {@code picks} (indexes into the catalog). */
  double mixAt10(int[] picks) {
    double sum = 0;
    int n = 0;
    for (int p : picks) {
      Track seed = tracks.get(p);
      if (!Quality.countsForMix(seed)) {
        continue;
      }
      n++;
      sum += Math.min(Quality.MIX_AT, qualifying(p, Quality.MIX_AT)) / (double) Quality.MIX_AT;
    }
    return n == 0 ? 0 : Math.round(sum / n * 10_000) / 10_000.0;
  }

  /** Tracks that qualify for seed {@code p}, counted up to {@code enough}. */
  int qualifying(int p, int enough) {
    Track seed = tracks.get(p);
    Set<String> seedTags = Set.copyOf(SceneTags.defining(seed));
    int count = 0;
    for (int i = 0; i < tracks.size() && count < enough; i++) {
      if (i == p || songs[i].equals(songs[p])) {
        continue;
      }
      if (!releases[p].isEmpty() && releases[p].equals(releases[i])) {
        continue;
      }
      Track t = tracks.get(i);
      if (t.key() == null || t.tempo() == null || !shares(seedTags, tags.get(i))) {
        continue;
      }
      if (Quality.qualifiesInKeyAndTempo(seed, t)) {
        count++;
      }
    }
    return count;
  }

  private static boolean shares(Set<String> a, Set<String> b) {
    for (String x : a) {
      if (b.contains(x)) {
        return true;
      }
    }
    return false;
  }
}
