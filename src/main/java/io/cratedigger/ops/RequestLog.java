package io.cratedigger.ops;

import io.cratedigger.view.Json;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per answered request. Text (the default) goes to the log as people read it; JSON is one
 * object per line on standard output for a log shipper, with the method, route template, path,
 * status, milliseconds and request id, while diagnostics stay readable on standard error.
 */
public final class RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("io.cratedigger.requests");

  private final boolean json;
  private final PrintStream out;

  private RequestLog(boolean json, PrintStream out) {
    this.json = json;
    this.out = out;
  }

  /** Readable lines through the log. */
  public static RequestLog text() {
    return new RequestLog(false, null);
  }

  /** JSON lines on {@code out}. */
  public static RequestLog json(PrintStream out) {
    return new RequestLog(true, out);
  }

  /** {@code text} or {@code json} (on standard output). */
  public static RequestLog of(String format) {
    return "json".equals(format) ? json(System.out) : text();
  }

  public boolean isJson() {
    return json;
  }

  public void request(
      String method, String route, String path, int status, double ms, String requestId) {
    if (!json) {
      LOG.info(
          "{} {} {} {} ms [{}]",
          method,
          path,
          status,
          String.format(Locale.ROOT, "%.1f", ms),
          requestId);
      return;
    }
    out.println(
        Json.MAPPER.writeValueAsString(
            new Request(
                Instant.now().toString(),
                "request",
                method,
                route,
                path,
                status,
                Math.round(ms * 10) / 10.0,
                requestId)));
  }

  /** The effective configuration, once at start: setting → value (and where it came from). */
  public void configuration(Map<String, String> settings) {
    if (!json) {
      settings.forEach((k, v) -> LOG.info("config {} = {}", k, v));
      return;
    }
    out.println(
        Json.MAPPER.writeValueAsString(
            new Configuration(Instant.now().toString(), "configuration", settings)));
  }

  /** A request's JSON line. */
  record Request(
      String time,
      String event,
      String method,
      String route,
      String path,
      int status,
      double ms,
      String requestId) {}

  /** The configuration's JSON line. */
  record Configuration(String time, String event, Map<String, String> settings) {}
}
