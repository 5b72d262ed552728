package io.cratedigger.ops;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * One line per answered request. Text (the default) goes to the log as people read it; JSON is one
 * object per line on standard output for a log shipper, with the method, route template, path,
 * status, milliseconds and request id, while diagnostics stay readable on standard error.
 */
public final class RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("io.cratedigger.requests");
  private static final JsonMapper JSON = JsonMapper.builder().build();

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
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time", Instant.now().toString());
    line.put("event", "request");
    line.put("method", method);
    line.put("route", route);
    line.put("path", path);
    line.put("status", status);
    line.put("ms", Math.round(ms * 10) / 10.0);
    line.put("requestId", requestId);
    out.println(JSON.writeValueAsString(line));
  }

  /** The effective configuration, once at start: setting → value (and where it came from). */
  public void configuration(Map<String, String> settings) {
    if (!json) {
      settings.forEach((k, v) -> LOG.info("config {} = {}", k, v));
      return;
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time", Instant.now().toString());
    line.put("event", "configuration");
    line.put("settings", settings);
    out.println(JSON.writeValueAsString(line));
  }
}
