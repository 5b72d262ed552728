package io.cratedigger.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Throughput and latency over HTTP on loopback: {@code clients} threads each send similar-track
 * requests one after the other for the given seed ids, after a warm-up; every answer must be 200.
 */
public final class HttpLoad {
  private HttpLoad() {}

  public record Result(
      int clients,
      int requests,
      int failures,
      double seconds,
      double perSecond,
      Latency.Stats latency) {}

  public static Result run(
      String baseUrl, List<String> ids, int clients, int requestsPerClient, int warmup)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (int i = 0; i < warmup; i++) {
      send(http, baseUrl, ids.get(i % ids.size()));
    }
    double[] ms = new double[clients * requestsPerClient];
    AtomicInteger failures = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      int client = c;
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < requestsPerClient; i++) {
                      String id = ids.get((client * requestsPerClient + i) % ids.size());
                      long t = System.nanoTime();
                      try {
                        if (send(http, baseUrl, id) != 200) {
                          failures.incrementAndGet();
                        }
                      } catch (Exception e) {
                        failures.incrementAndGet();
                      }
                      ms[client * requestsPerClient + i] = (System.nanoTime() - t) / 1e6;
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int n = clients * requestsPerClient;
    return new Result(clients, n, failures.get(), seconds, n / seconds, Latency.Stats.of(ms));
  }

  private static int send(HttpClient http, String baseUrl, String id) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(
                URI.create(
                    baseUrl
                        + "/api/tracks/"
                        + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")
                        + "/similar?limit=10"))
            .timeout(Duration.ofSeconds(30))
            .build();
    return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
