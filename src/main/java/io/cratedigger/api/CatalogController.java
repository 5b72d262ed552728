package io.cratedigger.api;

import static io.cratedigger.api.Route.Param.path;
import static io.cratedigger.api.Route.Param.query;

import io.cratedigger.index.Schema;
import io.cratedigger.search.Catalog;
import io.cratedigger.view.CatalogView;
import io.javalin.http.Context;
import java.util.List;

/** The catalog to browse: artists, labels, styles and genres with counts; the sound clusters. */
record CatalogController(Catalog catalog) implements Controller {

  @Override
  public List<Route> routes() {
    return List.of(
        facet("/api/artists", "Artists with track counts", Schema.ARTIST_EXACT),
        new Route(
            "get",
            "/api/artists/{name}",
            "One artist: counts, styles, labels, top tracks",
            List.of(path("name", "the artist's name (any case)")),
            ctx -> ctx.json(CatalogView.Artist.of(catalog.artist(ctx.pathParam("name"))))),
        facet("/api/labels", "Labels with track counts", Schema.LABEL_EXACT),
        facet("/api/styles", "Styles with track counts", Schema.STYLE_EXACT),
        facet("/api/genres", "Genres with track counts", Schema.GENRE_EXACT),
        new Route(
            "get",
            "/api/clusters",
            "The sound clusters, named in plain words, with sizes",
            List.of(),
            ctx -> ctx.json(CatalogView.Clusters.of(catalog.clusters()))),
        new Route(
            "get",
            "/api/clusters/{n}",
            "One cluster and a sample mix of it",
            List.of(path("n", "cluster number"), query("limit", "integer", "1..100, default 20")),
            this::cluster));
  }

  private Route facet(String path, String summary, String field) {
    return new Route(
        "get",
        path,
        summary,
        List.of(
            query("search", "string", "part of the name"),
            query("limit", "integer", "1..500, default 50")),
        ctx -> {
          Params p = new Params(ctx, null);
          String search = p.raw("search");
          if (search != null && search.length() > TrackController.MAX_QUERY) {
            throw ApiException.badRequest(
                "search must be at most " + TrackController.MAX_QUERY + " characters");
          }
          ctx.json(
              new CatalogView.Items(catalog.facet(field, search, p.integer("limit", 50, 1, 500))));
        });
  }

  private void cluster(Context ctx) throws Exception {
    Params p = new Params(ctx, null);
    int n = p.pathInteger("n", "cluster number");
    ctx.json(CatalogView.Cluster.of(catalog.cluster(n, p.integer("limit", 20, 1, 100))));
  }
}
