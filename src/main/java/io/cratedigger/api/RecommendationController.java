package io.cratedigger.api;

import static io.cratedigger.api.Route.Param.query;

import io.cratedigger.ops.Metrics;
import io.cratedigger.search.RecommendRequest;
import io.cratedigger.search.Recommendations;
import io.cratedigger.search.Recommender;
import io.cratedigger.search.TrackSource;
import io.cratedigger.view.AnswerView;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/recommendations}: Spotify's route, by GET with query parameters or by POST with the
 * same names in a JSON body.
 */
record RecommendationController(TrackSource source, Recommender engine, Metrics metrics)
    implements Controller {

  @Override
  public List<Route> routes() {
    List<Route.Param> params = new ArrayList<>();
    params.add(query("seed_tracks", "string", "comma-separated track ids"));
    params.add(query("seed_artists", "string", "comma-separated artist names"));
    params.add(query("seed_genres", "string", "comma-separated genres or styles"));
    params.addAll(RequestParams.documented());
    String summary = "Spotify-compatible recommendations: 1..5 seeds, min_/max_/target_ attributes";
    return List.of(
        new Route("get", "/api/recommendations", summary, params, this::recommend),
        new Route("post", "/api/recommendations", summary, params, this::recommend));
  }

  private void recommend(Context ctx) throws Exception {
    Map<String, Object> body =
        ctx.method().name().equals("POST")
            ? JsonBody.object(ctx, "the body must be a JSON object of parameters")
            : null;
    Params p = new Params(ctx, body);
    RecommendRequest req =
        RequestParams.read(
            p,
            p.list("seed_tracks", RecommendRequest.MAX_SEEDS),
            p.list("seed_artists", RecommendRequest.MAX_SEEDS),
            p.list("seed_genres", RecommendRequest.MAX_SEEDS),
            20);
    // an unknown seed track is 404, as for /api/tracks/{id}/similar
    Recommendations out = source.read(ix -> engine.recommend(ix, req, true));
    metrics.engine(out.stats());
    ctx.json(AnswerView.Spotify.of(out));
  }
}
