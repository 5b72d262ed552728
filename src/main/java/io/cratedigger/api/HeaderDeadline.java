package io.cratedigger.api;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;

/**
 * A deadline for a connection's first request: a client that opens a connection and drips its
 * headers a byte at a time resets the idle timeout with every byte, so only a deadline from the
 * moment the connection opens ends it. Later requests on a kept-alive connection have the idle
 * timeout.
 */
final class HeaderDeadline implements Connection.Listener {
  private final Duration deadline;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("header-deadline").unstarted(r));

  HeaderDeadline(Duration deadline) {
    this.deadline = deadline;
  }

  @Override
  public void onOpened(Connection c) {
    timer.schedule(
        () -> {
          if (c.getMessagesIn() == 0 && c.getEndPoint().isOpen()) {
            c.getEndPoint().close(); // no complete request in all that time
          }
        },
        deadline.toMillis(),
        TimeUnit.MILLISECONDS);
  }
}
