package io.cratedigger.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cratedigger.search.Browse;
import io.cratedigger.search.Catalog;
import java.util.List;
import java.util.Map;

/** The browsing answers: facets, an artist, the clusters, a page of tracks. */
public final class CatalogView {
  private CatalogView() {}

  /** {@code {"items":[{"name":..,"tracks":..}]}}: a facet's values, most tracks first. */
  public record Items(List<Catalog.Count> items) {}

  /** An artist: its track count, styles and labels with counts, its most popular tracks. */
  public record Artist(
      String name,
      int tracks,
      List<Catalog.Count> styles,
      List<Catalog.Count> labels,
      List<TrackView> topTracks) {
    public static Artist of(Catalog.Artist a) {
      return new Artist(a.name(), a.tracks(), a.styles(), a.labels(), TrackView.all(a.topTracks()));
    }
  }

  /**
   * A sound cluster: its number, its name in plain words, its size, its centroid's profile and,
   * when one cluster is asked for, a sample mix of it.
   */
  public record Cluster(
      int id,
      String name,
      int tracks,
      Map<String, Double> profile,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<TrackView> mix) {
    public static Cluster of(Catalog.ClusterSize c) {
      return new Cluster(
          c.cluster().id(),
          c.cluster().name(),
          c.tracks(),
          c.cluster().profile(),
          c.mix() == null ? null : TrackView.all(c.mix()));
    }
  }

  /** {@code {"clusters":[..]}}. */
  public record Clusters(List<Cluster> clusters) {
    public static Clusters of(List<Catalog.ClusterSize> all) {
      return new Clusters(all.stream().map(Cluster::of).toList());
    }
  }

  /** A page of the filtered browse. */
  public record Page(long total, int page, int perPage, List<TrackView> tracks) {
    public static Page of(Browse.Page p) {
      return new Page(p.total(), p.page(), p.perPage(), TrackView.all(p.tracks()));
    }
  }
}
