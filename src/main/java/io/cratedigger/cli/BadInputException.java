package io.cratedigger.cli;

/** A user's mistake the command reports in one line and exits 1 for. */
public final class BadInputException extends RuntimeException {
  public BadInputException(String message) {
    super(message);
  }
}
