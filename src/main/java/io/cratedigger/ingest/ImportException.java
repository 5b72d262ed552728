package io.cratedigger.ingest;

/** An export that cannot be read at all: missing, empty, or of an unknown format. */
public final class ImportException extends RuntimeException {
  public ImportException(String message) {
    super(message);
  }
}
