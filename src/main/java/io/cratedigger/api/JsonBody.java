package io.cratedigger.api;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A request's JSON body: size-capped, typed as JSON, read once, parsed into an object. */
final class JsonBody {
  private static final Logger LOG = LoggerFactory.getLogger(JsonBody.class);

  private JsonBody() {}

  /** The largest request body read. */
  static final long MAX_BODY = 20_000;

  /**
   * The request body's text; a body cut off or arriving too slowly is the client's fault (408),
   * logged as such, not an internal error with a stack trace.
   */
  static String text(Context ctx) {
    long declared = ctx.contentLength();
    if (declared > MAX_BODY) {
      throw new ApiException(
          413, "payload too large", "the body must be at most " + MAX_BODY + " bytes");
    }
    String text;
    try {
      text = ctx.body();
    } catch (Exception e) { // Javalin rethrows Jetty's IOExceptions undeclared
      LOG.info("{} {}: request body not received ({})", ctx.method(), ctx.path(), e.toString());
      throw new ApiException(
          408, "request timeout", "the request body arrived too slowly or was cut off");
    }
    String type = ctx.contentType();
    if (!text.isBlank()
        && (type == null
            || !type.strip().toLowerCase(Locale.ROOT).matches("application/json\\s*(;.*)?"))) {
      throw new ApiException(
          415,
          "unsupported media type",
          "the body must be JSON sent as Content-Type: application/json, got "
              + (type == null ? "no Content-Type" : type));
    }
    return text;
  }

  /**
   * The body as a JSON object (empty when there is no body); anything else answers 400 with {@code
   * shape}, which says what the route expects.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Context ctx, String shape) {
    String text = text(ctx);
    if (text.isBlank()) {
      return Map.of();
    }
    try {
      Map<String, Object> m = ctx.bodyAsClass(Map.class);
      return m == null ? Map.of() : m; // the body "null"
    } catch (RuntimeException e) {
      throw ApiException.badRequest(shape);
    }
  }
}
