package io.cratedigger.search;

import io.cratedigger.NotFoundException;
import io.cratedigger.index.Generation;
import io.cratedigger.index.LiveIndex;
import io.cratedigger.index.Schema;
import io.cratedigger.index.TrackDocuments;
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
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopDocs;

/**
 * What the catalog holds, for browsing: the facets (artists, labels, styles, genres) with their
 * counts, one artist's figures, the sound clusters with a sample mix each. Reads the live index's
 * current generation on every call.
 */
public final class Catalog {
  private final LiveIndex live;

  public Catalog(LiveIndex live) {
    this.live = live;
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
    return live.search(
        (s, g) -> {
          List<Map.Entry<String, Integer>> all = new ArrayList<>();
          for (var e : FacetValues.counts(s.getIndexReader(), field).entrySet()) {
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
    return live.search(
        (s, g) -> {
          List<String> names = FacetValues.resolve(s.getIndexReader(), Schema.ARTIST_EXACT, typed);
          if (names.isEmpty()) {
            throw new NotFoundException("no artist \"" + typed + "\" in the catalog");
          }
          String name = names.getFirst();
          var q = KeywordField.newExactQuery(Schema.ARTIST_EXACT, name);
          int count = s.count(q);
          TopDocs top = s.search(q, 500, byPopularity());
          List<Track> tracks = load(s, top);
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
    return live.search(
        (s, g) -> {
          List<ClusterSize> out = new ArrayList<>();
          for (Cluster c : clusterList(g)) {
            out.add(new ClusterSize(c, size(s, c), null));
          }
          return out;
        });
  }

  /** One cluster and a sample mix: its most popular tracks, ordered to mix into each other. */
  public ClusterSize cluster(int id, int limit) throws IOException {
    return live.search(
        (s, g) -> {
          Cluster c =
              clusterList(g).stream()
                  .filter(x -> x.id() == id)
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new NotFoundException(
                              "no cluster "
                                  + id
                                  + "; clusters are 0.."
                                  + (clusterList(g).size() - 1)));
          TopDocs top =
              s.search(IntField.newExactQuery(Schema.CLUSTER, id), limit * 3, byPopularity());
          List<Track> pool = load(s, top);
          List<Track> distinct = new ArrayList<>();
          var songs = new java.util.HashSet<String>();
          for (Track t : pool) {
            if (songs.add(Versions.songKey(t)) && distinct.size() < limit) {
              distinct.add(t);
            }
          }
          // a sample, not a request: the default rules
          return new ClusterSize(c, size(s, c), MixPath.order(distinct, MixPolicy.defaults()));
        });
  }

  private static List<Cluster> clusterList(Generation g) {
    return g.model() == null ? List.of() : g.model().clusters();
  }

  private static int size(IndexSearcher s, Cluster c) throws IOException {
    return s.count(IntField.newExactQuery(Schema.CLUSTER, c.id()));
  }

  private static Sort byPopularity() {
    return new Sort(
        new SortedNumericSortField(
            Schema.POPULARITY,
            SortField.Type.INT,
            true,
            SortedNumericSelector.Type.MIN,
            Integer.MIN_VALUE),
        SortField.FIELD_DOC);
  }

  private static List<Track> load(IndexSearcher s, TopDocs top) throws IOException {
    List<Track> out = new ArrayList<>(top.scoreDocs.length);
    var stored = s.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      out.add(TrackDocuments.fromSource(stored.document(sd.doc).getBinaryValue(Schema.SOURCE)));
    }
    return out;
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
