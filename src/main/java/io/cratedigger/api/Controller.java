package io.cratedigger.api;

import java.util.List;

/**
 * The routes of one resource (tracks, recommendations, the catalog...): each controller reads and
 * checks its parameters, calls the engine and answers a view record. {@link App} registers them
 * all, documents them in {@code /openapi.json} and maps their exceptions to answers.
 */
interface Controller {
  List<Route> routes();
}
