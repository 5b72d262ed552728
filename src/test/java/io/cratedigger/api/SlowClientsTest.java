package io.cratedigger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Clients that send a body one byte at a time cannot stall the real server: 300 of them at once
 * (each once held one of the server's threads until it gave up), and {@code /api/health} still
 * answers; the slow ones are cut off with a 408, not a 500.
 */
class SlowClientsTest {
  private static final int CLIENTS = 300;

  @Test
  void healthAnswersBesideThreeHundredSlowBodies() throws Exception {
    try (TestServer server = TestServer.start()) {
      URI base = URI.create(server.baseUrl());
      List<Socket> slow = new ArrayList<>();
      java.util.Map<Socket, String> answers = new java.util.HashMap<>();
      try {
        for (int i = 0; i < CLIENTS; i++) {
          Socket s = new Socket(base.getHost(), base.getPort());
          s.setSoTimeout(30_000);
          OutputStream out = s.getOutputStream();
          out.write(
              ("POST /api/recommendations HTTP/1.1\r\nHost: localhost\r\n"
                      + "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{")
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          slow.add(s);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Long> healthMs = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
          for (Socket s : slow) { // a byte a second each: alive, far too slow
            if (!answers.containsKey(s)) {
              try {
                s.getOutputStream().write(' ');
              } catch (java.io.IOException e) {
                answers.put(s, read(s)); // cut off by the server already
              }
            }
          }
          healthMs.add(healthMs(http, base));
          Thread.sleep(1_000);
        }
        // a generous bound: the stall this guards against lasted as long as the clients did
        assertThat(healthMs).as("ms per health check").allMatch(ms -> ms < 2_000);

        // the slow bodies are cut off by the server, as the client's fault, with the JSON reason
        for (Socket s : slow) {
          answers.computeIfAbsent(s, SlowClientsTest::read);
        }
        assertThat(answers.values())
            .hasSize(CLIENTS)
            .allMatch(a -> a.startsWith("HTTP/1.1 408"), "408 Request Timeout")
            .allMatch(a -> a.contains("X-Content-Type-Options: nosniff"), "security headers")
            .allMatch(
                a ->
                    a.contains(
                        "{\"error\":\"request timeout\",\"detail\":\"the request body arrived too"
                            + " slowly or was cut off\"}"),
                "the reason in JSON");
      } finally {
        for (Socket s : slow) {
          s.close();
        }
      }
    }
  }

  @Test
  void healthAnswersBesideThreeHundredSlowHeaders() throws Exception {
    // headers are parsed without a thread until they are complete: a client dripping them holds
    // a connection (closed after the idle timeout when it stops), never a thread
    try (TestServer server = TestServer.start()) {
      URI base = URI.create(server.baseUrl());
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < CLIENTS; i++) {
          Socket s = new Socket(base.getHost(), base.getPort());
          s.getOutputStream()
              .write(
                  "GET /api/tracks/te01/similar HTTP/1.1\r\nHost: x\r\nX-Slow: "
                      .getBytes(StandardCharsets.US_ASCII));
          slow.add(s);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (int round = 0; round < 3; round++) {
          for (Socket s : slow) {
            s.getOutputStream().write('a');
          }
          assertThat(healthMs(http, base)).isLessThan(2_000);
          Thread.sleep(1_000);
        }
        // a byte a second keeps a connection from idling, not past the first request's deadline
        long opened = System.nanoTime();
        Socket first = slow.getFirst();
        first.setSoTimeout(1_000);
        boolean closed = false;
        while (!closed && System.nanoTime() - opened < TimeUnit.SECONDS.toNanos(20)) {
          try {
            first.getOutputStream().write('a');
            closed = first.getInputStream().read() == -1;
          } catch (java.net.SocketTimeoutException e) {
            // still open
          } catch (java.io.IOException e) {
            closed = true;
          }
        }
        assertThat(closed).as("closed by the header deadline").isTrue();
      } finally {
        for (Socket s : slow) {
          s.close();
        }
      }
    }
  }

  @Test
  void unreadableRequestsAreJsonToo() throws Exception {
    try (TestServer server = TestServer.start()) {
      URI base = URI.create(server.baseUrl());
      for (String target :
          List.of("/api/tracks/search?q=%C0%AF", "/api/tracks/%00", "/api/\u00ff")) {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
          s.setSoTimeout(10_000);
          s.getOutputStream()
              .write(
                  ("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                      .getBytes(StandardCharsets.ISO_8859_1));
          String answer = read(s);
          assertThat(answer).as(target).startsWith("HTTP/1.1 4");
          assertThat(answer).as(target).contains("Content-Type: application/json");
          assertThat(answer).as(target).contains("X-Content-Type-Options: nosniff");
          assertThat(answer).as(target).contains("\"error\":").contains("\"detail\":");
        }
      }
    }
  }

  /** Milliseconds {@code /api/health} took to answer 200. */
  private static long healthMs(HttpClient http, URI base) throws Exception {
    long t = System.nanoTime();
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/health"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    return (System.nanoTime() - t) / 1_000_000;
  }

  /** What the server sent on {@code s} until it closed (or 30 s passed). */
  private static String read(Socket s) {
    try {
      InputStream in = s.getInputStream();
      byte[] all = in.readNBytes(4096);
      return new String(all, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "no answer: " + e;
    }
  }
}
