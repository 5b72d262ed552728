package io.cratedigger.api;

import static io.cratedigger.api.Route.Param.query;

import io.cratedigger.InvalidRequestException;
import io.cratedigger.discogs.DiscogsClient;
import io.cratedigger.discogs.DiscogsException;
import io.cratedigger.discogs.DiscogsRef;
import io.cratedigger.discogs.DiscogsRelease;
import io.cratedigger.search.Recommender;
import io.cratedigger.search.ReleaseRecommender;
import io.cratedigger.search.TrackSource;
import io.cratedigger.view.ReleaseView;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code POST /api/discogs/release}: recommendations for a release pasted from Discogs. Discogs
 * unreachable answers 502 (or 503 when it says so), an unknown release 404.
 *
 * @param discogs the client, or null when this server has none (503)
 */
record DiscogsController(TrackSource source, Recommender engine, DiscogsClient discogs)
    implements Controller {

  @Override
  public List<Route> routes() {
    return List.of(
        new Route(
            "post",
            "/api/discogs/release",
            "Recommendations for a Discogs release or master URL (body {\"url\": ...}); 502/503"
                + " when Discogs cannot be reached",
            List.of(
                new Route.Param(
                    "url", "body", "string", "a release or master URL, [r123], or an id"),
                query("limit", "integer", "1..100, default 10")),
            this::release));
  }

  private void release(Context ctx) throws Exception {
    Params p =
        new Params(
            ctx,
            JsonBody.object(
                ctx,
                "the body must be a JSON object like"
                    + " {\"url\": \"https://www.discogs.com/release/123\"}"));
    String url = p.raw("url");
    if (url == null) {
      throw ApiException.badRequest("url is required: a Discogs release or master URL");
    }
    int limit = p.integer("limit", 10, 1, 100);
    DiscogsRef ref;
    try {
      ref = DiscogsRef.parse(url);
    } catch (InvalidRequestException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    if (discogs == null) {
      throw new ApiException(
          503, "unavailable", "the Discogs client is not configured on this server");
    }
    DiscogsRelease release;
    try {
      release = discogs.release(ref);
    } catch (DiscogsException e) {
      int status = e.status() == 404 ? 404 : e.status() == 503 ? 503 : 502;
      throw new ApiException(
          status, status == 404 ? "not found" : "discogs unavailable", e.getMessage());
    }
    var recommender = new ReleaseRecommender(engine);
    ctx.json(ReleaseView.of(source.read(ix -> recommender.recommend(ix, release, limit))));
  }
}
