package io.cratedigger.api;

import static io.cratedigger.api.Route.Param.path;
import static io.cratedigger.api.Route.Param.query;

import io.cratedigger.ops.Metrics;
import io.cratedigger.search.Attribute;
import io.cratedigger.search.Browse;
import io.cratedigger.search.RecommendRequest;
import io.cratedigger.search.Recommendations;
import io.cratedigger.search.Recommender;
import io.cratedigger.search.TrackSource;
import io.cratedigger.view.AnswerView;
import io.cratedigger.view.CatalogView;
import io.cratedigger.view.HitView;
import io.cratedigger.view.TrackView;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** {@code /api/tracks...}: look a track up, fetch one, browse with filters, the similar tracks. */
record TrackController(TrackSource source, Recommender engine, Metrics metrics)
    implements Controller {

  /** Longest text query accepted. */
  static final int MAX_QUERY = 200;

  @Override
  public List<Route> routes() {
    List<Route.Param> similar = new ArrayList<>();
    similar.add(path("id", "the seed track's id"));
    similar.addAll(RequestParams.documented());
    return List.of(
        new Route(
            "get",
            "/api/tracks/search",
            "Fuzzy track lookup by title and artist words",
            List.of(
                query("q", "string", "words, 1.." + MAX_QUERY + " characters; or field syntax"),
                query("limit", "integer", "1..100, default 10")),
            this::search),
        new Route(
            "get",
            "/api/tracks/{id}",
            "One track by its id",
            List.of(path("id", "the source file's id")),
            ctx -> {
              String id = ctx.pathParam("id");
              ctx.json(TrackView.of(source.read(ix -> ix.track(id))));
            }),
        new Route(
            "get",
            "/api/tracks/{id}/similar",
            "Similar tracks that mix with the seed, with reasons",
            similar,
            this::similar),
        new Route(
            "get",
            "/api/tracks",
            "Filtered browse with sort and pages",
            browseParams(),
            this::browse));
  }

  private void search(Context ctx) throws Exception {
    Params p = new Params(ctx, null);
    String q = p.raw("q");
    if (q == null) {
      throw ApiException.badRequest("q is required: the words to look up");
    }
    int limit = p.integer("limit", 10, 1, 100);
    ctx.json(HitView.Search.of(q, source.read(ix -> ix.lookup(q, limit))));
  }

  private void similar(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    RecommendRequest req =
        RequestParams.read(new Params(ctx, null), List.of(id), List.of(), List.of(), 10);
    Recommendations out = source.read(ix -> engine.recommend(ix, req, false));
    metrics.engine(out.stats());
    ctx.json(AnswerView.Similar.of(out));
  }

  private void browse(Context ctx) throws Exception {
    Params p = new Params(ctx, null);
    String words = p.raw("search");
    if (words != null && words.length() > MAX_QUERY) {
      throw ApiException.badRequest(
          "search must be at most " + MAX_QUERY + " characters, got " + words.length());
    }
    var filters = RequestParams.filters(p, RequestParams.ranges(p));
    String asked = p.choice("sort_by", "relevance", sortKeys());
    String sort = asked.equals("tempo") ? "bpm" : asked; // tempo: Spotify's name for it
    boolean desc = p.choice("order", "desc", "asc", "desc").equals("desc");
    int page = p.integer("page", 1, 1, Browse.MAX_DEPTH);
    int perPage = p.integer("per_page", 20, 1, 100);
    Browse.Page result = source.read(ix -> ix.browse(words, filters, sort, desc, page, perPage));
    ctx.json(CatalogView.Page.of(result));
  }

  private static String[] sortKeys() {
    List<String> keys = new ArrayList<>(Browse.SORTS.keySet());
    keys.add("tempo");
    keys.add("relevance");
    return keys.toArray(String[]::new);
  }

  private static List<Route.Param> browseParams() {
    List<Route.Param> p = new ArrayList<>();
    p.add(query("search", "string", "words in title, artists or album; the last may be partial"));
    p.addAll(RequestParams.documentedFilters());
    for (Attribute a : Attribute.values()) {
      p.add(query("min_" + a.param(), "number", "minimum " + a.param()));
      p.add(query("max_" + a.param(), "number", "maximum " + a.param()));
    }
    p.add(
        query(
            "sort_by",
            "string",
            "relevance, "
                + String.join(", ", Browse.SORTS.keySet().stream().sorted().toList())
                + ", tempo (the same as bpm)"));
    p.add(query("order", "string", "asc or desc"));
    p.add(query("page", "integer", "1-based"));
    p.add(query("per_page", "integer", "1..100, default 20"));
    return p;
  }
}
