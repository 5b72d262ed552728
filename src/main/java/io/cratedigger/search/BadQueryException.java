package io.cratedigger.search;

/**
 * A lookup query that cannot be run: empty, too long, no words, a syntax error, an unknown field or
 * a malformed number. The message is one line fit to show the user as is.
 */
public final class BadQueryException extends RuntimeException {
  public BadQueryException(String message) {
    super(message);
  }
}
