package io.cratedigger.api;

import java.util.List;

/**
 * {@code /api/admin/...}: start a rebuild and follow it, behind a bearer token ({@link AdminGuard}:
 * a wrong token slows its sender down). Without a token configured these routes do not exist.
 */
record AdminController(AdminGuard guard, ReindexJobs reindex) implements Controller {

  /** {@code {"job":..,"state":..}}: the job just started. */
  record Started(String job, String state) {}

  @Override
  public List<Route> routes() {
    return List.of(
        new Route(
            "post",
            "/api/admin/reindex",
            "Start a rebuild from the configured inputs in a child process: 202 {\"job\":id},"
                + " 409 while one runs (Authorization: Bearer TOKEN)",
            List.of(),
            ctx -> {
              guard.check(ctx.ip(), ctx.header("Authorization"));
              ReindexJobs.Job job = reindex.start();
              ctx.status(202).header("Location", "/api/admin/jobs/" + job.id());
              ctx.json(new Started(job.id(), job.state()));
            }),
        new Route(
            "get",
            "/api/admin/jobs/{id}",
            "A rebuild job: state (running, done, failed), times, the report or the reason"
                + " (Authorization: Bearer TOKEN)",
            List.of(Route.Param.path("id", "the job id from POST /api/admin/reindex")),
            ctx -> {
              guard.check(ctx.ip(), ctx.header("Authorization"));
              ctx.json(reindex.get(ctx.pathParam("id")));
            }));
  }
}
