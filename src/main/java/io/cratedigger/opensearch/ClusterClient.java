package io.cratedigger.opensearch;

import io.cratedigger.view.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.opensearch.client.transport.httpclient5.ResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A connection to an OpenSearch cluster: the official client ({@link OpenSearchClient} over Apache
 * HttpClient 5) with the settings' credentials as a default header. Requests whose body is plain
 * JSON we build ourselves (an index's settings and mappings, an {@code _aliases} call, a {@code
 * _bulk} body) go through the client's generic API, and their answers are read with the project's
 * Jackson ({@link Json#MAPPER}); {@link #api()} is the typed client for everything else.
 *
 * <p>Every failure is a {@link ClusterException} naming the request, the status and OpenSearch's
 * reason, or the URL that did not answer. Thread-safe; close it once.
 */
public final class ClusterClient implements AutoCloseable {

  /** How long a connection may take to open. */
  static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(10);

  /**
   * How long an answer may take: a bulk request queued behind merges on a small node, or a refresh
   * of a freshly loaded index, takes seconds; minutes mean the node is stuck.
   */
  static final Timeout RESPONSE_TIMEOUT = Timeout.ofMinutes(3);

  private final ClusterSettings settings;
  private final ApacheHttpClient5Transport transport;
  private final OpenSearchClient client;

  private ClusterClient(ClusterSettings settings) {
    this.settings = settings;
    URI url = settings.url();
    ApacheHttpClient5TransportBuilder b =
        ApacheHttpClient5TransportBuilder.builder(
            new HttpHost(url.getScheme(), url.getHost(), url.getPort()));
    String prefix = url.getRawPath();
    if (prefix != null && !prefix.isEmpty() && !prefix.equals("/")) {
      b.setPathPrefix(prefix);
    }
    String authorization = settings.credentials().authorization();
    if (authorization != null) {
      // sensitive: HttpClient's own logging masks it
      b.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", authorization, true)});
    }
    b.setConnectionConfigCallback(c -> c.setConnectTimeout(CONNECT_TIMEOUT));
    b.setRequestConfigCallback(r -> r.setResponseTimeout(RESPONSE_TIMEOUT));
    this.transport = b.build();
    this.client = new OpenSearchClient(transport);
  }

  /** A client for {@code settings}; nothing is sent until the first request. */
  public static ClusterClient connect(ClusterSettings settings) {
    return new ClusterClient(settings);
  }

  /** The settings this client was made with. */
  public ClusterSettings settings() {
    return settings;
  }

  /** The typed client, for requests the generic ones here do not cover. */
  public OpenSearchClient api() {
    return client;
  }

  /** The cluster's URL, for messages. */
  public String location() {
    return settings.location();
  }

  /** One answer: its HTTP status and its JSON body (a missing node when it had none). */
  public record Answer(int status, JsonNode body) {
    /** Whether the status is 2xx. */
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * Sends a request and returns the answer whatever its status.
   *
   * @param method the HTTP method
   * @param path the path from the cluster's root, starting with {@code /}; each part already
   *     encoded (see {@link #encode})
   * @param params query parameters
   * @param body the body, or null
   * @param contentType the body's content type (ignored without a body)
   * @throws ClusterException when no answer came (status 0): the cluster is down, unreachable or
   *     too slow
   */
  public Answer call(
      String method, String path, Map<String, String> params, byte[] body, String contentType)
      throws ClusterException {
    Requests.JsonBodyBuilder b = Requests.builder().method(method).endpoint(path).query(params);
    if (body != null) {
      b.body(Body.from(body, contentType));
    }
    Request request = b.build();
    try (Response r = client.generic().execute(request)) {
      Optional<Body> answer = r.getBody();
      byte[] bytes = answer.isPresent() ? answer.get().bodyAsBytes() : null;
      return new Answer(r.getStatus(), parse(bytes));
    } catch (ResponseException e) {
      // The transport answers 2xx and 400..405 as responses but throws for the rest (409, 429,
      // 5xx), with the body only in the exception's message, after the request line.
      return new Answer(e.status(), parse(bodyOf(e.getMessage())));
    } catch (IOException | UncheckedIOException e) {
      throw unreachable(method, path, e);
    } catch (RuntimeException e) {
      // the transport wraps some I/O failures (a timeout, a closed client) in runtime exceptions
      for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
        if (c instanceof IOException) {
          throw unreachable(method, path, e);
        }
      }
      throw new ClusterException(
          "the request "
              + method
              + " "
              + path
              + " to OpenSearch at "
              + location()
              + " failed: "
              + e,
          0,
          null,
          e);
    }
  }

  /**
   * Sends {@code body} (JSON, or none) and returns the answer's JSON.
   *
   * @throws ClusterException for any status but 2xx, with OpenSearch's reason
   */
  public JsonNode request(String method, String path, Map<String, String> params, JsonNode body)
      throws ClusterException {
    Answer a =
        call(
            method,
            path,
            params,
            body == null ? null : Json.MAPPER.writeValueAsBytes(body),
            "application/json");
    if (!a.ok()) {
      throw failure(method, path, a);
    }
    return a.body();
  }

  /** {@code GET path}: the answer's JSON, or a {@link ClusterException}. */
  public JsonNode get(String path, Map<String, String> params) throws ClusterException {
    return request("GET", path, params, null);
  }

  /** Whether an index (or alias) of that name exists. */
  public boolean exists(String index) throws ClusterException {
    Answer a = call("HEAD", "/" + encode(index), Map.of(), null, null);
    if (a.status() == 404) {
      return false;
    }
    if (!a.ok()) {
      throw failure("HEAD", "/" + index, a);
    }
    return true;
  }

  /** The indices matching {@code pattern} (open or closed), sorted by name. */
  public List<String> indices(String pattern) throws ClusterException {
    JsonNode rows =
        get(
            "/_cat/indices/" + encode(pattern),
            Map.of("format", "json", "h", "index", "expand_wildcards", "all"));
    List<String> out = new ArrayList<>();
    for (JsonNode row : rows) {
      out.add(row.path("index").asString());
    }
    out.sort(null);
    return out;
  }

  /** The indices {@code alias} points at, sorted; empty when there is no such alias. */
  public List<String> aliasTargets(String alias) throws ClusterException {
    Answer a = call("GET", "/_alias/" + encode(alias), Map.of(), null, null);
    if (a.status() == 404) {
      return List.of();
    }
    if (!a.ok()) {
      throw failure("GET", "/_alias/" + alias, a);
    }
    List<String> out = new ArrayList<>(a.body().propertyNames());
    out.sort(null);
    return out;
  }

  /** Deletes an index; true when it was there, false when it was not. */
  public boolean deleteIndex(String index) throws ClusterException {
    Answer a = call("DELETE", "/" + encode(index), Map.of(), null, null);
    if (a.status() == 404) {
      return false;
    }
    if (!a.ok()) {
      throw failure("DELETE", "/" + index, a);
    }
    return true;
  }

  /**
   * The failure for an answer that is not 2xx: {@code OpenSearch at URL answered 400 to PUT
   * /cratedigger-gen-000001: mapper_parsing_exception: ...}.
   */
  public ClusterException failure(String method, String path, Answer a) {
    String reason = reason(a.body());
    return new ClusterException(
        "OpenSearch at "
            + location()
            + " answered "
            + a.status()
            + " to "
            + method
            + " "
            + path
            + (reason.isEmpty() ? "" : ": " + reason),
        a.status(),
        type(a.body()),
        null);
  }

  private ClusterException unreachable(String method, String path, Exception e) {
    Throwable c = e;
    while (c.getCause() != null
        && c.getCause() != c
        && !(c instanceof ConnectException)
        && !(c instanceof UnknownHostException)) {
      c = c.getCause();
    }
    String why;
    if (c instanceof ConnectException) {
      why = "connection refused or failed (" + c.getMessage() + "): is OpenSearch running there?";
    } else if (c instanceof UnknownHostException) {
      why = "unknown host " + c.getMessage();
    } else if (c instanceof java.net.SocketTimeoutException
        || c instanceof HttpTimeoutException
        || String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
      why = "no answer in time (" + c.getMessage() + ")";
    } else {
      why = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
    return new ClusterException(
        "cannot reach OpenSearch at " + location() + " (" + method + " " + path + "): " + why,
        0,
        null,
        e);
  }

  /** OpenSearch's reason for an error answer: {@code type: reason (caused by type: reason)}. */
  static String reason(JsonNode body) {
    JsonNode err = body.path("error");
    if (err.isString()) {
      return err.asString();
    }
    if (err.isObject()) {
      StringBuilder s = new StringBuilder(describe(err));
      JsonNode cause = err.path("caused_by");
      if (cause.isMissingNode() && err.path("root_cause").size() > 0) {
        cause = err.path("root_cause").get(0);
      }
      String c = cause.isObject() ? describe(cause) : "";
      if (!c.isEmpty() && !c.equals(s.toString())) {
        s.append(" (caused by ").append(c).append(")");
      }
      return s.toString();
    }
    if (body.path("message").isString()) {
      return body.path("message").asString();
    }
    return body.isMissingNode() ? "" : truncate(body.toString());
  }

  private static String type(JsonNode body) {
    JsonNode t = body.path("error").path("type");
    return t.isString() ? t.asString() : null;
  }

  private static String describe(JsonNode err) {
    String type = err.path("type").asString("");
    String reason = err.path("reason").asString("");
    if (type.isEmpty()) {
      return reason;
    }
    return reason.isEmpty() ? type : type + ": " + reason;
  }

  private static String truncate(String s) {
    return s.length() <= 500 ? s : s.substring(0, 500) + "...";
  }

  /** The JSON body in a {@link ResponseException}'s message (after the request line), or null. */
  static byte[] bodyOf(String message) {
    if (message == null) {
      return null;
    }
    int nl = message.indexOf('\n');
    while (nl >= 0) {
      int next = nl + 1;
      if (next < message.length() && (message.charAt(next) == '{' || message.charAt(next) == '[')) {
        return message.substring(next).getBytes(StandardCharsets.UTF_8);
      }
      nl = message.indexOf('\n', next);
    }
    return null;
  }

  private static JsonNode parse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      return Json.MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      // not JSON (a proxy's HTML page, _cat text): keep the text for the message
      return Json.MAPPER
          .createObjectNode()
          .put("message", truncate(new String(bytes, StandardCharsets.UTF_8).strip()));
    }
  }

  /**
   * One part of a path (an index name, a document id) encoded for the URL: {@code a/b} becomes
   * {@code a%2Fb}; letters, digits and {@code -_.*,} stay.
   */
  public static String encode(String part) {
    StringBuilder out = new StringBuilder(part.length());
    for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '*'
          || c == ',') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
