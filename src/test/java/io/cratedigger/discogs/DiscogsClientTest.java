package io.cratedigger.discogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cratedigger.discogs.DiscogsRef.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against recorded Discogs answers on a local MockWebServer; no network. */
class DiscogsClientTest {
  private static final DiscogsRef RELEASE = new DiscogsRef(Kind.RELEASE, 30797823);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final MockWebServer server = new MockWebServer();
  private final List<Duration> sleeps = new ArrayList<>();
  private final Sleeper sleeper = sleeps::add;

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private DiscogsClient client(String token, Path cacheDir, Duration timeout) {
    return new DiscogsClient(server.url("/").toString(), token, cacheDir, timeout, sleeper);
  }

  private DiscogsClient client() {
    return client(null, null, TIMEOUT);
  }

  /** The next request the stand-in received; fails, instead of waiting forever, when none came. */
  static RecordedRequest received(MockWebServer server) throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the Discogs stand-in within 5 s").isNotNull();
    return r;
  }

  static String fixture(String name) {
    try (InputStream in = DiscogsClientTest.class.getResourceAsStream("/discogs/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture /discogs/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static MockResponse ok(String fixture) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(fixture(fixture))
        .build();
  }

  static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).body("{\"message\": \"x\"}").build();
  }

  @Test
  void readsAReleaseWithCleanArtistsLabelsAndPlayableTracks() throws Exception {
    server.enqueue(ok("release-30797823.json"));
    try (DiscogsClient client = client()) {
      DiscogsRelease release = client.release(RELEASE);

      List<String> cv313 = List.of("CV313");
      assertThat(release)
          .isEqualTo(
              new DiscogsRelease(
                  30797823,
                  "Beyond Starlit Sky",
                  cv313,
                  // the second catalogue number of the same label is one label; "(3)" dropped
                  List.of("Echospace [Detroit]", "Séance"),
                  List.of("Electronic"),
                  List.of("Dub Techno", "Ambient"),
                  2024,
                  // headings "Side A" / "Side B" skipped; the index track stands for its parts
                  List.of(
                      new DiscogsTrack("A1", "Beyond Starlit Sky", cv313, "12:04"),
                      new DiscogsTrack(
                          "A2", "Subterranean Echoes", List.of("Aphex Twin", "Intrusion"), "9:41"),
                      new DiscogsTrack("B.a", "Nocturne I", cv313, "6:30"),
                      new DiscogsTrack("B.b", "Nocturne II", cv313, "")),
                  "https://www.discogs.com/release/30797823-cv313-Beyond-Starlit-Sky"));
    }
    RecordedRequest request = received(server);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/releases/30797823");
  }

  @Test
  void cleansDisambiguationAndNameVariationMarks() {
    assertThat(DiscogsJson.cleanName("Aphex Twin (2)")).isEqualTo("Aphex Twin");
    assertThat(DiscogsJson.cleanName("Intrusion*")).isEqualTo("Intrusion");
    assertThat(DiscogsJson.cleanName("Prince (14)*")).isEqualTo("Prince");
    assertThat(DiscogsJson.cleanName("808 State")).isEqualTo("808 State");
    assertThat(DiscogsJson.cleanName("Sonic Youth (Live)")).isEqualTo("Sonic Youth (Live)");
  }

  @Test
  void aMasterResolvesToItsMainRelease() throws Exception {
    server.enqueue(ok("master-123.json"));
    server.enqueue(ok("release-30797823.json"));
    try (DiscogsClient client = client()) {
      DiscogsRelease release =
          client.release(DiscogsRef.parse("https://www.discogs.com/master/123"));
      assertThat(release.id()).isEqualTo(30797823);
      assertThat(release.tracks()).hasSize(4);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(received(server).getTarget()).isEqualTo("/masters/123");
    assertThat(received(server).getTarget()).isEqualTo("/releases/30797823");
  }

  @Test
  void aMissingReleaseIs404WithoutRetrying() {
    server.enqueue(new MockResponse.Builder().code(404).body(fixture("404.json")).build());
    try (DiscogsClient client = client()) {
      assertThatThrownBy(() -> client.release(new DiscogsRef(Kind.RELEASE, 123)))
          .isInstanceOfSatisfying(
              DiscogsException.class, e -> assertThat(e.status()).isEqualTo(404))
          .hasMessage("Discogs has no release 123");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void a429WithRetryAfterIsWaitedOutThenSucceeds() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", "3")
            .body("{\"message\": \"You are making requests too quickly.\"}")
            .build());
    server.enqueue(ok("release-30797823.json"));
    try (DiscogsClient client = client()) {
      assertThat(client.release(RELEASE).title()).isEqualTo("Beyond Starlit Sky");
    }
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aLongRetryAfterIsCappedAndReportedWhenItNeverEnds() {
    for (int i = 0; i < DiscogsHttp.MAX_ATTEMPTS; i++) {
      server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "45").build());
    }
    try (DiscogsClient client = client()) {
      assertThatThrownBy(() -> client.release(RELEASE))
          .isInstanceOfSatisfying(
              DiscogsException.class, e -> assertThat(e.status()).isEqualTo(503))
          .hasMessage("Discogs rate limit reached; try again in 45 s");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
  }

  @Test
  void serverErrorsAreRetriedWithBackoffThen502() {
    server.enqueue(status(500));
    server.enqueue(status(502));
    server.enqueue(status(503));
    try (DiscogsClient client = client()) {
      assertThatThrownBy(() -> client.release(RELEASE))
          .isInstanceOfSatisfying(
              DiscogsException.class, e -> assertThat(e.status()).isEqualTo(502))
          .hasMessage("Discogs answered HTTP 503 for release 30797823; try again later");
    }
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void aServerErrorThenSuccessSucceeds() throws Exception {
    server.enqueue(status(500));
    server.enqueue(ok("release-30797823.json"));
    try (DiscogsClient client = client()) {
      assertThat(client.release(RELEASE).id()).isEqualTo(30797823);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void malformedJsonIs502AndNotCached(@TempDir Path cache) throws Exception {
    server.enqueue(ok("404.json").newBuilder().body("{\"id\": 30797823, \"title\": ").build());
    server.enqueue(ok("release-30797823.json"));
    try (DiscogsClient client = client(null, cache, TIMEOUT)) {
      assertThatThrownBy(() -> client.release(RELEASE))
          .isInstanceOfSatisfying(
              DiscogsException.class, e -> assertThat(e.status()).isEqualTo(502))
          .hasMessage("Discogs answered something that is not a release");
      // the garbled answer was not kept: the next call asks again and gets the release
      assertThat(client.release(RELEASE).id()).isEqualTo(30797823);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void jsonWithoutAReleaseIs502() {
    server.enqueue(new MockResponse.Builder().body("[1, 2, 3]").build());
    server.enqueue(new MockResponse.Builder().body("{\"message\": \"hello\"}").build());
    try (DiscogsClient client = client()) {
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> client.release(RELEASE))
            .isInstanceOfSatisfying(
                DiscogsException.class, e -> assertThat(e.status()).isEqualTo(502))
            .hasMessage("Discogs answered something that is not a release");
      }
    }
  }

  @Test
  void anAnswerSlowerThanTheTimeoutIs503AfterRetries() {
    for (int i = 0; i < DiscogsHttp.MAX_ATTEMPTS; i++) {
      server.enqueue(
          ok("release-30797823.json").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
    }
    try (DiscogsClient client = client(null, null, Duration.ofMillis(200))) {
      assertThatThrownBy(() -> client.release(RELEASE))
          .isInstanceOfSatisfying(
              DiscogsException.class, e -> assertThat(e.status()).isEqualTo(503))
          .hasMessageStartingWith("Discogs did not answer: ");
    }
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void anAnswerOverTheSizeBoundIsRefused() {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body("{\"title\":\"" + "x".repeat((int) DiscogsHttp.MAX_BODY_BYTES) + "\"}")
            .build());
    try (DiscogsClient client = client()) {
      assertThatThrownBy(() -> client.release(RELEASE))
          .isInstanceOfSatisfying(
              DiscogsException.class, e -> assertThat(e.status()).isEqualTo(502))
          .hasMessage("Discogs answered more than 8 MB for release 30797823; refused");
    }
  }

  @Test
  void redirectsAreFollowedWithinDiscogsOnly() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(301)
            .addHeader("Location", "/releases/30797823?v=2")
            .build());
    server.enqueue(ok("release-30797823.json"));
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", "http://evil.example/releases/30797823")
            .build());
    try (DiscogsClient client = client()) {
      assertThat(client.release(RELEASE).title()).isNotBlank();
      assertThatThrownBy(() -> client.release(new DiscogsRef(Kind.RELEASE, 555)))
          .isInstanceOfSatisfying(
              DiscogsException.class, e -> assertThat(e.status()).isEqualTo(502))
          .hasMessage(
              "Discogs redirected release 555 to evil.example, which is not Discogs; refused");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aReleaseOfAHundredThousandTracksIsReadUpToTheBound() throws Exception {
    StringBuilder tracks = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      tracks
          .append(i == 0 ? "" : ",")
          .append("{\"position\":\"")
          .append(i)
          .append("\",\"title\":\"T")
          .append(i)
          .append("\",\"type_\":\"track\"}");
    }
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(
                "{\"id\":30797823,\"title\":\"Huge\",\"artists\":[{\"name\":\"A\"}],"
                    + "\"tracklist\":["
                    + tracks
                    + "]}")
            .build());
    try (DiscogsClient client = client()) {
      assertThat(client.release(RELEASE).tracks()).hasSize(DiscogsJson.MAX_TRACKS);
    }
  }

  @Test
  void upstreamCallsAreBoundedOverAllRequests() throws Exception {
    for (int i = 0; i < DiscogsHttp.MAX_CONCURRENT; i++) {
      server.enqueue(
          ok("release-30797823.json").newBuilder().headersDelay(8, TimeUnit.SECONDS).build());
    }
    try (DiscogsClient client = client(null, null, Duration.ofSeconds(20))) {
      List<Thread> busy = new ArrayList<>();
      for (int i = 0; i < DiscogsHttp.MAX_CONCURRENT; i++) {
        busy.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      try {
                        client.release(RELEASE);
                      } catch (DiscogsException e) {
                        throw new IllegalStateException(e);
                      }
                    }));
      }
      await("all " + DiscogsHttp.MAX_CONCURRENT + " lookups at Discogs")
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> server.getRequestCount() >= DiscogsHttp.MAX_CONCURRENT);
      assertThatThrownBy(() -> client.release(RELEASE))
          .isInstanceOfSatisfying(
              DiscogsException.class, e -> assertThat(e.status()).isEqualTo(503))
          .hasMessage("too many Discogs lookups at once; try again in a few seconds");
      for (Thread t : busy) { // each answered after 8 s
        assertThat(t.join(Duration.ofSeconds(30))).as("%s ended", t).isTrue();
      }
    }
    assertThat(server.getRequestCount()).isEqualTo(DiscogsHttp.MAX_CONCURRENT);
  }

  @Test
  void theCacheForgetsOldEntriesAndKeepsTheNewest(@TempDir Path dir) throws Exception {
    ResponseCache cache = new ResponseCache(dir, 3);
    for (int i = 0; i < 5; i++) {
      cache.put("k" + i, "v" + i);
    }
    // oldest first by modification time
    for (int i = 0; i < 5; i++) {
      try (var files = java.nio.file.Files.list(dir)) {
        for (Path f : files.toList()) {
          if (java.nio.file.Files.readString(f).equals("v" + i)) {
            java.nio.file.Files.setLastModifiedTime(
                f,
                java.nio.file.attribute.FileTime.fromMillis(
                    System.currentTimeMillis() - (10 - i) * 60_000L));
          }
        }
      }
    }
    cache.prune();
    assertThat(cache.get("k0")).isEmpty();
    assertThat(cache.get("k1")).isEmpty();
    assertThat(cache.get("k4")).contains("v4");
    // an entry past its age is a miss
    try (var files = java.nio.file.Files.list(dir)) {
      for (Path f : files.toList()) {
        java.nio.file.Files.setLastModifiedTime(
            f,
            java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(ResponseCache.MAX_AGE).minusSeconds(60)));
      }
    }
    assertThat(cache.get("k4")).isEmpty();
  }

  @Test
  void noServerIs503() throws Exception {
    String url = server.url("/").toString();
    server.close();
    try (DiscogsClient client = new DiscogsClient(url, null, null, TIMEOUT, sleeper)) {
      assertThatThrownBy(() -> client.release(RELEASE))
          .isInstanceOfSatisfying(
              DiscogsException.class, e -> assertThat(e.status()).isEqualTo(503))
          .hasMessageStartingWith("Discogs did not answer: ");
    }
  }

  @Test
  void sendsTheTokenAndUserAgent() throws Exception {
    server.enqueue(ok("release-30797823.json"));
    server.enqueue(ok("release-30797823.json"));
    try (DiscogsClient client = client("s3cret", null, TIMEOUT)) {
      client.release(RELEASE);
    }
    try (DiscogsClient client = client(null, null, TIMEOUT)) {
      client.release(RELEASE);
    }
    RecordedRequest withToken = received(server);
    assertThat(withToken.getHeaders().get("Authorization")).isEqualTo("Discogs token=s3cret");
    assertThat(withToken.getHeaders().get("User-Agent"))
        .isEqualTo("Cratedigger/0.1 +https://github.com/cratedigger");
    RecordedRequest anonymous = received(server);
    assertThat(anonymous.getHeaders().get("Authorization")).isNull();
    assertThat(anonymous.getHeaders().get("User-Agent"))
        .isEqualTo("Cratedigger/0.1 +https://github.com/cratedigger");
  }

  @Test
  void pausesWhenDiscogsSaysNoRequestsRemain() throws Exception {
    server.enqueue(
        ok("master-123.json").newBuilder().addHeader("X-Discogs-Ratelimit-Remaining", "0").build());
    server.enqueue(
        ok("release-30797823.json")
            .newBuilder()
            .addHeader("X-Discogs-Ratelimit-Remaining", "24")
            .build());
    try (DiscogsClient client = client()) {
      client.release(new DiscogsRef(Kind.MASTER, 123));
    }
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void theCacheAnswersASecondCallWithoutARequest(@TempDir Path cache) throws Exception {
    server.enqueue(ok("release-30797823.json"));
    try (DiscogsClient client = client(null, cache, TIMEOUT)) {
      DiscogsRelease first = client.release(RELEASE);
      assertThat(client.release(RELEASE)).isEqualTo(first);
    }
    // a new client (the next run of the CLI) finds it on disk too
    try (DiscogsClient client = client(null, cache, TIMEOUT)) {
      assertThat(client.release(RELEASE).title()).isEqualTo("Beyond Starlit Sky");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aCollectionIsPagedWithTheTracklistOfEachRelease(@TempDir Path cache) throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return switch (request.getTarget()) {
              case "/users/digger/collection/folders/0/releases?page=1&per_page=100" ->
                  ok("collection-page-1.json");
              case "/users/digger/collection/folders/0/releases?page=2&per_page=100" ->
                  ok("collection-page-2.json");
              case "/releases/1001" -> ok("release-1001.json");
              case "/releases/1002" -> ok("release-1002.json");
              case "/releases/1003" -> ok("release-1003.json");
              default -> new MockResponse.Builder().code(404).body(fixture("404.json")).build();
            };
          }
        });
    List<Integer> pages = new ArrayList<>();
    List<DiscogsRelease> releases;
    try (DiscogsClient client = client(null, cache, TIMEOUT)) {
      releases = client.collection("digger", pages::add);
    }

    assertThat(pages).containsExactly(1, 2);
    // 1001 is owned twice and listed once
    assertThat(releases).extracting(DiscogsRelease::id).containsExactly(1001L, 1002L, 1003L);
    DiscogsRelease saw = releases.get(0);
    assertThat(saw.title()).isEqualTo("Selected Ambient Works 85-92");
    assertThat(saw.artists()).containsExactly("Aphex Twin");
    assertThat(saw.labels()).containsExactly("Apollo");
    assertThat(saw.styles()).containsExactly("Ambient", "Techno");
    assertThat(saw.year()).isEqualTo(1992);
    assertThat(saw.tracks())
        .containsExactly(
            new DiscogsTrack("A1", "Xtal", List.of("Aphex Twin"), "4:51"),
            new DiscogsTrack("A2", "Tha", List.of("Aphex Twin"), "9:01"));
    // Discogs' year 0 means unknown
    assertThat(releases.get(1).year()).isNull();
    assertThat(releases.get(2).tracks())
        .extracting(DiscogsTrack::title)
        .containsExactly("Domina (Maurizio Mix)");
    // two pages and three releases; the second copy of 1001 costs nothing
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void anUnknownUserIs404() {
    server.enqueue(
        new MockResponse.Builder()
            .code(404)
            .body("{\"message\": \"User does not exist.\"}")
            .build());
    try (DiscogsClient client = client()) {
      assertThatThrownBy(() -> client.collection("nobody here", p -> {}))
          .isInstanceOfSatisfying(
              DiscogsException.class, e -> assertThat(e.status()).isEqualTo(404))
          .hasMessage("Discogs has no user nobody here");
    }
  }

  @Test
  void rejectsABadBaseUrlAndTimeout() {
    assertThatThrownBy(() -> new DiscogsClient("api.discogs.com", null, null, TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https://api.discogs.com");
    assertThatThrownBy(
            () -> new DiscogsClient("https://api.discogs.com", null, null, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Discogs timeout must be positive, got PT0S");
  }
}
