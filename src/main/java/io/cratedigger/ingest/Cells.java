package io.cratedigger.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Parsers for the cell spellings seen in real exports. Each returns {@code null} for a blank cell
 * and throws {@link BadCell} with a reason for a cell it cannot read, so the caller can drop the
 * value and report it.
 */
final class Cells {
  private static final String PLACEHOLDER = "\u0000";
  private static final String ESCAPED = "\u0001";

  private Cells() {}

  /** A cell that cannot be read; the message completes {@code field "cell" ...}. */
  static final class BadCell extends Exception {
    BadCell(String reason) {
      super(reason, null, false, false);
    }
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static Double decimal(String s) throws BadCell {
    if (blank(s)) {
      return null;
    }
    try {
      double d = Double.parseDouble(s.strip());
      if (!Double.isFinite(d)) {
        throw new BadCell("is not a finite number");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new BadCell("is not a number");
    }
  }

  /** Integers, also when a spreadsheet wrote them as {@code 220386.0}. */
  static Integer integer(String s) throws BadCell {
    Double d = decimal(s);
    if (d == null) {
      return null;
    }
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw new BadCell("is not a whole number");
    }
    return (int) (double) d;
  }

  /** Milliseconds as a number, or a duration written {@code m:ss} or {@code h:mm:ss}. */
  static Integer durationMs(String s) throws BadCell {
    if (blank(s)) {
      return null;
    }
    String t = s.strip();
    if (t.indexOf(':') < 0) {
      return integer(t);
    }
    String[] parts = t.split(":", -1);
    if (parts.length > 3) {
      throw new BadCell("is not a duration");
    }
    long seconds = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.isEmpty() || !p.chars().allMatch(Character::isDigit) || p.length() > 4) {
        throw new BadCell("is not a duration (m:ss)");
      }
      int v = Integer.parseInt(p);
      if (i > 0 && v >= 60) {
        throw new BadCell("is not a duration (m:ss)");
      }
      seconds = seconds * 60 + v;
    }
    return (int) (seconds * 1000);
  }

  /** A parsed release date: ISO text ({@code 2022-07-22}, {@code 2022-07} or {@code 1999}). */
  record Date(String iso, int year) {}

  /**
   * Reads {@code 2022-07-22}, {@code 2022-07}, {@code 1999} and the US spreadsheet spelling {@code
   * 7/2/2021} (month first). {@code 0000} and {@code 0} mean unknown and give {@code null}.
   */
  static Date date(String s) throws BadCell {
    if (blank(s)) {
      return null;
    }
    String t = s.strip();
    if (t.chars().allMatch(c -> c == '0')) {
      return null;
    }
    int slash = t.indexOf('/');
    if (slash > 0) {
      String[] p = t.split("/", -1);
      if (p.length != 3) {
        throw new BadCell("is not a date");
      }
      int month = number(p[0]);
      int day = number(p[1]);
      int year = number(p[2]);
      if (p[2].length() == 2) {
        year += year < 50 ? 2000 : 1900;
      }
      return iso(year, month, day);
    }
    String[] p = t.split("-", -1);
    if (p.length > 3 || p[0].length() != 4) {
      throw new BadCell("is not a date (YYYY-MM-DD)");
    }
    int year = number(p[0]);
    int month = p.length > 1 ? number(p[1]) : 0;
    int day = p.length > 2 ? number(p[2]) : 0;
    return iso(year, month, day);
  }

  private static Date iso(int year, int month, int day) throws BadCell {
    if (month < 0 || month > 12 || day < 0 || day > 31 || (month == 0 && day > 0)) {
      throw new BadCell("is not a date");
    }
    StringBuilder sb = new StringBuilder().append(year);
    if (month > 0) {
      sb.append('-').append(month < 10 ? "0" : "").append(month);
    }
    if (day > 0) {
      sb.append('-').append(day < 10 ? "0" : "").append(day);
    }
    return new Date(sb.toString(), year);
  }

  private static int number(String s) throws BadCell {
    if (s.isEmpty() || s.length() > 4 || !s.chars().allMatch(Character::isDigit)) {
      throw new BadCell("is not a date");
    }
    return Integer.parseInt(s);
  }

  /**
   * Splits a list cell. {@code keepTogether} values that contain the separator (Discogs' {@code
   * Folk, World, & Country}) stay one value.
   */
  static List<String> split(String s, String separator, List<String> keepTogether) throws BadCell {
    if (blank(s)) {
      return List.of();
    }
    if (FormatSpec.PYTHON_LIST.equals(separator)) {
      return pythonList(s);
    }
    // Protected names are swapped for placeholders (with no separator in them) before the
    // split and swapped back after, so they keep their place in the list.
    // A backslash before the separator escapes it (older Exportify wrote "Tyler\, The Creator").
    String escape = "\\" + separator;
    String rest = s.contains(escape) ? s.replace(escape, ESCAPED) : s;
    for (int k = 0; k < keepTogether.size(); k++) {
      String whole = keepTogether.get(k);
      if (whole.contains(separator) && rest.contains(whole)) {
        rest = rest.replace(whole, PLACEHOLDER + k + PLACEHOLDER);
      }
    }
    List<String> out = new ArrayList<>();
    int from = 0;
    while (from <= rest.length()) {
      int at = rest.indexOf(separator, from);
      if (at < 0) {
        at = rest.length();
      }
      String part = rest.substring(from, at).strip();
      if (part.length() > 2 && part.startsWith(PLACEHOLDER) && part.endsWith(PLACEHOLDER)) {
        part = keepTogether.get(Integer.parseInt(part.substring(1, part.length() - 1)));
      }
      if (!part.isEmpty()) {
        out.add(part.contains(ESCAPED) ? part.replace(ESCAPED, separator) : part);
      }
      from = at + separator.length();
    }
    return out;
  }

  /**
   * Reads a Python list literal of strings, {@code ['Rage Against The Machine', "Guns N' Roses"]},
   * with backslash escapes. A cell without brackets is one value.
   */
  static List<String> pythonList(String s) throws BadCell {
    String t = s.strip();
    if (!t.startsWith("[")) {
      return List.of(t);
    }
    if (!t.endsWith("]")) {
      throw new BadCell("is not a Python list (no closing ])");
    }
    List<String> out = new ArrayList<>();
    int i = 1;
    int end = t.length() - 1;
    while (i < end) {
      char c = t.charAt(i);
      if (c == ' ' || c == ',') {
        i++;
        continue;
      }
      if (c != '\'' && c != '"') {
        throw new BadCell("is not a Python list of strings");
      }
      StringBuilder item = new StringBuilder();
      int j = i + 1;
      while (j < end && t.charAt(j) != c) {
        if (t.charAt(j) == '\\' && j + 1 < end) {
          j++;
        }
        item.append(t.charAt(j++));
      }
      if (j >= end) {
        throw new BadCell("is not a Python list (unclosed quote)");
      }
      out.add(item.toString());
      i = j + 1;
    }
    return out;
  }
}
