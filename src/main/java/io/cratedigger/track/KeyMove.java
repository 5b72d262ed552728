package io.cratedigger.track;

/**
 * A harmonic move between two keys on the Camelot wheel, best first. The rank orders moves as a DJ
 * prefers them: perfect, then adjacent and relative (equal), then the energy boosts, then the
 * diagonal move some DJs use, then a clash.
 */
public enum KeyMove {
  PERFECT(0, "perfect", "perfect", true),
  ADJACENT(1, "adjacent", "adjacent", true),
  RELATIVE(1, "relative", "relative major/minor", true),
  BOOST_WHOLE_STEP(2, "boost2", "energy boost (+2)", true),
  BOOST_SEMITONE(2, "boost7", "energy boost (+7)", true),
  DIAGONAL(3, "diagonal", "diagonal", false),
  CLASH(4, "clash", "clash", false);

  private final int rank;
  private final String code;
  private final String label;
  private final boolean compatible;

  KeyMove(int rank, String code, String label, boolean compatible) {
    this.rank = rank;
    this.code = code;
    this.label = label;
    this.compatible = compatible;
  }

  /** The move's name in the API, e.g. {@code boost2}. */
  public String code() {
    return code;
  }

  /** 0 for the best move, higher for worse; equal for moves a DJ rates alike. */
  public int rank() {
    return rank;
  }

  /** Plain words for reasons, e.g. {@code adjacent}. */
  public String label() {
    return label;
  }

  /**
   * Whether the move counts as compatible by default. The diagonal move is not: many DJs say it
   * clashes, so callers that want it ask for it.
   */
  public boolean compatible() {
    return compatible;
  }
}
