package io.cratedigger.rank;

import io.cratedigger.InvalidRequestException;

/**
 * What the DJ asks of the mix.
 *
 * @param bpmTolerance the pitch range, as a fraction (0.06 = ±6 %, a common pitch fader)
 * @param halfDouble whether half and double time count (87 ↔ 174 BPM)
 * @param keyLock true: keys compared as released (key lock on); false: as heard after
 *     beat-matching, the pitch moving with the tempo
 * @param allowDiagonal whether the diagonal move (±1 and the other letter) counts as compatible
 * @param compatibleOnly drop tracks that break the tempo or key rule instead of listing them last
 * @param energy keep, lift or drop the energy, or ignore it
 * @param maxPerArtist how many results one artist may have
 * @param maxPerRelease how many results one release may have
 * @param minScore results scoring less are dropped
 */
public record MixOptions(
    double bpmTolerance,
    boolean halfDouble,
    boolean keyLock,
    boolean allowDiagonal,
    boolean compatibleOnly,
    Energy energy,
    int maxPerArtist,
    int maxPerRelease,
    double minScore) {

  /** The energy direction a DJ wants from the next track. */
  public enum Energy {
    ANY,
    KEEP,
    LIFT,
    DROP
  }

  public MixOptions {
    if (!(bpmTolerance > 0 && bpmTolerance <= 0.5)) {
      throw new InvalidRequestException(
          "bpm tolerance must be 0..0.5 (0.06 = 6 %), got " + bpmTolerance);
    }
    if (maxPerArtist < 1 || maxPerArtist > 100) {
      throw new InvalidRequestException("max per artist must be 1..100, got " + maxPerArtist);
    }
    if (maxPerRelease < 1 || maxPerRelease > 100) {
      throw new InvalidRequestException("max per release must be 1..100, got " + maxPerRelease);
    }
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new InvalidRequestException("min score must be 0..1, got " + minScore);
    }
    if (energy == null) {
      energy = Energy.KEEP;
    }
  }

  /**
   * ±6 %, half/double time, key lock on, no diagonal, keep the energy, 2 per artist, 1 per release.
   */
  public static MixOptions defaults() {
    return new MixOptions(0.06, true, true, false, false, Energy.KEEP, 2, 1, 0.0);
  }
}
