package io.cratedigger.config;

import java.util.Locale;

/**
 * Where the tracks are indexed and searched: the embedded Lucene index or an OpenSearch cluster.
 */
public enum Backend {
  /** The embedded index in a local folder (the default). */
  LUCENE,
  /** An OpenSearch cluster, read through the alias {@code cratedigger}. */
  OPENSEARCH;

  /** The name on the command line and in the configuration: {@code lucene}, {@code opensearch}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The backend called {@code name} (any case).
   *
   * @throws IllegalArgumentException naming the choices
   */
  public static Backend parse(String name) {
    for (Backend b : values()) {
      if (b.id().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return b;
      }
    }
    throw new IllegalArgumentException("backend must be lucene or opensearch, got " + name);
  }

  @Override
  public String toString() {
    return id();
  }
}
