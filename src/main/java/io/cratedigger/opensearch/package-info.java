/**
 * The OpenSearch backend's rebuild: {@link io.cratedigger.opensearch.ClusterTarget} writes a
 * generation into a cluster (a new index per generation, the alias {@code cratedigger} moved
 * atomically) through {@link io.cratedigger.opensearch.ClusterClient}, the official client with
 * {@link io.cratedigger.opensearch.ClusterSettings}' URL and credentials. {@link
 * io.cratedigger.opensearch.ClusterFields} maps the embedded index's field names to the cluster's,
 * {@link io.cratedigger.opensearch.ClusterMapping} and {@link
 * io.cratedigger.opensearch.ClusterDocuments} give the index and its documents, and {@link
 * io.cratedigger.opensearch.ClusterMeta} keeps each generation's models and report.
 */
package io.cratedigger.opensearch;
