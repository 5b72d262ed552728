package io.cratedigger.api;

import io.javalin.http.Handler;
import java.util.List;

/**
 * One route of the HTTP contract: what it is (for /openapi.json) and what answers it. The server
 * registers exactly the routes it documents, from one table.
 */
record Route(String method, String path, String summary, List<Param> params, Handler handler) {

  /** A documented parameter: in {@code query}, {@code path} or {@code body}. */
  record Param(String name, String in, String type, String description) {
    static Param query(String name, String type, String description) {
      return new Param(name, "query", type, description);
    }

    static Param path(String name, String description) {
      return new Param(name, "path", "string", description);
    }
  }

  Route {
    params = List.copyOf(params);
  }
}
