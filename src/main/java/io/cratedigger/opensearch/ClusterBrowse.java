package io.cratedigger.opensearch;

import io.cratedigger.InvalidRequestException;
import io.cratedigger.index.Schema;
import io.cratedigger.search.Browse;
import io.cratedigger.search.Filters;
import io.cratedigger.search.Recommender;
import io.cratedigger.track.Track;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link Browse} answered by a cluster generation: the same checks and messages, the words as
 * Browse matches them (each word exactly in title, artists or album, the last as a prefix), the
 * filters with the catalog's spellings ({@link Recommender#resolve}), the same sorts (smallest
 * value of a track, tracks without one last either way, ties by id), an exact total and the same
 * pages.
 *
 * <p>Sorted by relevance, tracks of equal score come in each index's document order, as in {@link
 * Browse} (Lucene's default): the same order where both indexes were loaded in the same order (one
 * shard, the catalog's order), not otherwise.
 */
public final class ClusterBrowse {
  private ClusterBrowse() {}

  /** The same page as {@link Browse#run} on the embedded index. */
  public static Browse.Page run(
      ClusterGeneration g,
      String words,
      Filters filters,
      String sortBy,
      boolean descending,
      int page,
      int perPage)
      throws IOException {
    if ((long) page * perPage > Browse.MAX_DEPTH) {
      throw new InvalidRequestException(
          "page × per_page must be at most "
              + Browse.MAX_DEPTH
              + ", got "
              + ((long) page * perPage));
    }
    Filters resolved = Recommender.resolve(g.tracks(), filters);
    ObjectNode body = ClusterQueries.obj();
    body.set("query", query(Browse.terms(words), resolved));
    if (sortBy != null && !sortBy.equals("relevance")) {
      body.set("sort", sort(sortBy, descending));
    }
    body.put("from", (page - 1) * perPage);
    body.put("size", perPage);
    body.put("track_total_hits", true);
    body.putObject("_source").putArray("includes").add(ClusterFields.TRACK);
    JsonNode answer = g.search(body);
    List<Track> tracks = new ArrayList<>(perPage);
    for (JsonNode h : answer.path("hits").path("hits")) {
      tracks.add(ClusterDocuments.fromSource(h.path("_source")));
    }
    long total = answer.path("hits").path("total").path("value").asLong();
    return new Browse.Page(total, page, perPage, tracks);
  }

  /** Every word in title, artists or album (the last as a prefix), and the filters. */
  static ObjectNode query(List<String> terms, Filters resolved) {
    ObjectNode q = ClusterQueries.obj();
    ObjectNode bool = q.putObject("bool");
    ArrayNode must = bool.putArray("must");
    for (int i = 0; i < terms.size(); i++) {
      String kind = i == terms.size() - 1 ? "prefix" : "term";
      ObjectNode any = ClusterQueries.obj();
      ArrayNode should = any.putObject("bool").putArray("should");
      for (String field : List.of(Schema.TITLE, Schema.ARTISTS, Schema.ALBUM)) {
        should.addObject().putObject(kind).put(ClusterFields.of(field), terms.get(i));
      }
      must.add(any);
    }
    if (terms.isEmpty()) {
      must.addObject().putObject("match_all");
    }
    if (!resolved.isEmpty()) {
      bool.putArray("filter").add(ClusterQueries.filters(resolved));
    }
    return q;
  }

  /** The sort of {@link Browse}: the field's smallest value, missing values last, then the id. */
  static ArrayNode sort(String sortBy, boolean descending) {
    if (!Browse.SORTS.containsKey(sortBy)) {
      throw new InvalidRequestException(
          "sort_by must be relevance or one of "
              + String.join(", ", Browse.SORTS.keySet().stream().sorted().toList()));
    }
    String field =
        sortBy.equals("bpm") ? Schema.BPM : sortBy.equals("duration_ms") ? Schema.DURATION : sortBy;
    ArrayNode sort = ClusterQueries.obj().arrayNode();
    sort.addObject()
        .putObject(ClusterFields.of(field))
        .put("order", descending ? "desc" : "asc")
        .put("mode", "min")
        .put("missing", "_last");
    sort.addObject().putObject(ClusterFields.ID).put("order", "asc");
    return sort;
  }
}
