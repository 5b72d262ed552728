package io.cratedigger.api;

/** An answer other than 200 with the one JSON error shape {@code {"error":..,"detail":..}}. */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String error;
  private final java.util.Map<String, String> headers;

  public ApiException(int status, String error, String detail) {
    this(status, error, detail, java.util.Map.of());
  }

  private ApiException(
      int status, String error, String detail, java.util.Map<String, String> headers) {
    super(detail, null, false, false);
    this.status = status;
    this.error = error;
    this.headers = headers;
  }

  /** The same answer with one more response header ({@code Retry-After}, {@code Allow}...). */
  public ApiException withHeader(String name, String value) {
    var h = new java.util.LinkedHashMap<>(headers);
    h.put(name, value);
    return new ApiException(status, error, getMessage(), java.util.Map.copyOf(h));
  }

  /** Response headers that go with the answer. */
  public java.util.Map<String, String> headers() {
    return headers;
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
