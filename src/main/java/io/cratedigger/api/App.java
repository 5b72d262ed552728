package io.cratedigger.api;

import io.cratedigger.InvalidRequestException;
import io.cratedigger.NotFoundException;
import io.cratedigger.index.NotReadyException;
import io.cratedigger.ops.Metrics;
import io.cratedigger.ops.RequestLog;
import io.cratedigger.ops.Startup;
import io.cratedigger.search.BadQueryException;
import io.cratedigger.search.Catalog;
import io.cratedigger.search.Recommender;
import io.cratedigger.search.TrackSource;
import io.cratedigger.view.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API and the page. {@link #create} returns an unstarted Javalin, so tests start it on
 * port 0. Handlers are thin: read and check parameters, call the engine, answer JSON; every error
 * answers {@code {"error":..,"detail":..}} and never a stack trace.
 */
public final class App {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);

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
      TrackSource source,
      Recommender engine,
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

  public static Javalin create(Deps deps) {
    List<Route> routes = routes(deps);
    Metrics metrics = deps.metrics();
    metrics.index(
        deps.source(),
        l -> l.served().tracks(),
        l -> l.served().generation() == null ? 0 : generationNumber(l.served().generation()));
    if (deps.discogs() != null) {
      var discogs = deps.discogs();
      metrics.discogs(discogs, "cache_hit", c -> c.counts().cacheHits());
      metrics.discogs(discogs, "fetched", c -> c.counts().fetched());
      metrics.discogs(discogs, "failed", c -> c.counts().failed());
    }
    Admission admission = Admission.forThisMachine(metrics::rejected);
    metrics.admission(admission, Admission::inFlight, Admission::waiting);
    Map<String, Object> openapi =
        OpenApi.document(routes, io.cratedigger.BuildInfo.current().version());
    return Javalin.create(
        config -> {
          config.jsonMapper(new JavalinJackson3(Json.MAPPER, false));
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
          config.http.maxRequestSize = JsonBody.MAX_BODY;
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
              io.cratedigger.UnavailableException.class,
              (e, ctx) -> {
                ctx.header("Retry-After", "5");
                error(ctx, 503, "unavailable", e.getMessage());
              });
          config.routes.exception(
              NotFoundException.class, (e, ctx) -> error(ctx, 404, "not found", e.getMessage()));
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
        JsonBody.text(ctx); // read (and kept) before the turn: a slow body must not hold one
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

  /**
   * The one error shape: {@code {"error":"bad request","detail":"limit must be 1..100, got 0"}}.
   */
  record Error(String error, String detail) {}

  private static void error(Context ctx, int status, String error, String detail) {
    ctx.status(status).json(new Error(error, detail == null ? error : detail));
  }

  /** Every route, controller by controller, in the order /openapi.json lists them. */
  private static List<Route> routes(Deps d) {
    List<Controller> controllers = new ArrayList<>();
    controllers.add(new StatusController(d.source(), d.startup(), d.metrics()));
    controllers.add(new TrackController(d.source(), d.engine(), d.metrics()));
    controllers.add(new RecommendationController(d.source(), d.engine(), d.metrics()));
    controllers.add(new CatalogController(new Catalog(d.source())));
    controllers.add(new DiscogsController(d.source(), d.engine(), d.discogs()));
    if (d.adminToken() != null && !d.adminToken().isBlank() && d.reindex() != null) {
      controllers.add(
          new AdminController(
              new AdminGuard(d.adminToken(), System::currentTimeMillis), d.reindex()));
    }
    List<Route> routes = new ArrayList<>();
    controllers.forEach(c -> routes.addAll(c.routes()));
    return routes;
  }
}
