package io.cratedigger.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cluster's URL and credentials: from the environment only, never shown. */
class ClusterSettingsTest {
  private static final Map<String, String> BASIC =
      Map.of(ClusterSettings.USER, "digger", ClusterSettings.PASSWORD, "s3cret-Pa55");

  @Test
  void defaultsAndNoCredentials() {
    ClusterSettings s = ClusterSettings.of("http://127.0.0.1:9201", null, null, Map.of());
    assertThat(s.location()).isEqualTo("http://127.0.0.1:9201");
    assertThat(s.shards()).isEqualTo(1);
    assertThat(s.replicas()).isEqualTo(1);
    assertThat(s.credentials().kind()).isEqualTo("none");
    assertThat(s.credentials().authorization()).isNull();
    assertThat(s)
        .hasToString("ClusterSettings[url=http://127.0.0.1:9201, auth=none, shards=1, replicas=1]");
  }

  @Test
  void basicAuthenticationFromTheEnvironment() {
    ClusterSettings s = ClusterSettings.of("https://search.example.org:9200", 3, 2, BASIC);
    assertThat(s.credentials().kind()).isEqualTo("basic");
    assertThat(s.credentials().authorization())
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("digger:s3cret-Pa55".getBytes(StandardCharsets.UTF_8)));
    assertThat(s.shards()).isEqualTo(3);
    assertThat(s.replicas()).isEqualTo(2);
  }

  @Test
  void anApiKeyFromTheEnvironment() {
    ClusterSettings s =
        ClusterSettings.of(
            "https://search.example.org",
            null,
            0,
            Map.of(ClusterSettings.API_KEY, "a2V5OnNlY3JldA=="));
    assertThat(s.credentials().kind()).isEqualTo("api key");
    assertThat(s.credentials().authorization()).isEqualTo("ApiKey a2V5OnNlY3JldA==");
    assertThat(s.replicas()).isZero();
  }

  @Test
  void toStringNamesTheKindOfAuthenticationOnly() {
    ClusterSettings basic = ClusterSettings.of("https://h:9200", null, null, BASIC);
    ClusterSettings key =
        ClusterSettings.of(
            "https://h:9200", null, null, Map.of(ClusterSettings.API_KEY, "k3y-XYZ"));
    assertThat(basic.toString())
        .isEqualTo("ClusterSettings[url=https://h:9200, auth=basic, shards=1, replicas=1]")
        .doesNotContain("digger")
        .doesNotContain("s3cret");
    assertThat(basic.credentials().toString()).isEqualTo("basic");
    assertThat(key.toString()).contains("auth=api key").doesNotContain("k3y-XYZ");
    assertThat(key.credentials().toString()).isEqualTo("api key");
  }

  @Test
  void aUrlWithCredentialsIsRefusedWithoutRepeatingThem() {
    assertThatThrownBy(
            () ->
                ClusterSettings.of(
                    "https://admin:hunter2@search.example.org:9200", null, null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not hold credentials")
        .hasMessageContaining("https://***@search.example.org:9200")
        .hasMessageContaining(ClusterSettings.USER)
        .hasMessageContaining(ClusterSettings.API_KEY)
        .hasMessageNotContaining("hunter2")
        .hasMessageNotContaining("admin");
    assertThatThrownBy(() -> ClusterSettings.of("http://token@h:9200", null, null, Map.of()))
        .hasMessageContaining("must not hold credentials")
        .hasMessageNotContaining("token");
  }

  @Test
  void onlyHttpAndHttpsWithAHost() {
    assertThatThrownBy(() -> ClusterSettings.of("ftp://h:21", null, null, Map.of()))
        .hasMessage("the OpenSearch URL must start with http:// or https://, got ftp://h:21");
    assertThatThrownBy(() -> ClusterSettings.of("127.0.0.1:9200", null, null, Map.of()))
        .hasMessageContaining("must start with http:// or https://");
    assertThatThrownBy(() -> ClusterSettings.of("http:///x", null, null, Map.of()))
        .hasMessageContaining("has no host");
    assertThatThrownBy(() -> ClusterSettings.of("http://h:9200/?pretty", null, null, Map.of()))
        .hasMessageContaining("must not have a query");
    assertThatThrownBy(() -> ClusterSettings.of(" ", null, null, Map.of()))
        .hasMessage("the OpenSearch URL is missing");
    assertThat(ClusterSettings.of("https://h/search/", null, null, Map.of()).url().getPath())
        .isEqualTo("/search/");
  }

  @Test
  void halfGivenOrDoubleCredentialsAreRefused() {
    assertThatThrownBy(
            () ->
                ClusterSettings.of("http://h:9200", null, null, Map.of(ClusterSettings.USER, "u")))
        .hasMessage(
            "CRATEDIGGER_OPENSEARCH_USER is set but CRATEDIGGER_OPENSEARCH_PASSWORD is not:"
                + " basic authentication needs both");
    assertThatThrownBy(
            () ->
                ClusterSettings.of(
                    "http://h:9200", null, null, Map.of(ClusterSettings.PASSWORD, "p4ss")))
        .hasMessage(
            "CRATEDIGGER_OPENSEARCH_PASSWORD is set but CRATEDIGGER_OPENSEARCH_USER is not:"
                + " basic authentication needs both")
        .hasMessageNotContaining("p4ss");
    assertThatThrownBy(
            () ->
                ClusterSettings.of(
                    "http://h:9200",
                    null,
                    null,
                    Map.of(
                        ClusterSettings.USER, "u",
                        ClusterSettings.PASSWORD, "p",
                        ClusterSettings.API_KEY, "k")))
        .hasMessage(
            "set either CRATEDIGGER_OPENSEARCH_API_KEY or CRATEDIGGER_OPENSEARCH_USER and"
                + " CRATEDIGGER_OPENSEARCH_PASSWORD, not both");
    // empty variables count as unset
    assertThat(
            ClusterSettings.of(
                    "http://h:9200",
                    null,
                    null,
                    Map.of(ClusterSettings.USER, "", ClusterSettings.API_KEY, ""))
                .credentials()
                .kind())
        .isEqualTo("none");
  }

  @Test
  void shardsAndReplicasInRange() {
    assertThatThrownBy(() -> ClusterSettings.of("http://h:9200", 0, null, Map.of()))
        .hasMessage("shards must be 1..1024, got 0");
    assertThatThrownBy(() -> ClusterSettings.of("http://h:9200", null, -1, Map.of()))
        .hasMessage("replicas must be 0..32, got -1");
  }
}
