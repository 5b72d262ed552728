package io.cratedigger.ingest;

import java.util.Locale;

/** Header normalisation shared by format detection and column mapping. */
public final class Headers {
  private Headers() {}

  /**
   * Lower-cases, drops parenthesised parts and every character that is not a letter or digit:
   * {@code "Duration (ms)"} → {@code duration}, {@code "Artist Name(s)"} → {@code artistname},
   * {@code "Time_Signature"} → {@code timesignature}, a byte-order mark → nothing.
   */
  public static String normalize(String header) {
    if (header == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(header.length());
    int depth = 0;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && Character.isLetterOrDigit(c)) {
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
