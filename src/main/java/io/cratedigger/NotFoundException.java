package io.cratedigger;

/**
 * What was asked for is not in the catalog (a track id, an artist, a cluster number): the API
 * answers 404 and the command line exit code 1, with this one-line message as is.
 */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
