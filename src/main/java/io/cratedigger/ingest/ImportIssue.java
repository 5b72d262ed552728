package io.cratedigger.ingest;

/**
 * A problem with one row or one cell, counted under {@code reason} and reported with its line.
 *
 * @param line the physical line of the file where the row starts (the header is line 1)
 * @param reason a short category to count by, e.g. {@code danceability outside 0..1}
 * @param message the whole sentence, e.g. {@code line 812: danceability "1.7" is outside 0..1}
 */
public record ImportIssue(long line, String reason, String message) {

  /** An issue whose message is {@code line N: detail}. */
  public static ImportIssue at(long line, String reason, String detail) {
    return new ImportIssue(line, reason, "line " + line + ": " + detail);
  }
}
