package io.cratedigger.discogs;

import io.cratedigger.view.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The Discogs API: releases by URL or id (a master resolves to its main release) and a user's
 * public collection with the tracklists of its releases. Thread-safe; close it to release the
 * connection pool.
 */
public final class DiscogsClient implements AutoCloseable {
  /** Discogs' largest page; a 1,000-record collection then takes 10 page requests. */
  static final int PER_PAGE = 100;

  private final HttpUrl base;
  private final OkHttpClient okhttp;
  private final DiscogsHttp http;
  private final ResponseCache cache;
  private final LongAdder cacheHits = new LongAdder();
  private final LongAdder fetched = new LongAdder();
  private final LongAdder failed = new LongAdder();

  /**
   * A client for the Discogs API.
   *
   * @param baseUrl {@code https://api.discogs.com} in production
   * @param token a personal access token, or null (Discogs then allows fewer requests)
   * @param cacheDir where successful answers are kept, or null for no cache
   * @param timeout the connect, read and whole-call timeout of each attempt
   */
  public DiscogsClient(String baseUrl, String token, Path cacheDir, Duration timeout) {
    this(baseUrl, token, cacheDir, timeout, Sleeper.REAL);
  }

  DiscogsClient(String baseUrl, String token, Path cacheDir, Duration timeout, Sleeper sleeper) {
    HttpUrl parsed = baseUrl == null ? null : HttpUrl.parse(baseUrl);
    if (parsed == null) {
      throw new IllegalArgumentException(
          "Discogs base URL must be an http(s) URL like https://api.discogs.com, got \""
              + baseUrl
              + "\"");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("Discogs timeout must be positive, got " + timeout);
    }
    this.base = parsed;
    this.okhttp =
        new OkHttpClient.Builder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(timeout)
            // we retry ourselves, with backoff and a count
            .retryOnConnectionFailure(false)
            // redirects are followed by DiscogsHttp, and only to Discogs
            .followRedirects(false)
            .followSslRedirects(false)
            .build();
    this.http = new DiscogsHttp(okhttp, token, sleeper, parsed.host());
    this.cache = cacheDir == null ? null : new ResponseCache(cacheDir);
  }

  /**
   * The release a reference names; a master resolves to its main release.
   *
   * @throws DiscogsException 404 when Discogs has no such release or master, 502 or 503 when it
   *     answers badly or not at all
   */
  public DiscogsRelease release(DiscogsRef ref) throws DiscogsException {
    long releaseId = ref.id();
    if (ref.kind() == DiscogsRef.Kind.MASTER) {
      OptionalLong main =
          DiscogsJson.mainRelease(read(url(ref.apiPath()), true, ref.toString(), "master"));
      if (main.isEmpty()) {
        throw new DiscogsException(502, "Discogs answered something that is not a master");
      }
      releaseId = main.getAsLong();
    }
    String what = "release " + releaseId;
    return DiscogsJson.release(read(url("/releases/" + releaseId), true, what, "release"));
  }

  /**
   * A user's collection (all folders), with each release's tracklist. Pages are not cached, as a
   * collection changes; the releases in it are.
   *
   * @param progressPages told each page number once its releases are fetched
   * @throws DiscogsException 404 for an unknown user, 403 for a private collection
   */
  public List<DiscogsRelease> collection(String username, IntConsumer progressPages)
      throws DiscogsException {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("a Discogs username is needed, got \"" + username + "\"");
    }
    String user = username.strip();
    List<DiscogsRelease> releases = new ArrayList<>();
    Set<Long> seen = new LinkedHashSet<>();
    int pages = 1;
    for (int page = 1; page <= pages; page++) {
      HttpUrl url =
          base.newBuilder()
              .addPathSegment("users")
              .addPathSegment(user)
              .addPathSegments("collection/folders/0/releases")
              .addQueryParameter("page", Integer.toString(page))
              .addQueryParameter("per_page", Integer.toString(PER_PAGE))
              .build();
      JsonNode body = read(url, false, "user " + user, "collection");
      JsonNode items = body.path("releases");
      if (!items.isArray()) {
        throw new DiscogsException(502, "Discogs answered something that is not a collection");
      }
      pages = (int) Math.max(page, DiscogsJson.id(body.path("pagination").path("pages")));
      for (JsonNode item : items) {
        DiscogsRelease basic = DiscogsJson.release(item.path("basic_information"));
        // the same record owned twice is one release to the catalog
        if (seen.add(basic.id())) {
          releases.add(basic.withTracks(tracklist(basic.id())));
        }
      }
      if (progressPages != null) {
        progressPages.accept(page);
      }
    }
    return releases;
  }

  private List<DiscogsTrack> tracklist(long releaseId) throws DiscogsException {
    try {
      return release(new DiscogsRef(DiscogsRef.Kind.RELEASE, releaseId)).tracks();
    } catch (DiscogsException e) {
      if (e.status() == 404) {
        // a release removed from Discogs still counts as owned; it just has no tracks to join
        return List.of();
      }
      throw e;
    }
  }

  /**
   * A JSON object from the cache or from Discogs; only answers that parse are cached, so a garbled
   * answer is asked for again next time.
   *
   * @param what how a 404 names the missing thing, e.g. {@code release 123}
   * @param noun what the answer should be, for the message when it is not
   */
  private JsonNode read(HttpUrl url, boolean cacheable, String what, String noun)
      throws DiscogsException {
    String key = url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
    if (cacheable && cache != null) {
      Optional<String> hit = cache.get(key);
      if (hit.isPresent()) {
        JsonNode node = parse(hit.get());
        if (node != null) {
          cacheHits.increment();
          return node;
        }
      }
    }
    String body;
    try {
      body = http.get(url, what);
    } catch (DiscogsException | RuntimeException e) {
      failed.increment();
      throw e;
    }
    JsonNode node = parse(body);
    if (node == null) {
      failed.increment();
      throw new DiscogsException(502, "Discogs answered something that is not a " + noun);
    }
    fetched.increment();
    if (cacheable && cache != null) {
      cache.put(key, body);
    }
    return node;
  }

  /**
   * Look-ups answered from the cache, fetched from Discogs, and failed, since this client began.
   */
  public record Counts(long cacheHits, long fetched, long failed) {}

  public Counts counts() {
    return new Counts(cacheHits.sum(), fetched.sum(), failed.sum());
  }

  /** The JSON object in {@code body}, or null when it is not one. */
  private JsonNode parse(String body) {
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  private HttpUrl url(String path) {
    return base.newBuilder().addPathSegments(path.substring(1)).build();
  }

  @Override
  public void close() {
    okhttp.dispatcher().executorService().shutdown();
    okhttp.connectionPool().evictAll();
  }
}
