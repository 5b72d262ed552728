package io.cratedigger.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Checks the admin token and throttles guessing: after {@link #MAX_FAILURES} wrong tokens from one
 * address within {@link #WINDOW_MS}, that address gets 429 (with {@code Retry-After}) until the
 * window has passed, right token or not; across all addresses at most {@link #MAX_GLOBAL_FAILURES}
 * wrong tokens per window. Unthrottled, a client could try about 2,000 tokens a second.
 */
final class AdminGuard {
  static final int MAX_FAILURES = 5;
  static final int MAX_GLOBAL_FAILURES = 50;
  static final long WINDOW_MS = 60_000;

  /** Addresses remembered at most (the oldest are forgotten first). */
  private static final int MAX_ADDRESSES = 10_000;

  private final byte[] token;
  private final LongSupplier clock;
  private final Map<String, long[]> failures = // address -> {window start, count}
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> e) {
          return size() > MAX_ADDRESSES;
        }
      };
  private long globalStart;
  private int globalCount;

  AdminGuard(String token, LongSupplier clock) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /**
   * Passes when {@code authorization} carries the token.
   *
   * @throws ApiException 429 while the address (or everyone) is throttled, 401 for a wrong token
   */
  synchronized void check(String address, String authorization) {
    long now = clock.getAsLong();
    long[] f = failures.get(address);
    if (f != null && now - f[0] >= WINDOW_MS) {
      failures.remove(address);
      f = null;
    }
    if (now - globalStart >= WINDOW_MS) {
      globalStart = now;
      globalCount = 0;
    }
    if ((f != null && f[1] >= MAX_FAILURES) || globalCount >= MAX_GLOBAL_FAILURES) {
      long since = f != null && f[1] >= MAX_FAILURES ? f[0] : globalStart;
      long retry = Math.max(1, (WINDOW_MS - (now - since) + 999) / 1000);
      throw new ApiException(
              429, "too many requests", "too many wrong admin tokens; try again in " + retry + " s")
          .withHeader("Retry-After", Long.toString(retry));
    }
    String given =
        authorization != null && authorization.startsWith("Bearer ")
            ? authorization.substring(7)
            : "";
    // constant time: the comparison must not tell how much of a guess was right
    if (MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token)) {
      failures.remove(address);
      return;
    }
    if (f == null) {
      f = new long[] {now, 0};
      failures.put(address, f);
    }
    f[1]++;
    globalCount++;
    throw new ApiException(
            401, "unauthorized", "a valid admin token is required (Authorization: Bearer TOKEN)")
        .withHeader("WWW-Authenticate", "Bearer realm=\"cratedigger admin\"");
  }
}
