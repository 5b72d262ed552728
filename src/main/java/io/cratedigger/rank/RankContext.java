package io.cratedigger.rank;

import io.cratedigger.track.Key;
import java.util.List;
import java.util.Set;

/**
 * What the rerankers compare candidates with: the seed (or the blend of several seeds), the mixing
 * rules built from the DJ's options, the weights, and Spotify-style targets.
 *
 * @param bpm the seed's tempo, null when unknown (or no track seed)
 * @param key the seed's key, null when unknown
 * @param energy the seed's energy, null when unknown
 * @param cluster the seed's sound cluster, -1 when unknown
 * @param releases fingerprints of the seeds' release keys (their own releases are penalised)
 * @param artists fingerprints of the seeds' artists (capped harder)
 * @param targets attribute index → target value (Spotify's {@code target_*})
 * @param policy the mixing rules, built once per request from the DJ's options
 */
public record RankContext(
    Double bpm,
    Key key,
    Double energy,
    int cluster,
    Set<Long> releases,
    Set<Long> artists,
    List<Target> targets,
    MixPolicy policy,
    Weights weights) {

  /** A target value for one attribute, with that attribute's span for normalising. */
  public record Target(String name, int attribute, double value, double span) {}

  public RankContext {
    releases = Set.copyOf(releases);
    artists = Set.copyOf(artists);
    targets = List.copyOf(targets);
  }

  /** The DJ's options the rules were built from. */
  public MixOptions options() {
    return policy.options();
  }

  /** The seed as the mixing rules read it. */
  public MixPolicy.Deck seed() {
    return new MixPolicy.Deck(bpm, key, energy);
  }
}
