package io.cratedigger.synth;

/**
 * The versions a recording appears in, with the title suffix each gets and how much of the
 * original's popularity it draws. Titles follow the forms DJs meet in stores and streaming
 * services: {@code Title (Original Mix)}, {@code Title (Kalma Doren Remix)}, {@code Title - Live}.
 */
enum Version {
  /** The first release under its plain title, or "(Original Mix)" in club music. */
  ORIGINAL(1.0),
  /** Another artist's remix: a new recording, the remixer credited. */
  REMIX(0.6),
  /** The long DJ version of the same recording. */
  EXTENDED(0.5),
  /** The short version for radio. */
  RADIO_EDIT(0.9),
  /** A dub: vocals mostly gone, more space. */
  DUB(0.35),
  /** Without vocals, as hip hop singles carry them. */
  INSTRUMENTAL(0.3),
  /** Played on stage. */
  LIVE(0.4),
  /** The same recording remastered for a reissue; often the one people stream. */
  REMASTER(1.0);

  private final double appeal;

  Version(double appeal) {
    this.appeal = appeal;
  }

  /** Share of the original's popularity this version gets. */
  double appeal() {
    return appeal;
  }

  /**
   * The title of this version of {@code base}.
   *
   * @param clubNaming whether an original gets "(Original Mix)"
   * @param remixer the remixer's name, for {@link #REMIX}
   * @param year the reissue year, for {@link #REMASTER}
   */
  String title(String base, boolean clubNaming, String remixer, int year) {
    return switch (this) {
      case ORIGINAL -> clubNaming ? base + " (Original Mix)" : base;
      case REMIX -> base + " (" + remixer + " Remix)";
      case EXTENDED -> base + " (Extended Mix)";
      case RADIO_EDIT -> base + " (Radio Edit)";
      case DUB -> base + " (Dub)";
      case INSTRUMENTAL -> base + " (Instrumental)";
      case LIVE -> base + " - Live";
      case REMASTER -> base + " (Remastered " + year + ")";
    };
  }
}
