package io.cratedigger.opensearch;

import io.cratedigger.index.BuildOptions;
import io.cratedigger.index.BuildTarget;
import io.cratedigger.index.IndexReport;
import io.cratedigger.model.FeatureModel;
import io.cratedigger.model.SceneModel;
import io.cratedigger.track.Track;
import io.cratedigger.view.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A rebuild into an OpenSearch cluster: each generation is a new index {@code
 * cratedigger-gen-NNNNNN} (one more than the highest there), loaded with refresh off and no
 * replicas, then given its refresh and replicas back, verified, and published by moving the alias
 * {@value #ALIAS} to it in one {@code _aliases} call. Servers read through the alias, so until that
 * call they see the previous generation, and a rebuild that fails (or is killed) leaves the alias
 * where it was; a killed one's index is removed by the next rebuild's {@link #cleanup}.
 *
 * <p>The sound model, the scene model and the report travel with the generation in {@link
 * ClusterMeta}'s index, so every server scores with the same PCA.
 *
 * <p>Opening the target creates the index (without the vector field, which {@link #saveModel} adds
 * once the model's dimensions are known), so two rebuilds never write the same generation: the
 * second one's create fails.
 */
public final class ClusterTarget implements BuildTarget {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterTarget.class);

  /** The alias servers read through. */
  public static final String ALIAS = "cratedigger";

  /** Every generation's index name starts with this, then the zero-padded number. */
  public static final String PREFIX = "cratedigger-gen-";

  private static final Pattern GENERATION = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)");

  /** Longest wait for the replicas of a loaded generation to be copied, in seconds. */
  private static final int REPLICA_WAIT_SECONDS = 30 * 60;

  private final ClusterClient client;
  private final ClusterSettings settings;
  private final BuildOptions options;
  private final ClusterMeta meta;
  private final String name;
  private final BulkLoader bulk;
  private volatile int dimensions;
  private List<String> previous = List.of();
  private boolean published;

  private ClusterTarget(ClusterClient client, BuildOptions options) throws IOException {
    this.client = client;
    this.settings = client.settings();
    this.options = options;
    this.meta = new ClusterMeta(client);
    meta.ensureIndex();
    this.name = next(client.indices(PREFIX + "*"));
    create(ClusterMapping.createIndex(settings, options, 0));
    this.bulk = new BulkLoader(client, name, senders(options));
    LOG.info("building {} in OpenSearch at {}", name, client.location());
  }

  /**
   * Connects to the cluster and creates the new generation's index; the target owns the connection
   * and closes it.
   *
   * @throws ClusterException when the cluster cannot be reached or refuses the index
   */
  public static ClusterTarget open(ClusterSettings settings, BuildOptions options)
      throws IOException {
    ClusterClient client = ClusterClient.connect(settings);
    try {
      return new ClusterTarget(client, options);
    } catch (IOException | RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /**
   * Bulk senders: as many as indexing workers (at least two, so one request is on the wire while
   * the next is built), at most eight; the node's own write queue does the rest.
   */
  static int senders(BuildOptions options) {
    return Math.max(2, Math.min(8, options.threads()));
  }

  /** The name after the highest generation in {@code existing}: {@code cratedigger-gen-000001}. */
  static String next(List<String> existing) {
    long highest = 0;
    for (String index : existing) {
      long n = number(index);
      highest = Math.max(highest, n);
    }
    return name(highest + 1);
  }

  /** A generation's index name, e.g. {@code cratedigger-gen-000007}. */
  static String name(long number) {
    return PREFIX + String.format(Locale.ROOT, "%06d", number);
  }

  /** The number of a generation's index, or -1 for another name. */
  static long number(String index) {
    Matcher m = GENERATION.matcher(index);
    if (!m.matches()) {
      return -1;
    }
    try {
      return Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void create(ObjectNode body) throws IOException {
    String path = "/" + name;
    ClusterClient.Answer a =
        client.call("PUT", path, Map.of(), Json.MAPPER.writeValueAsBytes(body), "application/json");
    if (a.ok()) {
      return;
    }
    String type = a.body().path("error").path("type").asString("");
    ClusterException e = client.failure("PUT", path, a);
    if (type.equals("resource_already_exists_exception")) {
      throw new ClusterException(
          name + " already exists: another rebuild is writing it; try again once it is done",
          a.status(),
          type,
          e);
    }
    if (e.getMessage().contains("index.knn")) {
      throw new ClusterException(
          "the cluster at "
              + client.location()
              + " has no k-NN plugin (opensearch-knn), which the vectors need: "
              + e.getMessage(),
          a.status(),
          type,
          e);
    }
    throw e;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String location() {
    return client.location();
  }

  @Override
  public void saveModel(FeatureModel model) throws IOException {
    if (bulk.loaded() > 0) {
      throw new IllegalStateException("the model must be saved before the first track");
    }
    ObjectNode mapping = Json.MAPPER.createObjectNode();
    mapping
        .putObject("properties")
        .set(ClusterFields.VECTOR, ClusterMapping.vectorField(options, model.dimensions()));
    client.request("PUT", "/" + name + "/_mapping", Map.of(), mapping);
    dimensions = model.dimensions();
    meta.save(name, ClusterMeta.MODEL, Json.MAPPER.readTree(model.toJson()));
  }

  @Override
  public void add(Track track, float[] vector, int cluster, boolean imputed) throws IOException {
    if (vector != null && vector.length != dimensions) {
      throw new IllegalArgumentException(
          dimensions == 0
              ? "a vector for track " + track.id() + " but no model was saved"
              : "the vector of track "
                  + track.id()
                  + " has "
                  + vector.length
                  + " values, the model "
                  + dimensions);
    }
    bulk.add(track.id(), ClusterDocuments.toJson(track, vector, cluster, imputed));
  }

  /**
   * Sends the last documents, gives the index its refresh and replicas back, refreshes it and waits
   * for the replicas where the cluster has the nodes for them.
   *
   * @return the primary shards
   */
  @Override
  public int complete() throws IOException {
    long loaded = bulk.finish();
    LOG.info(
        "{}: {} tracks loaded in {} bulk requests ({} sent again)",
        name,
        loaded,
        bulk.requests(),
        bulk.retries());
    client.request("POST", "/" + name + "/_refresh", Map.of(), null);
    merge();
    client.request(
        "PUT",
        "/" + name + "/_settings",
        Map.of(),
        ClusterMapping.servingSettings(settings.replicas()));
    client.request("POST", "/" + name + "/_refresh", Map.of(), null);
    awaitReplicas();
    return settings.shards();
  }

  /** Longest wait for the final merge, in minutes. */
  static final int MERGE_MINUTES = 120;

  /**
   * Merges each primary shard into one segment, before the replicas copy it: a vector search visits
   * every segment's HNSW graph with the whole k, so a generation left in the 16 segments of its
   * load answered a filtered nearest-neighbour query in 8–19 ms at a million tracks where one graph
   * takes a fraction of that (the embedded index is merged to one segment too). Sent as a task and
   * polled, so no request waits minutes for its answer.
   */
  private void merge() throws IOException {
    long t = System.nanoTime();
    JsonNode started =
        client.request(
            "POST",
            "/" + name + "/_forcemerge",
            Map.of("max_num_segments", "1", "wait_for_completion", "false"),
            null);
    String task = started.path("task").asString("");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(MERGE_MINUTES);
    while (!task.isEmpty()) {
      JsonNode status = client.get("/_tasks/" + ClusterClient.encode(task), Map.of());
      if (status.path("completed").asBoolean()) {
        if (status.has("error")) {
          throw new ClusterException(
              name + ": the final merge failed: " + status.path("error").path("reason").asString(),
              500,
              status.path("error").path("type").asString(null),
              null);
        }
        break;
      }
      if (System.nanoTime() > deadline) {
        throw new ClusterException(
            name + ": the final merge did not finish in " + MERGE_MINUTES + " minutes",
            0,
            null,
            null);
      }
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException(name + ": interrupted during the final merge");
      }
    }
    LOG.info(
        "{}: merged into one segment per shard in {} s",
        name,
        String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t) / 1e9));
  }

  /** Waits until the replicas are copied, when the cluster has enough data nodes to hold them. */
  private void awaitReplicas() throws IOException {
    int replicas = settings.replicas();
    if (replicas == 0) {
      return;
    }
    int nodes = client.get("/_cluster/health", Map.of()).path("number_of_data_nodes").asInt(0);
    if (nodes <= replicas) {
      // a shard's copies go to distinct nodes: one node holds the primary alone
      LOG.warn(
          "{}: {} replica(s) asked but the cluster has {} data node(s), so {} of each shard's"
              + " replicas stay unassigned (the index is yellow) until nodes join",
          name,
          replicas,
          nodes,
          replicas - Math.max(0, nodes - 1));
      return;
    }
    long deadline = System.nanoTime() + REPLICA_WAIT_SECONDS * 1_000_000_000L;
    String path = "/_cluster/health/" + name;
    while (true) {
      ClusterClient.Answer a =
          client.call(
              "GET", path, Map.of("wait_for_status", "green", "timeout", "60s"), null, null);
      // 408 with timed_out: not green yet
      if (!a.ok() && a.status() != 408) {
        throw client.failure("GET", path, a);
      }
      JsonNode health = a.body();
      if (!health.path("timed_out").asBoolean(false)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        LOG.warn(
            "{}: the replicas are not all copied after {} minutes; publishing it yellow",
            name,
            REPLICA_WAIT_SECONDS / 60);
        return;
      }
      LOG.info(
          "{}: waiting for replicas ({} shard copies initializing, {} unassigned)",
          name,
          health.path("initializing_shards").asInt(),
          health.path("unassigned_shards").asInt());
    }
  }

  @Override
  public void saveScenes(SceneModel scenes) throws IOException {
    meta.save(name, ClusterMeta.SCENES, Json.MAPPER.valueToTree(scenes));
  }

  /**
   * Checks the new index before it is published: it counts {@code indexed} documents, the id of one
   * of them finds exactly that one, and (with {@code vectors}) a vector query answers.
   *
   * @throws IllegalStateException naming what does not hold
   */
  @Override
  public void verify(long indexed, boolean vectors) throws IOException {
    long count = client.get("/" + name + "/_count", Map.of()).path("count").asLong(-1);
    if (count != indexed) {
      throw new IllegalStateException(
          "the new index " + name + " holds " + count + " documents, expected " + indexed);
    }
    if (indexed > 0) {
      ObjectNode one = Json.MAPPER.createObjectNode();
      one.put("size", 1);
      one.putArray("_source").add(ClusterFields.TRACK + "." + "id");
      JsonNode hits = search(one);
      String id = hits.path(0).path("_source").path(ClusterFields.TRACK).path("id").asString("");
      if (id.isEmpty()) {
        throw new IllegalStateException("the new index " + name + " returns no stored track");
      }
      ObjectNode byId = Json.MAPPER.createObjectNode();
      byId.putObject("query").putObject("term").put(ClusterFields.ID, id);
      long found =
          client.request("POST", "/" + name + "/_count", Map.of(), byId).path("count").asLong();
      if (found != 1) {
        throw new IllegalStateException(
            "the new index " + name + " finds " + found + " tracks by the id " + id + ", not 1");
      }
    }
    if (vectors) {
      if (dimensions == 0) {
        throw new IllegalStateException("vectors were expected but no model was saved");
      }
      ObjectNode knn = Json.MAPPER.createObjectNode();
      knn.put("size", 1);
      knn.put("_source", false);
      ObjectNode q = knn.putObject("query").putObject("knn").putObject(ClusterFields.VECTOR);
      ArrayNode probe = q.putArray("vector");
      for (int i = 0; i < dimensions; i++) {
        probe.add(0.0f);
      }
      q.put("k", 1);
      if (search(knn).isEmpty()) {
        throw new IllegalStateException("the new index " + name + " answers no vector query");
      }
    }
  }

  private JsonNode search(ObjectNode body) throws IOException {
    return client
        .request("POST", "/" + name + "/_search", Map.of(), body)
        .path("hits")
        .path("hits");
  }

  @Override
  public void saveReport(IndexReport report) throws IOException {
    meta.save(name, ClusterMeta.REPORT, Json.MAPPER.valueToTree(report));
  }

  /**
   * Moves the alias to the new index in one {@code _aliases} call: removed from every index that
   * has it (none on the first build), added to this one. The call is atomic, so a server's search
   * goes to the old generation or to the new one, never to both or none.
   */
  @Override
  public void publish() throws IOException {
    List<String> before = new ArrayList<>(client.aliasTargets(ALIAS));
    before.remove(name);
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode actions = body.putArray("actions");
    // "*", not the generations' pattern: the alias must end on this index alone, whatever held it
    ObjectNode remove = actions.addObject().putObject("remove");
    remove.put("index", "*");
    remove.put("alias", ALIAS);
    remove.put("must_exist", false);
    ObjectNode add = actions.addObject().putObject("add");
    add.put("index", name);
    add.put("alias", ALIAS);
    client.request("POST", "/_aliases", Map.of(), body);
    synchronized (this) {
      published = true;
      previous = List.copyOf(before);
    }
    LOG.info("{} is live (alias {}; before: {})", name, ALIAS, before.isEmpty() ? "none" : before);
  }

  /**
   * Deletes the generations older than this one but the one the alias held before (kept to go back
   * to), with their models and reports; newer ones (another rebuild's, in progress) stay.
   */
  @Override
  public List<String> cleanup() throws IOException {
    Set<String> keep;
    synchronized (this) {
      if (!published) {
        throw new IllegalStateException("cleanup comes after publish");
      }
      keep = new HashSet<>(previous);
    }
    keep.add(name);
    long mine = number(name);
    List<String> deleted = new ArrayList<>();
    for (String index : client.indices(PREFIX + "*")) {
      long n = number(index);
      if (n < 0 || n >= mine || keep.contains(index)) {
        continue;
      }
      client.deleteIndex(index);
      meta.delete(index);
      deleted.add(index);
    }
    if (!deleted.isEmpty()) {
      LOG.info("deleted old generations {}", deleted);
    }
    return deleted;
  }

  /**
   * Deletes the new index and its documents in {@link ClusterMeta}, unless it was published (or the
   * alias points at it: a publish whose answer was lost). Best effort: a cluster that does not
   * answer keeps it, and the next rebuild's cleanup removes it.
   */
  @Override
  public void abort() {
    bulk.cancel();
    synchronized (this) {
      if (published) {
        LOG.warn("{} is published; not deleting it", name);
        return;
      }
    }
    try {
      if (client.aliasTargets(ALIAS).contains(name)) {
        LOG.warn("{} holds the alias {}; not deleting it", name, ALIAS);
        return;
      }
      client.deleteIndex(name);
      meta.delete(name);
      LOG.info("rebuild aborted: deleted {}", name);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "rebuild aborted, but {} could not be deleted (the next rebuild removes it): {}",
          name,
          e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    bulk.close();
    client.close();
  }
}
