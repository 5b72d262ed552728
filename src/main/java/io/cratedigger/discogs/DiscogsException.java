package io.cratedigger.discogs;

/**
 * Discogs could not give what was asked, with the HTTP status our own API should answer: 404 when
 * Discogs has no such release, 502 when Discogs answered badly, 503 when it did not answer or kept
 * limiting our rate.
 */
public final class DiscogsException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;

  public DiscogsException(int status, String message) {
    super(message);
    this.status = status;
  }

  public DiscogsException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status to answer with: 403, 404, 502 or 503. */
  public int status() {
    return status;
  }
}
