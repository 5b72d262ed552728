package io.cratedigger.opensearch;

import io.cratedigger.view.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads documents into one index with {@code _bulk} requests: the callers (several indexing
 * workers) turn documents into bulk lines and fill a batch; a full batch (so many documents or so
 * many bytes) goes to a small pool of senders through a bounded queue, so when the cluster is
 * slower than the workers, the workers wait (back-pressure) instead of piling batches up in memory.
 *
 * <p>A request the cluster is too busy for (429, or 502/503/504, or no answer) is sent again after
 * an exponential backoff, and so are the items of a bulk answer rejected with 429; after {@link
 * Backoff#attempts} tries the load fails. Any other refused item fails the load with that item's
 * reason. Documents carry their track's id as {@code _id}, so sending one twice (a retry of a
 * request whose answer was lost) writes it once.
 *
 * <p>The first failure stops the load: later {@link #add}s throw it, and so does {@link #finish}.
 */
final class BulkLoader implements AutoCloseable {

  /**
   * How often and how long to wait before sending a refused request again: the first wait, then
   * doubling up to {@code max}, each with ±20 % jitter so the senders do not retry in step.
   *
   * @param attempts tries in all (the first one included) before the load fails
   * @param first the first wait
   * @param max the longest wait
   */
  record Backoff(int attempts, Duration first, Duration max) {
    Backoff {
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
      }
    }

    /** The default: 10 tries over about a minute. */
    static final Backoff DEFAULT = new Backoff(10, Duration.ofMillis(250), Duration.ofSeconds(15));

    /** The wait before try {@code attempt + 1} (attempt counts from 1), without jitter. */
    Duration delay(int attempt) {
      long ms = first.toMillis() << Math.min(30, attempt - 1);
      return Duration.ofMillis(Math.min(ms, max.toMillis()));
    }
  }

  /** Documents per request. */
  static final int MAX_DOCS = 1_000;

  /**
   * Bytes per request: well under OpenSearch's 100 MB limit, large enough to amortise a request.
   */
  static final int MAX_BYTES = 5 << 20;

  /** What the bulk answers are cut down to: whether any item failed, and each item's outcome. */
  private static final Map<String, String> PARAMS =
      Map.of("filter_path", "errors,items.*.status,items.*.error");

  private static final Batch POISON = new Batch();

  private final ClusterClient client;
  private final String index;
  private final String path;
  private final Backoff backoff;
  private final int maxDocs;
  private final int maxBytes;
  private final BlockingQueue<Batch> queue;
  private final ExecutorService senders;
  private final int senderCount;
  private final AtomicReference<IOException> failure = new AtomicReference<>();
  private final AtomicLong loaded = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private Batch current = new Batch();
  private volatile boolean finished;
  private volatile boolean cancelled;

  BulkLoader(ClusterClient client, String index, int senders) {
    this(client, index, senders, MAX_DOCS, MAX_BYTES, Backoff.DEFAULT);
  }

  BulkLoader(
      ClusterClient client, String index, int senders, int maxDocs, int maxBytes, Backoff backoff) {
    if (senders < 1) {
      throw new IllegalArgumentException("senders must be at least 1, got " + senders);
    }
    this.client = client;
    this.index = index;
    this.path = "/" + ClusterClient.encode(index) + "/_bulk";
    this.maxDocs = maxDocs;
    this.maxBytes = maxBytes;
    this.backoff = backoff;
    this.senderCount = senders;
    // as many full batches waiting as there are senders: enough to keep them busy, no more
    this.queue = new ArrayBlockingQueue<>(senders);
    this.senders =
        Executors.newFixedThreadPool(
            senders, Thread.ofPlatform().name("bulk-" + index + "-", 1).daemon().factory());
    for (int i = 0; i < senders; i++) {
      this.senders.execute(this::send);
    }
  }

  /** One document with its id as {@code _id}. Safe to call from several threads. */
  void add(String id, ObjectNode document) throws IOException {
    check();
    if (finished) {
      throw new IllegalStateException("the load into " + index + " is finished");
    }
    ObjectNode action = Json.MAPPER.createObjectNode();
    action.putObject("index").put("_id", id);
    byte[] head = Json.MAPPER.writeValueAsBytes(action);
    byte[] doc = Json.MAPPER.writeValueAsBytes(document);
    byte[] item = new byte[head.length + doc.length + 2];
    System.arraycopy(head, 0, item, 0, head.length);
    item[head.length] = '\n';
    System.arraycopy(doc, 0, item, head.length + 1, doc.length);
    item[item.length - 1] = '\n';
    Batch full = null;
    synchronized (this) {
      current.add(id, item);
      if (current.size() >= maxDocs || current.bytes >= maxBytes) {
        full = current;
        current = new Batch();
      }
    }
    if (full != null) {
      enqueue(full);
    }
  }

  /**
   * Sends what is left and waits for every request to be answered.
   *
   * @return the documents loaded
   * @throws IOException the load's first failure
   */
  long finish() throws IOException {
    Batch rest;
    synchronized (this) {
      finished = true;
      rest = current;
      current = new Batch();
    }
    try {
      if (rest.size() > 0) {
        enqueue(rest);
      }
      for (int i = 0; i < senderCount; i++) {
        enqueue(POISON);
      }
    } finally {
      senders.shutdown();
    }
    try {
      while (!senders.awaitTermination(1, TimeUnit.SECONDS)) {
        check();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel();
      throw new IOException("interrupted while loading " + index, e);
    }
    check();
    return loaded.get();
  }

  /** Stops: queued batches are dropped, senders stop after their request. */
  void cancel() {
    cancelled = true;
    finished = true;
    queue.clear();
    senders.shutdownNow();
  }

  @Override
  public void close() {
    if (!senders.isTerminated()) {
      cancel();
    }
  }

  /** Documents the cluster has acknowledged so far. */
  long loaded() {
    return loaded.get();
  }

  /** Bulk requests sent so far, retries included. */
  long requests() {
    return requests.get();
  }

  /** Requests sent again, whole or in part, after the cluster was too busy. */
  long retries() {
    return retries.get();
  }

  private void check() throws IOException {
    IOException e = failure.get();
    if (e != null) {
      // a new exception per caller, each with this caller's stack, the first failure as cause
      throw new ClusterException(e.getMessage(), status(e), type(e), e);
    }
    if (cancelled) {
      throw new IOException("the load into " + index + " was cancelled");
    }
  }

  private static int status(IOException e) {
    return e instanceof ClusterException c ? c.status() : 0;
  }

  private static String type(IOException e) {
    return e instanceof ClusterException c ? c.type() : null;
  }

  /** Waits for room in the queue; gives up when the load failed or was cancelled. */
  private void enqueue(Batch b) throws IOException {
    try {
      while (!queue.offer(b, 200, TimeUnit.MILLISECONDS)) {
        check();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while loading " + index, e);
    }
  }

  /** A sender: takes batches until the poison; after a failure it only drains the queue. */
  private void send() {
    try {
      for (Batch b = queue.take(); b != POISON; b = queue.take()) {
        if (failure.get() != null || cancelled) {
          continue;
        }
        try {
          send(b);
        } catch (IOException e) {
          failure.compareAndSet(null, e);
        } catch (RuntimeException e) {
          failure.compareAndSet(
              null, new IOException("loading " + index + " failed: " + e.getMessage(), e));
        }
      }
    } catch (InterruptedException e) {
      // cancelled
      Thread.currentThread().interrupt();
    }
  }

  private void send(Batch batch) throws IOException {
    List<String> ids = batch.ids;
    List<byte[]> items = batch.items;
    for (int attempt = 1; ; attempt++) {
      requests.incrementAndGet();
      ClusterClient.Answer a;
      try {
        a = client.call("POST", path, PARAMS, concat(items), "application/x-ndjson");
      } catch (ClusterException e) {
        // no answer: the node may be restarting or overloaded; the ids make a resend harmless
        giveUpOrWait(attempt, e.getMessage(), e);
        continue;
      }
      if (a.status() == 429 || a.status() == 502 || a.status() == 503 || a.status() == 504) {
        giveUpOrWait(attempt, client.failure("POST", path, a).getMessage(), null);
        continue;
      }
      if (!a.ok()) {
        throw client.failure("POST", path, a);
      }
      Outcome o = outcome(a.body(), items.size());
      if (o.refused() >= 0) {
        JsonNode error = a.body().path("items").get(o.refused()).path("index");
        throw new ClusterException(
            "OpenSearch at "
                + client.location()
                + " refused track "
                + ids.get(o.refused())
                + " in "
                + index
                + " ("
                + error.path("status").asInt()
                + "): "
                + ClusterClient.reason(error),
            error.path("status").asInt(),
            error.path("error").path("type").asString(null),
            null);
      }
      loaded.addAndGet(items.size() - o.retry().size());
      if (o.retry().isEmpty()) {
        return;
      }
      List<String> retryIds = new ArrayList<>(o.retry().size());
      List<byte[]> retryItems = new ArrayList<>(o.retry().size());
      for (int i : o.retry()) {
        retryIds.add(ids.get(i));
        retryItems.add(items.get(i));
      }
      ids = retryIds;
      items = retryItems;
      JsonNode first = a.body().path("items").get(o.retry().get(0)).path("index");
      giveUpOrWait(
          attempt,
          o.retry().size()
              + " of the request's documents were refused for now: "
              + ClusterClient.reason(first),
          null);
    }
  }

  /**
   * What a bulk answer says: which items to send again (429: the node's queue was full), and the
   * first item refused for good (-1 when none).
   */
  record Outcome(List<Integer> retry, int refused) {}

  static Outcome outcome(JsonNode answer, int sent) {
    if (!answer.path("errors").asBoolean(false)) {
      return new Outcome(List.of(), -1);
    }
    JsonNode items = answer.path("items");
    if (items.size() != sent) {
      throw new IllegalStateException(
          "the bulk answer has " + items.size() + " items for " + sent + " documents sent");
    }
    List<Integer> retry = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i).path("index");
      int status = item.path("status").asInt(0);
      if (status == 429) {
        retry.add(i);
      } else if (status < 200 || status >= 300) {
        return new Outcome(retry, i);
      }
    }
    return new Outcome(retry, -1);
  }

  private void giveUpOrWait(int attempt, String why, Throwable cause) throws IOException {
    if (attempt >= backoff.attempts()) {
      throw new ClusterException(
          "OpenSearch at "
              + client.location()
              + " stayed too busy to load "
              + index
              + " ("
              + attempt
              + " tries over about "
              + totalSeconds(attempt)
              + " s): "
              + why,
          cause instanceof ClusterException c ? c.status() : 429,
          null,
          cause);
    }
    retries.incrementAndGet();
    long ms = backoff.delay(attempt).toMillis();
    ms = Math.round(ms * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while loading " + index, e);
    }
    if (cancelled) {
      throw new IOException("the load into " + index + " was cancelled");
    }
  }

  private long totalSeconds(int attempts) {
    long ms = 0;
    for (int i = 1; i < attempts; i++) {
      ms += backoff.delay(i).toMillis();
    }
    return Math.round(ms / 1000.0);
  }

  private static byte[] concat(List<byte[]> items) {
    int n = 0;
    for (byte[] b : items) {
      n += b.length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(n);
    for (byte[] b : items) {
      out.writeBytes(b);
    }
    return out.toByteArray();
  }

  /** Documents waiting to be sent together: their ids (for messages) and bulk lines. */
  private static final class Batch {
    final List<String> ids = new ArrayList<>();
    final List<byte[]> items = new ArrayList<>();
    int bytes;

    void add(String id, byte[] item) {
      ids.add(id);
      items.add(item);
      bytes += item.length;
    }

    int size() {
      return items.size();
    }
  }
}
