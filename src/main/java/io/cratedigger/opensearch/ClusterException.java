package io.cratedigger.opensearch;

import java.io.IOException;

/**
 * OpenSearch refused a request, or could not be reached. The message says which request, the status
 * and OpenSearch's own reason (its error type and reason), or which URL did not answer; it never
 * holds a credential.
 */
public final class ClusterException extends IOException {
  private final int status;
  private final String type;

  /**
   * @param message what failed, for people
   * @param status the HTTP status, 0 when no answer came
   * @param type OpenSearch's error type (e.g. {@code resource_already_exists_exception}), or null
   * @param cause the underlying failure, or null
   */
  public ClusterException(String message, int status, String type, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.type = type;
  }

  /** The HTTP status of the answer, 0 when none came (the cluster could not be reached). */
  public int status() {
    return status;
  }

  /** OpenSearch's error type, e.g. {@code index_not_found_exception}; null when it gave none. */
  public String type() {
    return type;
  }

  /** Whether trying again later may succeed: 429 (too many requests), 502, 503, 504, no answer. */
  public boolean transientFailure() {
    return status == 0 || status == 429 || status == 502 || status == 503 || status == 504;
  }
}
