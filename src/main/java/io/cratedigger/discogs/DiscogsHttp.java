package io.cratedigger.discogs;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * GETs from the Discogs API the way Discogs asks clients to behave: a User-Agent naming us, the
 * token when we have one, retries with backoff on 429, 5xx and network errors, {@code Retry-After}
 * honoured, and a pause when {@code X-Discogs-Ratelimit-Remaining} reaches 0.
 */
final class DiscogsHttp {
  static final String USER_AGENT = "Cratedigger/0.1 +https://github.com/cratedigger";
  static final int MAX_ATTEMPTS = 3;

  /** First backoff after a 5xx or network error; doubled per attempt. */
  static final Duration BACKOFF = Duration.ofMillis(500);

  /** The longest we wait on a 429's Retry-After; longer waits are reported to the caller. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);

  /** The pause when Discogs says no requests remain in its moving window. */
  static final Duration RATE_LIMIT_PAUSE = Duration.ofSeconds(1);

  /** The largest answer read (a release with a long tracklist is a few hundred KB). */
  static final long MAX_BODY_BYTES = 8L << 20;

  /** Calls to Discogs in flight at once, over all requests this server answers. */
  static final int MAX_CONCURRENT = 4;

  /** How long a request waits for one of the {@link #MAX_CONCURRENT} slots before giving up. */
  static final Duration SLOT_WAIT = Duration.ofSeconds(5);

  private final java.util.concurrent.Semaphore slots =
      new java.util.concurrent.Semaphore(MAX_CONCURRENT, true);

  /** Discogs' rate-limit window is a minute; the wait we name when it sends no Retry-After. */
  private static final long DEFAULT_RETRY_AFTER_SECONDS = 60;

  private final OkHttpClient http;
  private final String token;
  private final Sleeper sleeper;
  private final AtomicBoolean exhausted = new AtomicBoolean();

  private final String host;

  /** Redirects followed at most for one GET. */
  static final int MAX_REDIRECTS = 3;

  DiscogsHttp(OkHttpClient http, String token, Sleeper sleeper, String host) {
    this.http = http;
    this.token = token;
    this.sleeper = sleeper;
    this.host = host;
  }

  /**
   * The body of a successful GET.
   *
   * @param what how a 404 names the missing thing, e.g. {@code release 123}
   */
  String get(HttpUrl url, String what) throws DiscogsException {
    Request.Builder request = new Request.Builder().url(url).header("User-Agent", USER_AGENT);
    if (token != null && !token.isBlank()) {
      request.header("Authorization", "Discogs token=" + token.strip());
    }
    // a bounded number of upstream calls at once: with Discogs slow, hundreds of requests would
    // otherwise each hold a call (and a thread) open
    boolean got;
    try {
      got = slots.tryAcquire(SLOT_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DiscogsException(503, "Discogs did not answer: interrupted while waiting", e);
    }
    if (!got) {
      throw new DiscogsException(
          503, "too many Discogs lookups at once; try again in a few seconds");
    }
    try {
      return execute(request.build(), what);
    } finally {
      slots.release();
    }
  }

  /** Whether a request may go to {@code host}: the configured one, or Discogs'. */
  static boolean allowedHost(String host, String configured) {
    String h = host.toLowerCase(java.util.Locale.ROOT);
    return h.equals(configured.toLowerCase(java.util.Locale.ROOT))
        || h.equals("discogs.com")
        || h.endsWith(".discogs.com");
  }

  /** The body, refused past {@link #MAX_BODY_BYTES} without reading the rest. */
  private static String body(Response response, String what) throws IOException, DiscogsException {
    okhttp3.ResponseBody body = response.body();
    long declared = body.contentLength();
    if (declared > MAX_BODY_BYTES) {
      throw tooLarge(what);
    }
    okio.BufferedSource source = body.source();
    if (source.request(MAX_BODY_BYTES + 1)) {
      throw tooLarge(what);
    }
    return source.getBuffer().readString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static DiscogsException tooLarge(String what) {
    return new DiscogsException(
        502,
        "Discogs answered more than " + (MAX_BODY_BYTES >> 20) + " MB for " + what + "; refused");
  }

  private String execute(Request request, String what) throws DiscogsException {
    int redirects = 0;
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt == MAX_ATTEMPTS;
      if (exhausted.getAndSet(false)) {
        sleep(RATE_LIMIT_PAUSE);
      }
      Duration wait;
      try (Response response = http.newCall(request).execute()) {
        if ("0".equals(response.header("X-Discogs-Ratelimit-Remaining"))) {
          exhausted.set(true);
        }
        int code = response.code();
        if (response.isSuccessful()) {
          return body(response, what);
        }
        if (response.isRedirect()) {
          HttpUrl target = request.url().resolve(String.valueOf(response.header("Location")));
          if (target == null || !allowedHost(target.host(), host)) {
            throw new DiscogsException(
                502,
                "Discogs redirected "
                    + what
                    + " to "
                    + (target == null ? "an unreadable address" : target.host())
                    + ", which is not Discogs; refused");
          }
          if (++redirects > MAX_REDIRECTS) {
            throw new DiscogsException(502, "Discogs redirected " + what + " too many times");
          }
          request = request.newBuilder().url(target).build();
          attempt--; // a redirect is not a failed attempt
          continue;
        }
        if (code == 404) {
          throw new DiscogsException(404, "Discogs has no " + what);
        }
        if (code == 401 || code == 403) {
          throw new DiscogsException(
              403,
              "Discogs refused access to "
                  + what
                  + " (HTTP "
                  + code
                  + "); it may be private, or the token may be wrong");
        }
        if (code == 429) {
          long seconds = retryAfterSeconds(response.header("Retry-After"));
          if (last) {
            throw new DiscogsException(
                503, "Discogs rate limit reached; try again in " + seconds + " s");
          }
          Duration asked = Duration.ofSeconds(seconds);
          wait = asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
        } else if (code >= 500) {
          if (last) {
            throw new DiscogsException(
                502, "Discogs answered HTTP " + code + " for " + what + "; try again later");
          }
          wait = backoff(attempt);
        } else {
          throw new DiscogsException(
              502, "Discogs answered HTTP " + code + " for " + what + ", which we did not expect");
        }
      } catch (IOException e) {
        if (last) {
          throw new DiscogsException(503, "Discogs did not answer: " + describe(e), e);
        }
        wait = backoff(attempt);
      }
      sleep(wait);
    }
  }

  private static Duration backoff(int attempt) {
    return BACKOFF.multipliedBy(1L << (attempt - 1));
  }

  /** Retry-After in seconds; Discogs sends whole seconds, anything else means its window. */
  private static long retryAfterSeconds(String header) {
    if (header != null) {
      try {
        long seconds = Long.parseLong(header.strip());
        if (seconds >= 0) {
          return seconds;
        }
      } catch (NumberFormatException e) {
        // an HTTP date or garbage: fall back to Discogs' one-minute window
      }
    }
    return DEFAULT_RETRY_AFTER_SECONDS;
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private void sleep(Duration duration) throws DiscogsException {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DiscogsException(503, "Discogs did not answer: interrupted while waiting", e);
    }
  }
}
