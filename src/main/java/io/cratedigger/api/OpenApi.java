package io.cratedigger.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The OpenAPI 3.1 description of the routes table, served at {@code /openapi.json}. */
final class OpenApi {
  private OpenApi() {}

  static Map<String, Object> document(List<Route> routes, String version) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.1.0");
    doc.put(
        "info",
        Map.of(
            "title",
            "Cratedigger",
            "version",
            version,
            "description",
            "Track recommendations for DJs: similar tracks that mix well (BPM, Camelot key),"
                + " with reasons. Errors answer {\"error\":..,\"detail\":..}."));
    Map<String, Object> paths = new LinkedHashMap<>();
    for (Route r : routes) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item =
          (Map<String, Object>)
              paths.computeIfAbsent(r.path(), p -> new LinkedHashMap<String, Object>());
      Map<String, Object> op = new LinkedHashMap<>();
      op.put("summary", r.summary());
      List<Map<String, Object>> params = new ArrayList<>();
      for (Route.Param p : r.params()) {
        if (p.in().equals("body")) {
          continue;
        }
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("name", p.name());
        pm.put("in", p.in());
        pm.put("required", p.in().equals("path"));
        pm.put("description", p.description());
        pm.put("schema", Map.of("type", p.type()));
        params.add(pm);
      }
      op.put("parameters", params);
      if (r.method().equals("post")) {
        op.put(
            "requestBody",
            Map.of(
                "content", Map.of("application/json", Map.of("schema", Map.of("type", "object")))));
      }
      Map<String, Object> responses = new LinkedHashMap<>();
      responses.put("200", Map.of("description", "OK, JSON"));
      responses.put("400", Map.of("description", "bad input: {\"error\",\"detail\"}"));
      if (r.path().contains("{")) {
        responses.put("404", Map.of("description", "unknown id: {\"error\",\"detail\"}"));
      }
      op.put("responses", responses);
      item.put(r.method().toLowerCase(Locale.ROOT), op);
    }
    doc.put("paths", paths);
    return doc;
  }
}
