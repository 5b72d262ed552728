package io.cratedigger;

import org.junit.jupiter.api.Assumptions;

/**
 * The OpenSearch node the cluster tests run against: {@code CRATEDIGGER_OPENSEARCH_URL}, which
 * {@code .ci/run} sets after {@code tools/opensearch-node start}. Without it a test is skipped,
 * unless {@code CRATEDIGGER_REQUIRE_OPENSEARCH} is set (as in CI): then it fails.
 */
public final class OpenSearchTestNode {
  private OpenSearchTestNode() {}

  /** The node's URL, as set; aborts (or fails) the calling test when there is none. */
  public static String url() {
    String url = System.getenv("CRATEDIGGER_OPENSEARCH_URL");
    if (url == null || url.isBlank()) {
      String why =
          "CRATEDIGGER_OPENSEARCH_URL is not set: start a node with `tools/opensearch-node start`"
              + " and set it to the URL that prints";
      if (System.getenv("CRATEDIGGER_REQUIRE_OPENSEARCH") != null) {
        throw new AssertionError("OPENSEARCH TEST REQUIRED BUT CANNOT RUN: " + why);
      }
      Assumptions.abort(why);
    }
    return url;
  }
}
