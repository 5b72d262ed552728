package io.cratedigger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token guesses are throttled per address and in all; 401 says how to authenticate. */
class AdminGuardTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final AdminGuard guard = new AdminGuard("s3cret", now::get);

  private ApiException refused(String address, String auth) {
    try {
      guard.check(address, auth);
    } catch (ApiException e) {
      return e;
    }
    throw new AssertionError("passed");
  }

  @Test
  void fiveWrongTokensThrottleTheAddressForTheWindow() {
    for (int i = 0; i < AdminGuard.MAX_FAILURES; i++) {
      ApiException e = refused("10.0.0.1", "Bearer guess" + i);
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.headers())
          .containsEntry("WWW-Authenticate", "Bearer realm=\"cratedigger admin\"");
    }
    now.addAndGet(20_000);
    ApiException throttled = refused("10.0.0.1", "Bearer s3cret"); // even the right one
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.getMessage()).isEqualTo("too many wrong admin tokens; try again in 40 s");
    assertThat(throttled.headers()).containsEntry("Retry-After", "40");
    // another address is not throttled by this one
    guard.check("10.0.0.2", "Bearer s3cret");
    // after the window, the right token passes again and clears the count
    now.addAndGet(40_000);
    guard.check("10.0.0.1", "Bearer s3cret");
    assertThat(refused("10.0.0.1", null).status()).isEqualTo(401);
  }

  @Test
  void guessesFromManyAddressesAreBoundedInAll() {
    for (int i = 0; i < AdminGuard.MAX_GLOBAL_FAILURES; i++) {
      assertThat(refused("10.1.0." + i, "Bearer x").status()).isEqualTo(401);
    }
    assertThat(refused("10.2.0.1", "Bearer x").status()).isEqualTo(429);
    now.addAndGet(AdminGuard.WINDOW_MS);
    assertThatThrownBy(() -> guard.check("10.2.0.1", "Bearer x"))
        .isInstanceOf(ApiException.class)
        .hasMessage("a valid admin token is required (Authorization: Bearer TOKEN)");
  }
}
