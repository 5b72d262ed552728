package io.cratedigger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Past its permits a request waits its turn, then is told to come back, not queued forever. */
class AdmissionTest {
  @Test
  @SuppressWarnings("try")
  void pastThePermitsARequestGets503WithRetryAfter() throws Exception {
    java.util.concurrent.atomic.AtomicInteger rejected =
        new java.util.concurrent.atomic.AtomicInteger();
    Admission admission = new Admission(2, Duration.ofMillis(50), rejected::incrementAndGet);
    try (AutoCloseable a = admission.enter();
        AutoCloseable b = admission.enter()) {
      assertThat(admission.inFlight()).isEqualTo(2);
      assertThatThrownBy(admission::enter)
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.headers()).containsEntry("Retry-After", "1");
              })
          .hasMessage("the server is busy; try again shortly");
      assertThat(rejected).hasValue(1);
    }
    assertThat(admission.inFlight()).isZero();
    // the turns were given back
    try (AutoCloseable c = admission.enter();
        AutoCloseable d = admission.enter()) {
      assertThat(c).isNotNull();
    }
  }
}
