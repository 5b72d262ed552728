package io.cratedigger.api;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bound on the engine's work in flight. Requests run on virtual threads, so hundreds of them can
 * wait cheaply, but each search holds memory and competes for two cores: past {@code permits} at
 * once a request waits up to {@code wait} for its turn, then answers 503 with {@code Retry-After}.
 * Health, readiness and the admin routes never queue here.
 */
final class Admission {
  private final Semaphore permits;
  private final int size;
  private final Duration wait;
  private final Runnable onReject;

  Admission(int permits, Duration wait, Runnable onReject) {
    this.permits = new Semaphore(permits, true);
    this.size = permits;
    this.wait = wait;
    this.onReject = onReject;
  }

  /** The default for this machine: four searches per core in flight, two seconds of queue. */
  static Admission forThisMachine(Runnable onReject) {
    return new Admission(
        4 * Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(2), onReject);
  }

  /** Searches holding a turn now. */
  int inFlight() {
    return size - permits.availablePermits();
  }

  /** Searches waiting for a turn now (an estimate, as the semaphore gives it). */
  int waiting() {
    return permits.getQueueLength();
  }

  /** A turn, to be closed when the work is done. */
  AutoCloseable enter() throws InterruptedException {
    if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      onReject.run();
      throw new ApiException(503, "service unavailable", "the server is busy; try again shortly")
          .withHeader("Retry-After", "1");
    }
    return permits::release;
  }
}
