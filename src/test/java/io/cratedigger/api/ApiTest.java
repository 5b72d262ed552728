package io.cratedigger.api;

import static io.cratedigger.JsonFields.integer;
import static io.cratedigger.JsonFields.number;
import static io.cratedigger.JsonFields.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every route of the HTTP contract against a real server on port 0, with good and bad input. */
class ApiTest {
  static TestServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Every request's bound: a server that stops answering fails the test instead of hanging it. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  record Answer(int status, JsonNode json, HttpResponse<String> raw) {}

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static Answer get(String path) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(TIMEOUT).build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), parse(r.body()), r);
  }

  static Answer getWithToken(String path) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), parse(r.body()), r);
  }

  static Answer post(String path, String body, String token) throws Exception {
    var b =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .timeout(TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), parse(r.body()), r);
  }

  static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void health() throws Exception {
    Answer a = get("/api/health");
    assertThat(a.status()).isEqualTo(200);
    assertThat(text(a.json(), "/status")).isEqualTo("ok");
    assertThat(integer(a.json(), "/tracks")).isEqualTo(63);
    assertThat(text(a.json(), "/indexVersion")).startsWith("gen-");
    assertThat(text(a.json(), "/backend")).isEqualTo("lucene");
    assertThat(a.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(a.raw().headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(a.raw().headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
    assertThat(a.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void searchAndOneTrack() throws Exception {
    Answer s = get("/api/tracks/search?q=" + enc("blak lantren") + "&limit=3");
    assertThat(s.status()).isEqualTo(200);
    assertThat(text(s.json(), "/query")).isEqualTo("blak lantren");
    assertThat(text(s.json(), "/hits/0/title")).startsWith("Black Lantern");
    assertThat(s.json().path("hits").get(0).path("score").isNumber()).isTrue();
    Answer t = get("/api/tracks/te01");
    assertThat(t.status()).isEqualTo(200);
    assertThat(text(t.json(), "/camelot")).isEqualTo("8A");
    assertThat(text(t.json(), "/openKey")).isEqualTo("1m");
    assertThat(text(t.json(), "/key")).isEqualTo("A minor");
    assertThat(number(t.json(), "/bpm")).isEqualTo(128.0);
  }

  @Test
  void similarWithFilters() throws Exception {
    Answer a =
        get("/api/tracks/te01/similar?limit=5&exclude_label=drumcode&energy=keep&fusion=rrf");
    assertThat(a.status()).isEqualTo(200);
    assertThat(text(a.json(), "/seed/id")).isEqualTo("te01");
    assertThat(a.json().path("results").size()).isEqualTo(5);
    for (JsonNode r : a.json().path("results")) {
      assertThat(text(r, "/label")).isNotEqualTo("Drumcode");
      assertThat(r.path("components").path("retrieval").isNumber()).isTrue();
      assertThat(r.path("reasons").size()).isPositive();
    }
    assertThat(integer(a.json(), "/stats/candidates")).isPositive();
  }

  @Test
  void browseWithSortAndPages() throws Exception {
    Answer a =
        get("/api/tracks?style=techno&min_tempo=128&sort_by=bpm&order=asc&page=2&per_page=3");
    assertThat(a.status()).isEqualTo(200);
    assertThat(integer(a.json(), "/page")).isEqualTo(2);
    assertThat(integer(a.json(), "/perPage")).isEqualTo(3);
    assertThat(integer(a.json(), "/total")).isEqualTo(16); // techno at 128 BPM or more
    List<Double> bpms = new ArrayList<>();
    a.json().path("tracks").forEach(t -> bpms.add(number(t, "/bpm")));
    assertThat(bpms).hasSize(3).isSorted().allMatch(b -> b >= 128);
    // a style left out: exactly the tracks that have it go (it was once ignored silently)
    Answer techno = get("/api/tracks?style=techno&per_page=100");
    java.util.Map<String, Integer> styles = new java.util.TreeMap<>();
    techno
        .json()
        .path("tracks")
        .forEach(t -> t.path("styles").forEach(v -> styles.merge(v.asString(), 1, Integer::sum)));
    var other =
        styles.entrySet().stream()
            .filter(e -> !e.getKey().equalsIgnoreCase("techno"))
            .findFirst()
            .orElseThrow();
    Answer without =
        get("/api/tracks?style=techno&per_page=100&exclude_style=" + enc(other.getKey()));
    assertThat(integer(without.json(), "/total"))
        .isEqualTo(integer(techno.json(), "/total") - other.getValue());
    // Spotify's name for the same order
    Answer tempo =
        get("/api/tracks?style=techno&min_tempo=128&sort_by=tempo&order=asc&page=2&per_page=3");
    assertThat(tempo.status()).isEqualTo(200);
    assertThat(tempo.json().path("tracks")).isEqualTo(a.json().path("tracks"));
  }

  @Test
  void spotifyRecommendationsGetAndPost() throws Exception {
    Answer a =
        get(
            "/api/recommendations?seed_tracks=dn03&seed_genres=liquid%20funk&limit=4&target_energy=0.95&min_danceability=0.5");
    assertThat(a.status()).isEqualTo(200);
    assertThat(text(a.json(), "/seeds/0/id")).isEqualTo("dn03");
    assertThat(text(a.json(), "/seeds/0/type")).isEqualTo("track");
    assertThat(text(a.json(), "/seeds/1/type")).isEqualTo("genre");
    assertThat(integer(a.json(), "/seeds/0/initialPoolSize")).isPositive();
    assertThat(a.json().path("seeds").get(0).path("afterFilteringSize").isNumber()).isTrue();
    assertThat(a.json().path("tracks").size()).isEqualTo(4);
    a.json()
        .path("tracks")
        .forEach(t -> assertThat(number(t, "/danceability")).isGreaterThanOrEqualTo(0.5));
    Answer p =
        post(
            "/api/recommendations",
            "{\"seed_tracks\":[\"hi05\"],\"limit\":3,\"max_tempo\":95}",
            null);
    assertThat(p.status()).isEqualTo(200);
    assertThat(p.json().path("tracks").size()).isEqualTo(3);
    p.json().path("tracks").forEach(t -> assertThat(number(t, "/bpm")).isLessThanOrEqualTo(95));
  }

  @Test
  void facetsAndClusters() throws Exception {
    Answer labels = get("/api/labels?limit=2");
    assertThat(text(labels.json(), "/items/0/name")).isEqualTo("Kompakt");
    assertThat(integer(labels.json(), "/items/0/tracks")).isEqualTo(10);
    assertThat(get("/api/styles?search=house").json().path("items").size()).isEqualTo(2);
    assertThat(get("/api/genres").json().path("items").size()).isEqualTo(2);
    assertThat(text(get("/api/artists?search=voss").json(), "/items/0/name"))
        .isEqualTo("Nadia Voss");
    Answer artist = get("/api/artists/" + enc("NADIA VOSS"));
    assertThat(artist.status()).isEqualTo(200);
    assertThat(integer(artist.json(), "/tracks")).isEqualTo(4);
    Answer clusters = get("/api/clusters");
    assertThat(clusters.json().path("clusters").size()).isEqualTo(4);
    assertThat(text(clusters.json(), "/clusters/0/name")).isNotBlank();
    Answer one = get("/api/clusters/0?limit=5");
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().path("mix").size()).isEqualTo(5);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/tracks/te01/similar?limit=500 | limit must be 1..100, got 500",
        "/api/tracks/te01/similar?limit=ten | limit must be a whole number 1..100, got \"ten\"",
        "/api/tracks/te01/similar?energy=up | energy must be one of keep, lift, drop, any, got \"up\"",
        "/api/tracks/te01/similar?min_energy=1.5 | min_energy must be 0..1, got 1.5",
        "/api/tracks/te01/similar?min_tempo=130&max_tempo=120 | min_tempo must not exceed max_tempo, got 130 > 120",
        "/api/tracks/te01/similar?style=polka | no style \"polka\" in the catalog",
        "/api/tracks/te01/similar?key_lock=maybe | key_lock must be true or false, got \"maybe\"",
        "/api/tracks/search?q=bpm:%5B120%20TO | the query ends too early; close every range, quote and parenthesis, like bpm:[120 TO 128]",
        "/api/tracks/search | q is required: the words to look up",
        "/api/tracks?sort_by=color | sort_by must be one of popularity, year, bpm, energy, danceability, valence, duration_ms, tempo, relevance, got \"color\"",
        "/api/tracks?style=Techno&exclude_styles=House | unknown parameter exclude_styles; known: exclude_genre, exclude_label, exclude_style, genre, label, max_acousticness, max_danceability, max_duration_ms, max_energy, max_instrumentalness, max_key, max_liveness, max_loudness, max_mode, max_popularity, max_speechiness, max_tempo, max_time_signature, max_valence, max_year, min_acousticness, min_danceability, min_duration_ms, min_energy, min_instrumentalness, min_key, min_liveness, min_loudness, min_mode, min_popularity, min_speechiness, min_tempo, min_time_signature, min_valence, min_year, order, page, per_page, search, sort_by, style",
        "/api/health?verbose=1 | unknown parameter verbose; this route takes none",
        "/api/tracks?page=600&per_page=100 | page × per_page must be at most 10000, got 60000",
        "/api/recommendations | give 1..5 seeds in all (seed_tracks, seed_artists, seed_genres), got 0",
        "/api/recommendations?seed_tracks=a,b,c,d,e,f | seed_tracks takes at most 5 values, got 6",
        "/api/recommendations?seed_artists=nobody | no artist \"nobody\" in the catalog",
        "/api/clusters/x | cluster number must be a whole number, got \"x\"",
        "/api/tracks/te01/similar?bpm_tolerance=NaN | bpm_tolerance must be 0.5..50, got NaN",
        "/api/tracks/search?q=x&limit=1.5 | limit must be a whole number 1..100, got \"1.5\"",
        "/api/tracks/search?q=x&limit=99999999999999999999 | limit must be a whole number 1..100, got \"99999999999999999999\"",
      })
  void badInputAnswers400WithAReason(String path, String detail) throws Exception {
    Answer a = get(path);
    assertThat(a.status()).as(path).isEqualTo(400);
    assertThat(text(a.json(), "/detail")).isEqualTo(detail);
    assertThat(text(a.json(), "/error")).isNotBlank();
    assertThat(a.raw().body()).doesNotContain("Exception").doesNotContain("at io.");
  }

  @Test
  void sortOrderMessageListsEveryKey() throws Exception {
    // the order of sort keys comes from a map; the message must name them all
    Answer a = get("/api/tracks?sort_by=color");
    for (String k :
        List.of(
            "popularity",
            "year",
            "bpm",
            "energy",
            "danceability",
            "valence",
            "duration_ms",
            "relevance")) {
      assertThat(text(a.json(), "/detail")).contains(k);
    }
  }

  @Test
  void unknownThingsAnswer404Json() throws Exception {
    Answer track = get("/api/tracks/nope");
    assertThat(track.status()).isEqualTo(404);
    assertThat(text(track.json(), "/detail")).isEqualTo("no track with id \"nope\" in the catalog");
    assertThat(get("/api/tracks/nope/similar").status()).isEqualTo(404);
    Answer seed = get("/api/recommendations?seed_tracks=zzz");
    assertThat(seed.status()).isEqualTo(404);
    assertThat(text(seed.json(), "/detail")).isEqualTo("no track with id \"zzz\" in the catalog");
    Answer artist = get("/api/artists/nobody");
    assertThat(artist.status()).isEqualTo(404);
    assertThat(text(artist.json(), "/detail")).isEqualTo("no artist \"nobody\" in the catalog");
    Answer cluster = get("/api/clusters/99");
    assertThat(cluster.status()).isEqualTo(404);
    assertThat(text(cluster.json(), "/detail")).isEqualTo("no cluster 99; clusters are 0..3");
    Answer route = get("/api/nothing");
    assertThat(route.status()).isEqualTo(404);
    assertThat(text(route.json(), "/detail")).isEqualTo("no route GET /api/nothing");
    Answer body = post("/api/recommendations", "{bad", null);
    assertThat(body.status()).isEqualTo(400);
    assertThat(text(body.json(), "/detail"))
        .isEqualTo("the body must be a JSON object of parameters");
  }

  @Test
  void openApiDescribesEveryRouteOfTheContract() throws Exception {
    JsonNode doc = get("/openapi.json").json();
    assertThat(text(doc, "/openapi")).startsWith("3.");
    JsonNode paths = doc.path("paths");
    for (String p :
        List.of(
            "/api/health",
            "/api/tracks/search",
            "/api/tracks/{id}",
            "/api/tracks/{id}/similar",
            "/api/tracks",
            "/api/recommendations",
            "/api/artists",
            "/api/artists/{name}",
            "/api/labels",
            "/api/styles",
            "/api/clusters",
            "/api/clusters/{n}",
            "/api/admin/reindex")) {
      assertThat(paths.has(p)).as("%s in openapi.json", p).isTrue();
    }
    assertThat(paths.path("/api/recommendations").has("get")).isTrue();
    assertThat(paths.path("/api/recommendations").has("post")).isTrue();
    List<String> names = new ArrayList<>();
    paths
        .path("/api/recommendations")
        .path("get")
        .path("parameters")
        .forEach(p -> names.add(text(p, "/name")));
    assertThat(names)
        .contains(
            "seed_tracks",
            "seed_artists",
            "seed_genres",
            "limit",
            "min_acousticness",
            "max_danceability",
            "target_energy",
            "min_duration_ms",
            "target_tempo",
            "max_time_signature",
            "target_valence",
            "min_key",
            "max_mode",
            "min_popularity",
            "target_loudness",
            "max_speechiness",
            "min_liveness",
            "max_instrumentalness");
  }

  @Test
  @SuppressWarnings("try") // the lock is held by the try block, not used in it
  void adminReindexNeedsTheTokenAndSwapsWithoutFailingRequests() throws Exception {
    Answer noToken = post("/api/admin/reindex", "", null);
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.raw().headers().firstValue("WWW-Authenticate"))
        .contains("Bearer realm=\"cratedigger admin\"");
    assertThat(text(post("/api/admin/reindex", "", "wrong").json(), "/detail"))
        .isEqualTo("a valid admin token is required (Authorization: Bearer TOKEN)");
    String before = text(get("/api/health").json(), "/indexVersion");
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger ok = new AtomicInteger();
    AtomicReference<String> failure = new AtomicReference<>();
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      clients.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (!stop.get()) {
                      try {
                        Answer a = get("/api/tracks/te01/similar?limit=5");
                        if (a.status() != 200 || a.json().path("results").size() != 5) {
                          failure.compareAndSet(null, a.status() + " " + a.raw().body());
                        }
                        ok.incrementAndGet();
                      } catch (Exception e) {
                        failure.compareAndSet(null, e.toString());
                      }
                    }
                  }));
    }
    await("10 similar requests answered before the rebuild")
        .atMost(Duration.ofSeconds(30))
        .until(() -> failure.get() != null || ok.get() >= 10);
    assertThat(failure.get()).as("a request before the rebuild").isNull();
    Answer r = post("/api/admin/reindex", "", TestServer.ADMIN_TOKEN);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(202);
    String job = text(r.json(), "/job");
    assertThat(r.raw().headers().firstValue("Location")).contains("/api/admin/jobs/" + job);
    // the rebuild runs in a child JVM; the job says how it went
    Answer state =
        await("the rebuild job " + job + " to end")
            .atMost(Duration.ofSeconds(120))
            .until(
                () -> getWithToken("/api/admin/jobs/" + job),
                a -> !text(a.json(), "/state").equals("running"));
    assertThat(text(state.json(), "/state")).as(state.raw().body()).isEqualTo("done");
    assertThat(integer(state.json(), "/report/tracksIndexed")).isEqualTo(63);
    // the server's watcher swaps the child's generation in while the clients keep asking
    await("the server to swap in the rebuilt generation")
        .atMost(Duration.ofSeconds(30))
        .until(() -> text(get("/api/health").json(), "/indexVersion"), v -> !v.equals(before));
    int atSwap = ok.get();
    await("20 more similar requests answered after the swap")
        .atMost(Duration.ofSeconds(30))
        .until(() -> failure.get() != null || ok.get() >= atSwap + 20);
    stop.set(true);
    for (Thread t : clients) {
      assertThat(t.join(Duration.ofSeconds(30))).as("%s stopped", t).isTrue();
    }
    assertThat(failure.get()).isNull();
    assertThat(text(get("/api/health").json(), "/indexVersion")).isNotEqualTo(before);
    // another rebuild holding the index: 409, and no job starts
    try (var held = server.store().lock()) {
      Answer busy = post("/api/admin/reindex", "", TestServer.ADMIN_TOKEN);
      assertThat(busy.status()).isEqualTo(409);
      assertThat(text(busy.json(), "/detail"))
          .startsWith("another rebuild of " + server.store().root() + " is running");
    }
    assertThat(getWithToken("/api/admin/jobs/999").status()).isEqualTo(404);
  }
}
