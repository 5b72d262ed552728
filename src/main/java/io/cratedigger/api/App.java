package io.cratedigger.api;

import static io.cratedigger.api.Route.Param.path;
import static io.cratedigger.api.Route.Param.query;

import io.cratedigger.InvalidRequestException;
import io.cratedigger.index.LiveIndex;
import io.cratedigger.index.NotReadyException;
import io.cratedigger.index.Schema;
import io.cratedigger.ops.Metrics;
import io.cratedigger.ops.RequestLog;
import io.cratedigger.ops.Startup;
import io.cratedigger.search.Attribute;
import io.cratedigger.search.BadQueryException;
import io.cratedigger.search.Browse;
import io.cratedigger.search.Filters;
import io.cratedigger.search.LookupHit;
import io.cratedigger.search.RecommendRequest;
import io.cratedigger.search.Recommendations;
import io.cratedigger.search.Recommender;
import io.cratedigger.search.TrackLookup;
import io.cratedigger.search.UnknownTrackException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API and the page. {@link #create} returns an unstarted Javalin, so tests start it on
 * port 0. Handlers are thin: read and check parameters, call the engine, answer JSON; every error
 * answers {@code {"error":..,"detail":..}} and never a stack trace.
 */
public final class App {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  /** Longest text query accepted. */
  public static final int MAX_QUERY = 200;

  /**
   * What the server needs.
   *
   * @param web the page's folder, or null for the API only
   * @param corsOrigins origins allowed to call the API from a browser; empty: CORS off
   * @param adminToken the token of the admin routes; null: the admin routes do not exist
   * @param reindex runs a rebuild from the configured inputs and returns its report
   * @param metrics what {@code /metrics} shows ({@link Metrics#off()}: the route answers 404)
   * @param startup what {@code /api/ready} says while the first index is prepared
   * @param requests where each answered request is logged
   */
  public record Deps(
      LiveIndex live,
      Recommender engine,
      TrackLookup lookup,
      Path web,
      List<String> corsOrigins,
      String adminToken,
      ReindexJobs reindex,
      io.cratedigger.discogs.DiscogsClient discogs,
      Metrics metrics,
      Startup startup,
      RequestLog requests) {
    public Deps {
      corsOrigins = List.copyOf(corsOrigins);
    }
  }

  private App() {}

  /** Bytes per second a request body must arrive at, at least (a JSON body is a few hundred). */
  static final long MIN_BODY_RATE = 512;

  /** A connection that has not sent one whole request this long after opening is closed. */
  static final java.time.Duration HEADER_DEADLINE = java.time.Duration.ofSeconds(10);

  /** A connection with nothing happening for this long is closed. */
  static final long IDLE_TIMEOUT_MS = 15_000;

  /** The largest request body read. */
  static final long MAX_BODY = 20_000;

  /**
   * The request body; a body cut off or arriving too slowly is the client's fault (408), logged as
   * such, not an internal error with a stack trace.
   */
  private static String body(Context ctx) {
    long declared = ctx.contentLength();
    if (declared > MAX_BODY) {
      throw new ApiException(
          413, "payload too large", "the body must be at most " + MAX_BODY + " bytes");
    }
    String text;
    try {
      text = ctx.body();
    } catch (Exception e) { // Javalin rethrows Jetty's IOExceptions undeclared
      LOG.info("{} {}: request body not received ({})", ctx.method(), ctx.path(), e.toString());
      throw new ApiException(
          408, "request timeout", "the request body arrived too slowly or was cut off");
    }
    String type = ctx.contentType();
    if (!text.isBlank()
        && (type == null
            || !type.strip().toLowerCase(Locale.ROOT).matches("application/json\\s*(;.*)?"))) {
      throw new ApiException(
          415,
          "unsupported media type",
          "the body must be JSON sent as Content-Type: application/json, got "
              + (type == null ? "no Content-Type" : type));
    }
    return text;
  }

  public static Javalin create(Deps deps) {
    List<Route> routes = routes(deps);
    Metrics metrics = deps.metrics();
    metrics.index(
        deps.live(),
        l -> l.generation() == null ? 0 : l.generation().tracks(),
        l -> l.generation() == null ? 0 : generationNumber(l.generation().name()));
    if (deps.discogs() != null) {
      var discogs = deps.discogs();
      metrics.discogs(discogs, "cache_hit", c -> c.counts().cacheHits());
      metrics.discogs(discogs, "fetched", c -> c.counts().fetched());
      metrics.discogs(discogs, "failed", c -> c.counts().failed());
    }
    Admission admission = Admission.forThisMachine(metrics::rejected);
    metrics.admission(admission, Admission::inFlight, Admission::waiting);
    Map<String, Object> openapi = OpenApi.document(routes, version());
    return Javalin.create(
        config -> {
          config.jsonMapper(new JavalinJackson3(JsonMapper.builder().build(), false));
          config.startup.showJavalinBanner = false;
          config.jetty.modifyServer(
              server -> {
                server.setStopTimeout(5_000); // graceful stop
                server.setErrorHandler(new JsonErrorHandler());
                HeaderDeadline deadline = new HeaderDeadline(HEADER_DEADLINE);
                server.addEventListener(
                    new org.eclipse.jetty.util.component.LifeCycle.Listener() {
                      @Override
                      public void lifeCycleStarting(
                          org.eclipse.jetty.util.component.LifeCycle event) {
                        // the connectors exist now (Javalin adds its own), not yet started
                        for (var connector : server.getConnectors()) {
                          connector.addBean(deadline);
                        }
                        metrics.bind(server);
                      }
                    });
              });
          // Slow clients cannot stall the server: a request waiting for its body parks a virtual
          // thread, not one of the pool's, so /api/health answers beside hundreds of them; a body
          // arriving slower than MIN_BODY_RATE is cut off (408), and an idle connection closed.
          config.concurrency.useVirtualThreads = true;
          config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(IDLE_TIMEOUT_MS));
          config.jetty.modifyServletContextHandler(
              handler -> {
                handler.insertHandler(
                    new org.eclipse.jetty.server.handler.MinimumDataRateHandler(MIN_BODY_RATE, 0));
                handler.setErrorHandler(new JsonErrorHandler());
              });
          config.http.maxRequestSize = MAX_BODY;
          config.http.prefer405over404 = true; // a known path with the wrong method: 405 + Allow
          if (deps.web() != null && Files.isDirectory(deps.web())) {
            config.staticFiles.add(
                deps.web().toAbsolutePath().toString(), Location.EXTERNAL, Set.of());
          }
          if (!deps.corsOrigins().isEmpty()) {
            config.bundledPlugins.enableCors(
                cors ->
                    cors.addRule(
                        rule -> {
                          String first = deps.corsOrigins().getFirst();
                          rule.allowHost(
                              first,
                              deps.corsOrigins()
                                  .subList(1, deps.corsOrigins().size())
                                  .toArray(String[]::new));
                        }));
          }
          config.requestLogger.http(
              (ctx, ms) -> {
                String route = routeOf(ctx);
                metrics.request(
                    ctx.method().name(), route, ctx.status().getCode(), ms.doubleValue());
                deps.requests()
                    .request(
                        ctx.method().name(),
                        route,
                        ctx.path(),
                        ctx.status().getCode(),
                        ms.doubleValue(),
                        ctx.attribute(REQUEST_ID));
              });
          config.routes.before(App::securityHeaders);
          config.routes.before(App::requestId);
          for (Route r : routes) {
            Handler checked = admitted(admission, r, knownParameters(r));
            switch (r.method()) {
              case "get" -> config.routes.get(r.path(), checked);
              case "post" -> config.routes.post(r.path(), checked);
              default -> throw new IllegalStateException(r.method());
            }
          }
          config.routes.get("/openapi.json", ctx -> ctx.json(openapi));
          config.routes.exception(
              ApiException.class,
              (e, ctx) -> {
                e.headers().forEach(ctx::header);
                error(ctx, e.status(), e.error(), e.getMessage());
              });
          config.routes.exception(
              NotReadyException.class,
              (e, ctx) -> {
                ctx.header("Retry-After", "5");
                error(ctx, 503, "not ready", e.getMessage() + ": " + deps.startup().stage());
              });
          config.routes.exception(
              UnknownTrackException.class,
              (e, ctx) -> error(ctx, 404, "not found", e.getMessage()));
          config.routes.exception(
              BadQueryException.class, (e, ctx) -> error(ctx, 400, "bad query", e.getMessage()));
          // the asker's mistake; a plain IllegalArgumentException is ours, a 500 that is logged
          config.routes.exception(
              InvalidRequestException.class,
              (e, ctx) -> error(ctx, 400, "bad request", e.getMessage()));
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error", "the server failed to answer; see its log");
              });
          config.routes.error(
              405,
              ctx ->
                  error(
                      ctx,
                      405,
                      "method not allowed",
                      ctx.method()
                          + " is not allowed on "
                          + ctx.path()
                          + "; allowed: "
                          + ctx.res().getHeader("Allow")));
          config.routes.error(
              404,
              "*",
              ctx -> {
                String type = ctx.res().getContentType();
                if (type == null || !type.startsWith("application/json")) {
                  error(ctx, 404, "not found", "no route " + ctx.method() + " " + ctx.path());
                }
              });
        });
  }

  /** The Camelot table, the same for every request. */
  private static final Map<String, Object> KEYS = Views.keys();

  /** The context attribute and header of a request's id. */
  static final String REQUEST_ID = "X-Request-Id";

  /** A client's request id is kept when it is a plain token; otherwise one is made. */
  private static final java.util.regex.Pattern GOOD_ID =
      java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /**
   * Gives the request an id, echoed in {@code X-Request-Id} and written in its log line: the
   * client's own when it sent a sane one (a proxy's trace id), else 16 random hex digits.
   */
  private static void requestId(Context ctx) {
    String given = ctx.header(REQUEST_ID);
    String id =
        given != null && GOOD_ID.matcher(given).matches()
            ? given
            : java.util.HexFormat.of()
                .formatHex(
                    java.nio.ByteBuffer.allocate(8)
                        .putLong(java.util.concurrent.ThreadLocalRandom.current().nextLong())
                        .array());
    ctx.attribute(REQUEST_ID, id);
    ctx.header(REQUEST_ID, id);
  }

  /** Routes that never wait for a turn: they must answer while the engine is busy. */
  private static final Set<String> UNQUEUED = Set.of("/api/health", "/api/ready", "/metrics");

  /**
   * The route template a request matched ({@code /api/tracks/{id}}), for metrics: never the raw
   * path, whose ids would make a series per track; {@code static} for the page's files and {@code
   * unmatched} for the rest.
   */
  private static String routeOf(Context ctx) {
    String path;
    try {
      path = ctx.endpoint().path;
    } catch (RuntimeException e) {
      path = null; // no endpoint matched
    }
    if (path == null || path.isEmpty() || path.equals("*")) {
      return ctx.path().startsWith("/api") || ctx.status().getCode() == 404
          ? "unmatched"
          : "static";
    }
    return path;
  }

  /** {@code gen-000007} → 7; 0 when the name is not of that form. */
  static long generationNumber(String name) {
    int dash = name.lastIndexOf('-');
    try {
      return Long.parseLong(name.substring(dash + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The handler behind the engine's admission bound, except for health and admin routes. */
  @SuppressWarnings("try") // the turn is held by the try block, not used in it
  private static Handler admitted(Admission admission, Route r, Handler h) {
    if (UNQUEUED.contains(r.path()) || r.path().startsWith("/api/admin")) {
      return h;
    }
    return ctx -> {
      if (r.method().equals("post")) {
        body(ctx); // read (and kept) before the turn: a slow body must not hold one
      }
      try (AutoCloseable turn = admission.enter()) {
        h.handle(ctx);
      }
    };
  }

  /**
   * The route's handler behind a check of its query parameters: a parameter the route does not know
   * answers 400 naming it and the ones it knows (a misspelt {@code exclude_style} silently ignored
   * would return the wrong tracks as if right).
   */
  private static Handler knownParameters(Route r) {
    java.util.Set<String> known = new java.util.TreeSet<>();
    for (Route.Param p : r.params()) {
      if (!p.in().equals("path")) {
        known.add(p.name());
      }
    }
    return ctx -> {
      List<String> unknown =
          ctx.queryParamMap().keySet().stream().filter(k -> !known.contains(k)).sorted().toList();
      if (!unknown.isEmpty()) {
        throw ApiException.badRequest(
            (unknown.size() == 1 ? "unknown parameter " : "unknown parameters ")
                + String.join(", ", unknown)
                + (known.isEmpty()
                    ? "; this route takes none"
                    : "; known: " + String.join(", ", known)));
      }
      r.handler().handle(ctx);
    };
  }

  /** Sent with every answer, errors of Jetty's own included ({@link JsonErrorHandler}). */
  static final List<org.eclipse.jetty.http.HttpField> SECURITY_HEADERS =
      List.of(
          new org.eclipse.jetty.http.HttpField("X-Content-Type-Options", "nosniff"),
          new org.eclipse.jetty.http.HttpField("X-Frame-Options", "DENY"),
          new org.eclipse.jetty.http.HttpField("Referrer-Policy", "no-referrer"),
          new org.eclipse.jetty.http.HttpField(
              "Content-Security-Policy",
              "default-src 'self'; img-src 'self' data:; media-src 'self' https:; "
                  + "style-src 'self'; script-src 'self'; frame-ancestors 'none'"));

  private static void securityHeaders(Context ctx) {
    for (var f : SECURITY_HEADERS) {
      ctx.header(f.getName(), f.getValue());
    }
    ctx.header("Cache-Control", ctx.path().startsWith("/api") ? "no-store" : "no-cache");
  }

  private static void error(Context ctx, int status, String error, String detail) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("detail", detail == null ? error : detail);
    ctx.status(status).json(body);
  }

  private static String version() {
    String v = App.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private static List<Route> routes(Deps d) {
    CatalogService catalog = new CatalogService(d.live());
    List<Route.Param> reco = recommendationParams();
    List<Route> r = new ArrayList<>();
    r.add(
        new Route(
            "get",
            "/api/health",
            "Liveness (answers while the first index is prepared), catalog size and generation",
            List.of(),
            ctx -> {
              var g = d.live().generation();
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("status", "ok");
              m.put("tracks", g == null ? 0 : g.tracks());
              m.put("indexVersion", g == null ? null : g.name());
              m.put("ready", g != null);
              ctx.json(m);
            }));
    r.add(
        new Route(
            "get",
            "/api/ready",
            "Readiness: 200 once an index is open and serving, 503 while it is prepared",
            List.of(),
            ctx -> {
              var g = d.live().generation();
              Map<String, Object> m = new LinkedHashMap<>();
              if (g != null) {
                m.put("status", "ready");
                m.put("tracks", g.tracks());
                m.put("indexVersion", g.name());
              } else {
                String failure = d.startup().failure();
                m.put("status", failure == null ? "starting" : "failed");
                m.put("detail", failure == null ? d.startup().stage() : failure);
                ctx.status(503).header("Retry-After", "5");
              }
              ctx.json(m);
            }));
    r.add(
        new Route(
            "get",
            "/api/keys",
            "The Camelot rules as data: each key's name and its move to every key",
            List.of(),
            ctx -> ctx.json(KEYS)));
    r.add(
        new Route(
            "get",
            "/metrics",
            "Prometheus metrics (text format); 404 when metrics are off",
            List.of(),
            ctx -> {
              if (!d.metrics().enabled()) {
                throw new ApiException(
                    404, "not found", "metrics are off (server.metrics in the configuration)");
              }
              ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                  .result(d.metrics().scrape());
            }));
    r.add(
        new Route(
            "get",
            "/api/tracks/search",
            "Fuzzy track lookup by title and artist words",
            List.of(
                query("q", "string", "words, 1.." + MAX_QUERY + " characters; or field syntax"),
                query("limit", "integer", "1..100, default 10")),
            ctx -> {
              Params p = new Params(ctx, null);
              String q = p.raw("q");
              if (q == null) {
                throw ApiException.badRequest("q is required: the words to look up");
              }
              int limit = p.integer("limit", 10, 1, 100);
              List<LookupHit> hits = d.live().search((s, g) -> d.lookup().search(s, q, limit));
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("query", q);
              m.put("hits", hits.stream().map(Views::hit).toList());
              ctx.json(m);
            }));
    r.add(
        new Route(
            "get",
            "/api/tracks/{id}",
            "One track by its id",
            List.of(path("id", "the source file's id")),
            ctx -> {
              String id = ctx.pathParam("id");
              ctx.json(
                  Views.track(
                      d.live().search((s, g) -> io.cratedigger.search.Recommender.track(s, id))));
            }));
    List<Route.Param> similarParams = new ArrayList<>();
    similarParams.add(path("id", "the seed track's id"));
    similarParams.addAll(reco);
    r.add(
        new Route(
            "get",
            "/api/tracks/{id}/similar",
            "Similar tracks that mix with the seed, with reasons",
            similarParams,
            ctx -> {
              String id = ctx.pathParam("id");
              RecommendRequest req =
                  RequestParams.read(new Params(ctx, null), List.of(id), List.of(), List.of(), 10);
              Recommendations out =
                  d.live().search((s, g) -> d.engine().recommend(s, g, req, false));
              d.metrics().engine(out.stats());
              ctx.json(Views.similar(out));
            }));
    r.add(
        new Route(
            "get",
            "/api/tracks",
            "Filtered browse with sort and pages",
            browseParams(),
            ctx -> browse(d, ctx)));
    List<Route.Param> spotify = new ArrayList<>();
    spotify.add(query("seed_tracks", "string", "comma-separated track ids"));
    spotify.add(query("seed_artists", "string", "comma-separated artist names"));
    spotify.add(query("seed_genres", "string", "comma-separated genres or styles"));
    spotify.addAll(reco);
    for (String method : List.of("get", "post")) {
      r.add(
          new Route(
              method,
              "/api/recommendations",
              "Spotify-compatible recommendations: 1..5 seeds, min_/max_/target_ attributes",
              spotify,
              ctx -> recommendations(d, ctx)));
    }
    r.add(
        new Route(
            "get",
            "/api/artists",
            "Artists with track counts",
            List.of(
                query("search", "string", "part of the name"),
                query("limit", "integer", "1..500, default 50")),
            ctx -> facet(catalog, ctx, Schema.ARTIST_EXACT)));
    r.add(
        new Route(
            "get",
            "/api/artists/{name}",
            "One artist: counts, styles, labels, top tracks",
            List.of(path("name", "the artist's name (any case)")),
            ctx -> ctx.json(catalog.artist(ctx.pathParam("name")))));
    r.add(
        new Route(
            "get",
            "/api/labels",
            "Labels with track counts",
            List.of(
                query("search", "string", "part of the name"),
                query("limit", "integer", "1..500, default 50")),
            ctx -> facet(catalog, ctx, Schema.LABEL_EXACT)));
    r.add(
        new Route(
            "get",
            "/api/styles",
            "Styles with track counts",
            List.of(
                query("search", "string", "part of the name"),
                query("limit", "integer", "1..500, default 50")),
            ctx -> facet(catalog, ctx, Schema.STYLE_EXACT)));
    r.add(
        new Route(
            "get",
            "/api/genres",
            "Genres with track counts",
            List.of(
                query("search", "string", "part of the name"),
                query("limit", "integer", "1..500, default 50")),
            ctx -> facet(catalog, ctx, Schema.GENRE_EXACT)));
    r.add(
        new Route(
            "get",
            "/api/clusters",
            "The sound clusters, named in plain words, with sizes",
            List.of(),
            ctx -> ctx.json(Map.of("clusters", catalog.clusters()))));
    r.add(
        new Route(
            "get",
            "/api/clusters/{n}",
            "One cluster and a sample mix of it",
            List.of(path("n", "cluster number"), query("limit", "integer", "1..100, default 20")),
            ctx -> {
              int n;
              try {
                n = Integer.parseInt(ctx.pathParam("n"));
              } catch (NumberFormatException e) {
                throw ApiException.badRequest(
                    "cluster number must be a whole number, got \""
                        + Params.shown(ctx.pathParam("n"))
                        + "\"");
              }
              ctx.json(catalog.cluster(n, new Params(ctx, null).integer("limit", 20, 1, 100)));
            }));
    r.add(
        new Route(
            "post",
            "/api/discogs/release",
            "Recommendations for a Discogs release or master URL (body {\"url\": ...}); 502/503 when Discogs cannot be reached",
            List.of(
                new Route.Param(
                    "url", "body", "string", "a release or master URL, [r123], or an id"),
                query("limit", "integer", "1..100, default 10")),
            ctx -> discogs(d, ctx)));
    if (d.adminToken() != null && !d.adminToken().isBlank() && d.reindex() != null) {
      AdminGuard guard = new AdminGuard(d.adminToken(), System::currentTimeMillis);
      r.add(
          new Route(
              "post",
              "/api/admin/reindex",
              "Start a rebuild from the configured inputs in a child process: 202 {\"job\":id},"
                  + " 409 while one runs (Authorization: Bearer TOKEN)",
              List.of(),
              ctx -> {
                guard.check(ctx.ip(), ctx.header("Authorization"));
                ReindexJobs.Job job = d.reindex().start();
                ctx.status(202).header("Location", "/api/admin/jobs/" + job.id());
                ctx.json(Map.of("job", job.id(), "state", job.state()));
              }));
      r.add(
          new Route(
              "get",
              "/api/admin/jobs/{id}",
              "A rebuild job: state (running, done, failed), times, the report or the reason"
                  + " (Authorization: Bearer TOKEN)",
              List.of(Route.Param.path("id", "the job id from POST /api/admin/reindex")),
              ctx -> {
                guard.check(ctx.ip(), ctx.header("Authorization"));
                ctx.json(d.reindex().get(ctx.pathParam("id")));
              }));
    }
    return r;
  }

  private static void facet(CatalogService catalog, Context ctx, String field) throws Exception {
    Params p = new Params(ctx, null);
    String search = p.raw("search");
    if (search != null && search.length() > MAX_QUERY) {
      throw ApiException.badRequest("search must be at most " + MAX_QUERY + " characters");
    }
    List<Map<String, Object>> items = catalog.facet(field, search, p.integer("limit", 50, 1, 500));
    ctx.json(Map.of("items", items));
  }

  private static void browse(Deps d, Context ctx) throws Exception {
    Params p = new Params(ctx, null);
    String words = p.raw("search");
    if (words != null && words.length() > MAX_QUERY) {
      throw ApiException.badRequest(
          "search must be at most " + MAX_QUERY + " characters, got " + words.length());
    }
    Map<Attribute, double[]> ranges = RequestParams.ranges(p);
    String asked = p.choice("sort_by", "relevance", sortKeys());
    String sort = asked.equals("tempo") ? "bpm" : asked; // tempo: Spotify's name for it
    boolean desc =
        p.choice("order", sort.equals("relevance") ? "desc" : "desc", "asc", "desc").equals("desc");
    int page = p.integer("page", 1, 1, Browse.MAX_DEPTH);
    int perPage = p.integer("per_page", 20, 1, 100);
    Filters f =
        new Filters(
            p.optionalInt(
                "min_year",
                io.cratedigger.track.Track.MIN_YEAR,
                io.cratedigger.track.Track.MAX_YEAR),
            p.optionalInt(
                "max_year",
                io.cratedigger.track.Track.MIN_YEAR,
                io.cratedigger.track.Track.MAX_YEAR),
            p.list("label", RequestParams.MAX_VALUES),
            p.list("exclude_label", RequestParams.MAX_VALUES),
            p.list("style", RequestParams.MAX_VALUES),
            p.list("exclude_style", RequestParams.MAX_VALUES),
            p.list("genre", RequestParams.MAX_VALUES),
            p.list("exclude_genre", RequestParams.MAX_VALUES),
            ranges);
    Browse.Page result =
        d.live().search((s, g) -> Browse.run(s, words, f, sort, desc, page, perPage));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total", result.total());
    m.put("page", result.page());
    m.put("perPage", result.perPage());
    m.put("tracks", result.tracks().stream().map(Views::track).toList());
    ctx.json(m);
  }

  private static String[] sortKeys() {
    List<String> keys = new ArrayList<>(Browse.SORTS.keySet());
    keys.add("tempo");
    keys.add("relevance");
    return keys.toArray(String[]::new);
  }

  @SuppressWarnings("unchecked")
  private static void recommendations(Deps d, Context ctx) throws Exception {
    Map<String, Object> body = null;
    if (ctx.method().name().equals("POST")) {
      String text = body(ctx);
      try {
        body = text.isBlank() ? Map.of() : ctx.bodyAsClass(Map.class);
      } catch (RuntimeException e) {
        throw ApiException.badRequest("the body must be a JSON object of parameters");
      }
    }
    Params p = new Params(ctx, body);
    RecommendRequest req =
        RequestParams.read(
            p,
            p.list("seed_tracks", RecommendRequest.MAX_SEEDS),
            p.list("seed_artists", RecommendRequest.MAX_SEEDS),
            p.list("seed_genres", RecommendRequest.MAX_SEEDS),
            20);
    // an unknown seed track is 404, as for /api/tracks/{id}/similar
    Recommendations out = d.live().search((s, g) -> d.engine().recommend(s, g, req, true));
    d.metrics().engine(out.stats());
    ctx.json(Views.recommendations(out));
  }

  @SuppressWarnings("unchecked")
  private static void discogs(Deps d, Context ctx) throws Exception {
    Map<String, Object> body;
    try {
      String text = body(ctx);
      body = text.isBlank() ? Map.of() : ctx.bodyAsClass(Map.class);
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ApiException.badRequest(
          "the body must be a JSON object like {\"url\": \"https://www.discogs.com/release/123\"}");
    }
    Params p = new Params(ctx, body);
    String url = p.raw("url");
    if (url == null) {
      throw ApiException.badRequest("url is required: a Discogs release or master URL");
    }
    int limit = p.integer("limit", 10, 1, 100);
    io.cratedigger.discogs.DiscogsRef ref;
    try {
      ref = io.cratedigger.discogs.DiscogsRef.parse(url);
    } catch (InvalidRequestException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    if (d.discogs() == null) {
      throw new ApiException(
          503, "unavailable", "the Discogs client is not configured on this server");
    }
    io.cratedigger.discogs.DiscogsRelease release;
    try {
      release = d.discogs().release(ref);
    } catch (io.cratedigger.discogs.DiscogsException e) {
      int status = e.status() == 404 ? 404 : e.status() == 503 ? 503 : 502;
      throw new ApiException(
          status, status == 404 ? "not found" : "discogs unavailable", e.getMessage());
    }
    var recommender = new io.cratedigger.search.ReleaseRecommender(d.engine());
    var answer = d.live().search((s, g) -> recommender.recommend(s, g, release, limit));
    ctx.json(Views.release(answer));
  }

  private static List<Route.Param> recommendationParams() {
    List<Route.Param> p = new ArrayList<>();
    p.add(query("limit", "integer", "1..100"));
    for (Attribute a : Attribute.values()) {
      String range = Params.fmt(a.min()) + ".." + Params.fmt(a.max());
      p.add(query("min_" + a.param(), "number", "minimum " + a.param() + ", " + range));
      p.add(query("max_" + a.param(), "number", "maximum " + a.param() + ", " + range));
      p.add(query("target_" + a.param(), "number", "preferred " + a.param() + ", " + range));
    }
    p.add(query("min_year", "integer", "earliest year"));
    p.add(query("max_year", "integer", "latest year"));
    for (String f : List.of("label", "style", "genre")) {
      p.add(query(f, "string", "comma-separated " + f + "s to keep"));
      p.add(query("exclude_" + f, "string", "comma-separated " + f + "s to leave out"));
    }
    p.add(query("bpm_tolerance", "number", "pitch range in %, 0.5..50, default 6"));
    p.add(query("half_double", "boolean", "half and double time count, default true"));
    p.add(
        query(
            "key_lock",
            "boolean",
            "keys as released (true) or as heard once beat-matched (false)"));
    p.add(query("diagonal", "boolean", "the diagonal key move counts as compatible"));
    p.add(
        query(
            "compatible_only",
            "boolean",
            "only tracks within the BPM range and in a compatible key"));
    p.add(query("energy", "string", "keep, lift, drop or any"));
    p.add(query("max_per_artist", "integer", "1..100, default 2"));
    p.add(query("max_per_release", "integer", "1..100, default 1"));
    p.add(query("min_score", "number", "0..1"));
    p.add(query("fusion", "string", "weighted or rrf"));
    return p;
  }

  private static List<Route.Param> browseParams() {
    List<Route.Param> p = new ArrayList<>();
    p.add(query("search", "string", "words in title, artists or album; the last may be partial"));
    for (String f : List.of("label", "style", "genre")) {
      p.add(query(f, "string", "comma-separated " + f + "s to keep"));
      p.add(query("exclude_" + f, "string", "comma-separated " + f + "s to leave out"));
    }
    for (Attribute a : Attribute.values()) {
      p.add(query("min_" + a.param(), "number", "minimum " + a.param()));
      p.add(query("max_" + a.param(), "number", "maximum " + a.param()));
    }
    p.add(query("min_year", "integer", "earliest year"));
    p.add(query("max_year", "integer", "latest year"));
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
