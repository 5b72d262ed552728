package io.cratedigger.opensearch;

import io.cratedigger.index.Schema;
import io.cratedigger.model.FeatureModel;
import io.cratedigger.model.SceneModel;
import io.cratedigger.rank.Candidate;
import io.cratedigger.search.Attribute;
import io.cratedigger.search.Browse;
import io.cratedigger.search.CandidateReader;
import io.cratedigger.search.Filters;
import io.cratedigger.search.LookupHit;
import io.cratedigger.search.Match;
import io.cratedigger.search.Retriever;
import io.cratedigger.search.TrackIndex;
import io.cratedigger.search.UnknownTrackException;
import io.cratedigger.track.Key;
import io.cratedigger.track.Track;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generation in the cluster as the engine's {@link TrackIndex}, for one request. Retrievals ask
 * the cluster for the fields ranking reads ({@link ClusterGeneration#READ_FIELDS}) with their hits,
 * so reading the candidates costs no second round trip; the stored tracks of the few results come
 * in one {@code _mget}. A reference is the place of a track among the hits of this request.
 */
final class ClusterTracks implements TrackIndex {
  private final ClusterGeneration generation;

  /** Per reference: the track's id and the fields of its hit. */
  private final List<String> ids = new ArrayList<>();

  private final List<JsonNode> fields = new ArrayList<>();
  private final Map<String, Integer> refs = new HashMap<>();

  ClusterTracks(ClusterGeneration generation) {
    this.generation = generation;
  }

  @Override
  public String backend() {
    return "opensearch";
  }

  @Override
  public FeatureModel model() {
    return generation.model();
  }

  @Override
  public SceneModel scenes() {
    return generation.scenes();
  }

  @Override
  public int size() {
    return generation.size();
  }

  @Override
  public Map<String, Map<String, Integer>> docFreqs(
      Map<String, ? extends Collection<String>> values) throws IOException {
    return generation.docFreqs(values);
  }

  @Override
  public List<String> spell(String field, String typed) throws IOException {
    return generation.spell(field, typed);
  }

  @Override
  public Track track(String id) throws IOException {
    List<Track> found = sample(Schema.ID, id, 1);
    if (found.isEmpty()) {
      throw new UnknownTrackException(id);
    }
    return found.getFirst();
  }

  @Override
  public List<Track> sample(String field, String value, int n) throws IOException {
    ObjectNode body = ClusterQueries.obj();
    body.put("size", n);
    body.set("query", constantScore(Match.anyOf(field, List.of(value))));
    body.putArray("sort").add("_doc");
    body.putArray("_source").add(ClusterFields.TRACK);
    List<Track> out = new ArrayList<>();
    for (JsonNode hit : generation.search(body).path("hits").path("hits")) {
      out.add(ClusterDocuments.fromSource(hit.path("_source")));
    }
    return out;
  }

  @Override
  public int[] retrieve(Retriever r) throws IOException {
    return refs(generation.search(body(r)));
  }

  @Override
  public boolean batches() {
    return true;
  }

  /** All the retrievals in one {@code _msearch}: one round trip instead of one each. */
  @Override
  public List<int[]> retrieveAll(List<Retriever> rs) throws IOException {
    if (rs.size() == 1) {
      return List.of(retrieve(rs.getFirst()));
    }
    List<ObjectNode> bodies = new ArrayList<>(rs.size());
    for (Retriever r : rs) {
      bodies.add(body(r));
    }
    List<int[]> out = new ArrayList<>(rs.size());
    for (JsonNode answer : generation.msearch(bodies)) {
      out.add(refs(answer));
    }
    return out;
  }

  /** The search body of a retrieval, asking for the fields ranking reads. */
  private static ObjectNode body(Retriever r) {
    ObjectNode body = ClusterQueries.obj();
    body.put("size", r.size());
    body.put("track_total_hits", false);
    switch (r) {
      case Retriever.Lexical l -> body.set("query", ClusterQueries.lexical(l));
      case Retriever.Nearest n -> body.set("query", ClusterQueries.nearest(n));
      case Retriever.Popular p -> {
        body.set("query", constantScore(p.filter()));
        ArrayNode sort = body.putArray("sort");
        sort.addObject()
            .putObject(ClusterFields.POPULARITY)
            .put("order", "desc")
            .put("missing", "_last");
        sort.add("_doc");
      }
    }
    ArrayNode source = body.putArray("_source");
    ClusterGeneration.READ_FIELDS.forEach(source::add);
    return body;
  }

  /** The references of a search answer's hits, interning their fields. */
  private int[] refs(JsonNode answer) {
    JsonNode hits = answer.path("hits").path("hits");
    int[] out = new int[hits.size()];
    int i = 0;
    for (JsonNode hit : hits) {
      out[i++] = intern(hit.path("_id").asString(), hit.path("_source"));
    }
    return out;
  }

  private static ObjectNode constantScore(Match m) {
    ObjectNode q = ClusterQueries.obj();
    q.putObject("constant_score").set("filter", ClusterQueries.of(m));
    return q;
  }

  /** The reference of a track: the one it already has in this request, or the next. */
  private synchronized int intern(String id, JsonNode source) {
    Integer ref = refs.get(id);
    if (ref != null) {
      return ref;
    }
    ids.add(id);
    fields.add(source);
    refs.put(id, ids.size() - 1);
    return ids.size() - 1;
  }

  @Override
  public List<CandidateReader.Read> read(
      int[] refs, boolean attributes, Map<String, Set<String>> wanted, Set<String> excluded) {
    List<CandidateReader.Read> out = new ArrayList<>(refs.length);
    for (int ref : refs) {
      String id;
      JsonNode f;
      synchronized (this) {
        id = ids.get(ref);
        f = fields.get(ref);
      }
      if (excluded.contains(id)) {
        continue;
      }
      out.add(read(ref, id, f, generation.model(), attributes, wanted));
    }
    return out;
  }

  /** A candidate from its hit's fields, with the values the embedded index's doc values give. */
  private static CandidateReader.Read read(
      int ref,
      String id,
      JsonNode f,
      FeatureModel model,
      boolean withAttributes,
      Map<String, Set<String>> wanted) {
    Double bpm = number(f.get(ClusterFields.BPM));
    Key key = null;
    if (f.hasNonNull(ClusterFields.KEY) && f.hasNonNull(ClusterFields.MODE)) {
      key =
          new Key(
              f.get(ClusterFields.KEY).asInt(),
              f.get(ClusterFields.MODE).asInt() == 1 ? Key.Mode.MAJOR : Key.Mode.MINOR);
    }
    Double energy = number(f.get(ClusterFields.of(Attribute.ENERGY.field())));
    int cluster = f.hasNonNull(ClusterFields.CLUSTER) ? f.get(ClusterFields.CLUSTER).asInt() : -1;
    JsonNode track = f.path(ClusterFields.TRACK);
    float[] vector =
        model == null
            ? null
            : model.vector(
                feature -> {
                  JsonNode x = track.get(feature.field());
                  return x == null || !x.isNumber() ? null : x.asDouble();
                });
    JsonNode a = f.path(ClusterFields.ARTIST_FP);
    long[] artists = new long[a.isArray() ? a.size() : 0];
    for (int i = 0; i < artists.length; i++) {
      artists[i] = a.get(i).asLong();
    }
    Arrays.sort(artists); // as doc values give them
    double[] attrs = new double[Attribute.values().length];
    Arrays.fill(attrs, Double.NaN);
    if (withAttributes) {
      for (Attribute at : Attribute.values()) {
        JsonNode x = f.get(ClusterFields.of(at.field()));
        if (x != null && x.isNumber()) {
          attrs[at.ordinal()] = at.integer() ? x.asLong() : x.floatValue();
        }
      }
    }
    Map<String, List<String>> facets = new HashMap<>();
    for (String field : CandidateReader.FACETS) {
      Set<String> want = wanted.getOrDefault(field, Set.of());
      List<String> has = new ArrayList<>(1);
      JsonNode values = f.get(ClusterFields.of(field));
      if (values != null && !want.isEmpty()) {
        for (JsonNode x : values.isArray() ? values : List.of(values)) {
          if (want.contains(x.asString())) {
            has.add(x.asString());
          }
        }
        has.sort(null); // term order, as doc values give them
      }
      facets.put(field, has);
    }
    Candidate c =
        new Candidate(
            ref,
            () -> id,
            bpm,
            key,
            energy,
            cluster,
            f.path(ClusterFields.SONG_FP).asLong(),
            f.path(ClusterFields.RELEASE_FP).asLong(),
            artists,
            vector,
            attrs);
    return new CandidateReader.Read(c, facets);
  }

  /** A float field's value as the embedded index stores it (a float), or null. */
  private static Double number(JsonNode n) {
    return n == null || !n.isNumber() ? null : (double) n.floatValue();
  }

  @Override
  public List<Track> tracks(int[] refs) throws IOException {
    if (refs.length == 0) {
      return List.of();
    }
    ObjectNode body = ClusterQueries.obj();
    ArrayNode wanted = body.putArray("ids");
    synchronized (this) {
      for (int ref : refs) {
        wanted.add(ids.get(ref));
      }
    }
    JsonNode docs =
        generation
            .client()
            .request(
                "POST",
                "/" + ClusterClient.encode(generation.index()) + "/_mget",
                Map.of("_source", ClusterFields.TRACK),
                body)
            .path("docs");
    List<Track> out = new ArrayList<>(refs.length);
    for (JsonNode d : docs) {
      if (!d.path("found").asBoolean()) {
        throw new UnknownTrackException(d.path("_id").asString());
      }
      out.add(ClusterDocuments.fromSource(d.path("_source")));
    }
    return out;
  }

  @Override
  public long count(Match m) throws IOException {
    return generation.count(m);
  }

  @Override
  public Map<String, Integer> values(String field) throws IOException {
    return generation.counts(field);
  }

  @Override
  public List<LookupHit> lookup(String text, int limit) throws IOException {
    return ClusterLookup.search(generation, text, limit);
  }

  @Override
  public Browse.Page browse(
      String words, Filters filters, String sortBy, boolean descending, int page, int perPage)
      throws IOException {
    return ClusterBrowse.run(generation, words, filters, sortBy, descending, page, perPage);
  }
}
