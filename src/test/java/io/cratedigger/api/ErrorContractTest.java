package io.cratedigger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Errors answered before a request reaches a route keep the contract: JSON {@code error} and {@code
 * detail}, the security headers, 405 with {@code Allow} for a known path.
 */
class ErrorContractTest {
  private static TestServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder at(String path) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(ApiTest.TIMEOUT);
  }

  private static void jsonWithHeaders(HttpResponse<String> r) {
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
  }

  @Test
  void aUriTooLongIsJson() throws Exception {
    HttpResponse<String> r = send(at("/api/tracks/search?q=" + "a".repeat(20_000)));
    assertThat(r.statusCode()).isEqualTo(414);
    assertThat(r.body())
        .isEqualTo("{\"error\":\"uri too long\",\"detail\":\"the URI is too long\"}");
    jsonWithHeaders(r);
  }

  @Test
  void headersTooLargeAreJson() throws Exception {
    HttpResponse<String> r = send(at("/api/health").header("X-Big", "b".repeat(20_000)));
    assertThat(r.statusCode()).isEqualTo(431);
    assertThat(r.body())
        .isEqualTo(
            "{\"error\":\"request header fields too large\","
                + "\"detail\":\"the request headers are too large\"}");
    jsonWithHeaders(r);
  }

  @Test
  void aWrongMethodIs405WithAllow() throws Exception {
    HttpResponse<String> r = send(at("/api/health").DELETE());
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).contains("GET");
    assertThat(r.body())
        .isEqualTo(
            "{\"error\":\"method not allowed\","
                + "\"detail\":\"DELETE is not allowed on /api/health; allowed: GET\"}");
    jsonWithHeaders(r);
    HttpResponse<String> put =
        send(at("/api/recommendations").PUT(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(put.headers().firstValue("Allow")).contains("GET, POST");
  }

  @Test
  void aBodyThatIsNotJsonIs415() throws Exception {
    HttpResponse<String> r =
        send(
            at("/api/recommendations")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"seed_tracks\":\"te01\"}")));
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(r.body())
        .isEqualTo(
            "{\"error\":\"unsupported media type\",\"detail\":\"the body must be JSON sent as"
                + " Content-Type: application/json, got text/plain\"}");
    jsonWithHeaders(r);
    HttpResponse<String> charset =
        send(
            at("/api/recommendations")
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"seed_genres\":\"techno\"}")));
    assertThat(charset.statusCode()).isEqualTo(200);
  }

  @Test
  void aBodyOverTheBoundIs413() throws Exception {
    HttpResponse<String> r =
        send(
            at("/api/recommendations")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"x\":\"" + "y".repeat(30_000) + "\"}")));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("\"error\":\"payload too large\"");
    jsonWithHeaders(r);
  }
}
