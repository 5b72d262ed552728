package io.cratedigger.index;

/** A rebuild was refused because another one holds the lock. */
public final class IndexBusyException extends RuntimeException {
  public IndexBusyException(String message) {
    super(message);
  }
}
