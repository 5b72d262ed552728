package io.cratedigger.index;

/** A search before the server's first index is open (it answers 503 and asks to retry). */
public final class NotReadyException extends RuntimeException {
  public NotReadyException(String message) {
    super(message);
  }
}
