package io.cratedigger.api;

/** An answer other than 200 with the one JSON error shape {@code {"error":..,"detail":..}}. */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String error;

  public ApiException(int status, String error, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.error = error;
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, "bad request", detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "not found", detail);
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }
}
