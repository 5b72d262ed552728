/**
 * The feature model: which audio features describe a track's sound, how they are standardised and
 * reduced to a short vector for Euclidean KNN, and the named sound clusters. {@link
 * io.cratedigger.model.FeatureModel} is the entry point; it is fitted once per catalog and stored
 * as {@code model.json} next to the index.
 */
package io.cratedigger.model;
