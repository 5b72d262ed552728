package io.cratedigger.index;

/**
 * How a rebuild runs.
 *
 * @param threads indexing threads (both cores by default: reading and parsing keep a third busy)
 * @param hnswMaxConn neighbours per node in the HNSW graph
 * @param hnswBeamWidth candidates considered while inserting into the graph
 * @param ramBufferMb indexing buffer; larger means fewer, larger segments
 * @param sampleSize tracks sampled (reservoir) to fit the feature model
 * @param seed seed of the sample and of the model's clustering
 */
public record BuildOptions(
    int threads,
    int hnswMaxConn,
    int hnswBeamWidth,
    double ramBufferMb,
    int sampleSize,
    long seed) {

  public BuildOptions {
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("threads must be 1..64, got " + threads);
    }
    if (hnswMaxConn < 2 || hnswMaxConn > 512) {
      throw new IllegalArgumentException("hnswMaxConn must be 2..512, got " + hnswMaxConn);
    }
    if (hnswBeamWidth < 1 || hnswBeamWidth > 3200) {
      throw new IllegalArgumentException("hnswBeamWidth must be 1..3200, got " + hnswBeamWidth);
    }
    if (!(ramBufferMb >= 16 && ramBufferMb <= 2048)) {
      throw new IllegalArgumentException("ramBufferMb must be 16..2048, got " + ramBufferMb);
    }
    if (sampleSize < 100) {
      throw new IllegalArgumentException("sampleSize must be at least 100, got " + sampleSize);
    }
  }

  /** The defaults, chosen by measuring recall and speed together (see the README). */
  public static BuildOptions defaults() {
    // A quarter of the heap for the indexing buffer, at most 512 MB: fewer flushes mean fewer
    // segments and fewer merges, and merging rebuilds HNSW graphs.
    double ram = Math.min(512, Runtime.getRuntime().maxMemory() / 4.0 / (1 << 20));
    return new BuildOptions(
        Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
        16,
        50,
        Math.max(16, ram),
        200_000,
        42);
  }
}
