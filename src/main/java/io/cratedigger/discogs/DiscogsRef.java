package io.cratedigger.discogs;

import io.cratedigger.InvalidRequestException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed reference: release or master, by id.
 *
 * @param kind whether the id names a release or a master (the group of a release's versions)
 * @param id the Discogs id, positive
 */
public record DiscogsRef(Kind kind, long id) {

  /** What a Discogs id refers to. */
  public enum Kind {
    RELEASE,
    MASTER
  }

  /**
   * A discogs.com URL: optional scheme, optional {@code www.}, any path before {@code /release/ID}
   * or {@code /master/ID} (language prefixes such as {@code /de/}, the old {@code
   * /Artist-Title/release/ID} shape, {@code /sell/release/ID}), then the slug, query or fragment.
   */
  private static final Pattern URL =
      Pattern.compile(
          "(?:https?://)?(?:www\\.|m\\.)?discogs\\.com(?:/[^?#\\s]*)?/(release|master)s?/(\\d{1,18})"
              + "(?:[-/?#][^\\s]*)?",
          Pattern.CASE_INSENSITIVE);

  /** Discogs' own short forms, as in its markup and search: {@code [r123]}, {@code m123}. */
  private static final Pattern SHORT =
      Pattern.compile("\\[([rm])(\\d{1,18})]|([rm])(\\d{1,18})", Pattern.CASE_INSENSITIVE);

  private static final Pattern BARE_ID = Pattern.compile("\\d{1,18}");

  public DiscogsRef {
    if (kind == null) {
      throw new IllegalArgumentException("kind must be RELEASE or MASTER, got null");
    }
    if (id <= 0) {
      throw new InvalidRequestException("a Discogs id is positive, got " + id);
    }
  }

  /**
   * Parses every shape users paste: {@code
   * https://www.discogs.com/release/30797823-cv313-Beyond-Starlit-Sky}, without slug, with query
   * string or #fragment, http://, discogs.com without www, {@code /master/123}, language prefixes
   * like {@code /de/release/...}, {@code [r30797823]}, {@code [m123]}, {@code r30797823}, and a
   * bare id {@code 30797823} (a release).
   *
   * @throws IllegalArgumentException for anything else, with a message naming what was expected
   */
  public static DiscogsRef parse(String text) {
    String s = text == null ? "" : text.strip();
    Matcher url = URL.matcher(s);
    if (url.matches()) {
      return of(url.group(1), url.group(2), text);
    }
    Matcher shortForm = SHORT.matcher(s);
    if (shortForm.matches()) {
      return shortForm.group(1) != null
          ? of(shortForm.group(1), shortForm.group(2), text)
          : of(shortForm.group(3), shortForm.group(4), text);
    }
    if (BARE_ID.matcher(s).matches()) {
      return of("r", s, text);
    }
    throw rejected(text);
  }

  private static DiscogsRef of(String kind, String digits, String text) {
    long id = Long.parseLong(digits);
    if (id == 0) {
      throw rejected(text);
    }
    return new DiscogsRef(
        kind.toLowerCase(Locale.ROOT).startsWith("m") ? Kind.MASTER : Kind.RELEASE, id);
  }

  private static InvalidRequestException rejected(String text) {
    return new InvalidRequestException(
        "not a Discogs release or master: \""
            + (text == null ? "" : text)
            + "\"; paste a URL like https://www.discogs.com/release/123 or an id");
  }

  /** The API path of this reference, e.g. {@code /releases/123} or {@code /masters/45}. */
  String apiPath() {
    return (kind == Kind.RELEASE ? "/releases/" : "/masters/") + id;
  }

  /** How messages name it: {@code release 123}, {@code master 45}. */
  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + " " + id;
  }
}
