package io.cratedigger.discogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cratedigger.discogs.DiscogsRef.Kind;
import java.nio.file.Files;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** What the client counts for the metrics: answers from the cache, from Discogs, and failures. */
class DiscogsCountsTest {
  @Test
  void cacheHitsFetchesAndFailuresAreCounted() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(DiscogsClientTest.ok("release-30797823.json"));
      server.enqueue(
          new MockResponse.Builder().code(404).body(DiscogsClientTest.fixture("404.json")).build());
      try (DiscogsClient client =
          new DiscogsClient(
              server.url("/").toString(),
              null,
              Files.createTempDirectory("discogs-cache"),
              Duration.ofSeconds(5),
              d -> {})) {
        assertThat(client.counts()).isEqualTo(new DiscogsClient.Counts(0, 0, 0));
        DiscogsRef release = new DiscogsRef(Kind.RELEASE, 30797823);
        client.release(release); // from Discogs
        client.release(release); // from the cache
        assertThatThrownBy(() -> client.release(new DiscogsRef(Kind.RELEASE, 123)))
            .isInstanceOf(DiscogsException.class);
        assertThat(client.counts()).isEqualTo(new DiscogsClient.Counts(1, 1, 1));
      }
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }
}
