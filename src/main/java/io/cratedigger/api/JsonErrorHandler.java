package io.cratedigger.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before a request reaches the app (a URI or headers too large,
 * bad UTF-8, a body that arrives too slowly), in the app's shape: {@code {"error":..,"detail":..}}
 * with the security headers, never Jetty's HTML page or a bare status.
 */
final class JsonErrorHandler extends ErrorHandler {

  /** What each status means to a client; the server's own words, never an exception's. */
  private static final Map<Integer, String> DETAIL =
      Map.of(
          400, "the request could not be read (bad syntax, encoding or characters)",
          404, "no such route",
          405, "the method is not allowed here",
          408, "the request body arrived too slowly or was cut off",
          413, "the request body is too large",
          414, "the URI is too long",
          415, "the body must be application/json",
          431, "the request headers are too large",
          500, "the server failed to answer; see its log",
          503, "the server is busy; try again shortly");

  JsonErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
  }

  /** The JSON body of an error. */
  static String json(int status) {
    String error =
        status == 500 ? "internal error" : HttpStatus.getMessage(status).toLowerCase(Locale.ROOT);
    String detail = DETAIL.getOrDefault(status, error);
    return "{\"error\":\"" + error + "\",\"detail\":\"" + detail + "\"}";
  }

  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback cb) {
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, "application/json");
    securityHeaders(headers);
    response.write(true, ByteBuffer.wrap(json(code).getBytes(StandardCharsets.UTF_8)), cb);
  }

  private static void securityHeaders(HttpFields.Mutable headers) {
    for (HttpField f : App.SECURITY_HEADERS) {
      headers.put(f);
    }
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
  }
}
