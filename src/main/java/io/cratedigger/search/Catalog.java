package io.cratedigger.search;

import io.cratedigger.NotFoundException;
import io.cratedigger.index.Schema;
import io.cratedigger.model.Cluster;
import io.cratedigger.rank.MixPath;
import io.cratedigger.rank.MixPolicy;
import io.cratedigger.track.Placeholders;
import io.cratedigger.track.Track;
import io.cratedigger.track.Versions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the catalog holds, for browsing: the facets (artists, labels, styles, genres) with their
 * counts, one artist's figures, the sound clusters with a sample mix each. Reads the generation
 * served at each call, from either backend.
 */
public final class Catalog {
  private final TrackSource source;

  public Catalog(TrackSource source) {
    this.source = source;
  }

  /** A facet value and the tracks that carry it. */
  public record Count(String name, int tracks) {}

  /** An artist: its tracks, its most frequent styles and labels, its most popular tracks. */
  public record Artist(
      String name, int tracks, List<Count> styles, List<Count> labels, List<Track> topTracks) {}

  /** A sound cluster and its size in the live generation; {@code mix}: a sample, ordered to mix. */
  public record ClusterSize(Cluster cluster, int tracks, List<Track> mix) {}

  private static boolean placeholder(String field, String value) {
    return switch (field) {
      case Schema.ARTIST_EXACT -> Placeholders.artist(value);
      case Schema.LABEL_EXACT -> Placeholders.label(value);
      default -> false;
    };
  }

  /**
   * Value → count of a keyword field, most tracks first, optionally filtered by folded text.
   * Placeholder artists and labels ("Various Artists", "Not On Label") are listed only when
   * searched for: they are not an artist or a label a user browses to.
   */
  public List<Count> facet(String field, String search, int limit) throws IOException {
    String want = search == null ? "" : Versions.fold(search);
    return source.read(
        ix -> {
          List<Map.Entry<String, Integer>> all = new ArrayList<>();
          for (var e : ix.values(field).entrySet()) {
            if (want.isEmpty() && placeholder(field, e.getKey())) {
              continue;
            }
            if (want.isEmpty() || Versions.fold(e.getKey()).contains(want)) {
              all.add(e);
            }
          }
          all.sort(
              Map.Entry.<String, Integer>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()));
          return all.subList(0, Math.min(limit, all.size())).stream()
              .map(e -> new Count(e.getKey(), e.getValue()))
              .toList();
        });
  }

  /** An artist: track count, styles and labels with counts, the most popular tracks. */
  public Artist artist(String typed) throws IOException {
    return source.read(
        ix -> {
          List<String> names = ix.spell(Schema.ARTIST_EXACT, typed);
          if (names.isEmpty()) {
            throw new NotFoundException("no artist \"" + typed + "\" in the catalog");
          }
          String name = names.getFirst();
          Match m = Match.anyOf(Schema.ARTIST_EXACT, List.of(name));
          int count = (int) ix.count(m);
          List<Track> tracks = ix.popular(m, 500);
          Map<String, Integer> styles = new LinkedHashMap<>();
          Map<String, Integer> labels = new LinkedHashMap<>();
          for (Track t : tracks) {
            t.styles().forEach(v -> styles.merge(v, 1, Integer::sum));
            if (t.label() != null) {
              labels.merge(t.label(), 1, Integer::sum);
            }
          }
          return new Artist(
              name,
              count,
              top(styles),
              top(labels),
              tracks.subList(0, Math.min(20, tracks.size())));
        });
  }

  /** The clusters of the live generation with names, profiles and sizes. */
  public List<ClusterSize> clusters() throws IOException {
    return source.read(
        ix -> {
          List<ClusterSize> out = new ArrayList<>();
          for (Cluster c : clusterList(ix)) {
            out.add(new ClusterSize(c, size(ix, c), null));
          }
          return out;
        });
  }

  /** One cluster and a sample mix: its most popular tracks, ordered to mix into each other. */
  public ClusterSize cluster(int id, int limit) throws IOException {
    return source.read(
        ix -> {
          Cluster c =
              clusterList(ix).stream()
                  .filter(x -> x.id() == id)
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new NotFoundException(
                              "no cluster "
                                  + id
                                  + "; clusters are 0.."
                                  + (clusterList(ix).size() - 1)));
          List<Track> pool = ix.popular(new Match.IntIs(Schema.CLUSTER, id), limit * 3);
          List<Track> distinct = new ArrayList<>();
          var songs = new java.util.HashSet<String>();
          for (Track t : pool) {
            if (songs.add(Versions.songKey(t)) && distinct.size() < limit) {
              distinct.add(t);
            }
          }
          // a sample, not a request: the default rules
          return new ClusterSize(c, size(ix, c), MixPath.order(distinct, MixPolicy.defaults()));
        });
  }

  private static List<Cluster> clusterList(TrackIndex ix) {
    return ix.model() == null ? List.of() : ix.model().clusters();
  }

  private static int size(TrackIndex ix, Cluster c) throws IOException {
    return (int) ix.count(new Match.IntIs(Schema.CLUSTER, c.id()));
  }

  private static List<Count> top(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(10)
        .map(e -> new Count(e.getKey(), e.getValue()))
        .toList();
  }
}
