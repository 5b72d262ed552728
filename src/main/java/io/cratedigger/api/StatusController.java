package io.cratedigger.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cratedigger.ops.Metrics;
import io.cratedigger.ops.Startup;
import io.cratedigger.search.TrackSource;
import io.cratedigger.view.KeysView;
import java.util.List;

/**
 * Liveness, readiness, the Camelot table and the metrics: what operators and the page ask first.
 */
record StatusController(TrackSource source, Startup startup, Metrics metrics)
    implements Controller {

  /**
   * {@code /api/health}: the process answers; the catalog's size and generation, if open, and where
   * the index lives ({@code lucene}: embedded in this process; {@code opensearch}: a cluster, then
   * with the cluster's health: {@code green}, {@code yellow}, {@code red} or {@code unreachable}).
   */
  record Health(
      String status,
      long tracks,
      String indexVersion,
      boolean ready,
      String backend,
      @JsonInclude(JsonInclude.Include.NON_NULL) String cluster) {}

  /**
   * {@code /api/ready}: {@code ready} with the catalog's size and generation, or {@code starting}
   * (or {@code failed}) with what is under way (or what went wrong).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Ready(String status, Long tracks, String indexVersion, String detail) {}

  @Override
  public List<Route> routes() {
    return List.of(
        new Route(
            "get",
            "/api/health",
            "Liveness (answers while the first index is prepared), catalog size and generation",
            List.of(),
            ctx -> {
              TrackSource.Served g = source.served();
              ctx.json(
                  new Health(
                      "ok",
                      g.tracks(),
                      g.generation(),
                      g.generation() != null,
                      g.backend(),
                      g.cluster()));
            }),
        new Route(
            "get",
            "/api/ready",
            "Readiness: 200 once an index is open and serving, 503 while it is prepared",
            List.of(),
            ctx -> {
              TrackSource.Served g = source.served();
              if (g.generation() != null) {
                ctx.json(new Ready("ready", (long) g.tracks(), g.generation(), null));
                return;
              }
              String failure =
                  g.cluster() == null
                      ? startup.failure()
                      : "unreachable".equals(g.cluster())
                          ? "the OpenSearch cluster does not answer"
                          : "the OpenSearch cluster has no generation behind the alias yet";
              ctx.status(503).header("Retry-After", "5");
              ctx.json(
                  new Ready(
                      failure == null ? "starting" : "failed",
                      null,
                      null,
                      failure == null ? startup.stage() : failure));
            }),
        new Route(
            "get",
            "/api/keys",
            "The Camelot rules as data: each key's name and its move to every key",
            List.of(),
            ctx -> ctx.json(KeysView.CAMELOT)),
        new Route(
            "get",
            "/metrics",
            "Prometheus metrics (text format); 404 when metrics are off",
            List.of(),
            ctx -> {
              if (!metrics.enabled()) {
                throw new ApiException(
                    404, "not found", "metrics are off (server.metrics in the configuration)");
              }
              ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
            }));
  }
}
