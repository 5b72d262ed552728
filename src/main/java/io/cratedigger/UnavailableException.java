package io.cratedigger;

/**
 * The backend the catalog lives in does not answer (an OpenSearch cluster that is down or
 * overloaded): the server answers 503 with the reason and recovers by itself when it is back.
 */
public class UnavailableException extends RuntimeException {
  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
