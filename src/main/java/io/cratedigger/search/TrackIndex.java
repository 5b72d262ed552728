package io.cratedigger.search;

import io.cratedigger.model.FeatureModel;
import io.cratedigger.model.SceneModel;
import io.cratedigger.track.Track;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seam between the engine and where the tracks are: one generation of the catalog, as the
 * embedded Lucene index ({@link LuceneTracks}) or an OpenSearch cluster holds it. Everything the
 * engine asks of a catalog goes through here; scoring, reranking, fusion and reasons are shared.
 * One instance serves one request, so every call sees the same generation.
 *
 * <p>Tracks are referred to by an {@code int} reference that only this instance gives meaning to (a
 * Lucene document number, or the place of a hit in the request's answers).
 */
public interface TrackIndex {
  /** The backend's name, as {@code /api/health} reports it. */
  String backend();

  /** The generation's sound model, or null for a catalog without audio features. */
  FeatureModel model();

  /** The generation's style neighbourhoods. */
  SceneModel scenes();

  /** Tracks in the generation. */
  int size() throws IOException;

  /** Field → value → how many tracks have the value in that keyword field. */
  Map<String, Map<String, Integer>> docFreqs(Map<String, ? extends Collection<String>> values)
      throws IOException;

  /**
   * The catalog's spellings of {@code typed} in a keyword field, compared folded (see {@link
   * FacetValues#resolve}); empty when it has none.
   */
  List<String> spell(String field, String typed) throws IOException;

  /**
   * One track by id.
   *
   * @throws UnknownTrackException when the catalog has no such track
   */
  Track track(String id) throws IOException;

  /** Up to {@code n} tracks with {@code value} in the keyword {@code field}, in index order. */
  List<Track> sample(String field, String value, int n) throws IOException;

  /** Runs one retrieval: the references of its tracks, best first. */
  int[] retrieve(Retriever r) throws IOException;

  /**
   * Whether several retrievals are best sent together ({@link #retrieveAll}) rather than run side
   * by side: a cluster answers a batch in one round trip.
   */
  default boolean batches() {
    return false;
  }

  /** Runs several retrievals; their lists in the same order. */
  default List<int[]> retrieveAll(List<Retriever> rs) throws IOException {
    List<int[]> out = new java.util.ArrayList<>(rs.size());
    for (Retriever r : rs) {
      out.add(retrieve(r));
    }
    return out;
  }

  /**
   * What ranking needs about some tracks (see {@link CandidateReader}): those with one of the
   * {@code excluded} ids are left out; {@code wanted} are the facet values (field → values) to
   * report when a track has them.
   */
  List<CandidateReader.Read> read(
      int[] refs, boolean attributes, Map<String, Set<String>> wanted, Set<String> excluded)
      throws IOException;

  /** The stored tracks of some references, in their order. */
  List<Track> tracks(int[] refs) throws IOException;

  /** Up to {@code n} tracks that match, most popular first (then in index order). */
  default List<Track> popular(Match m, int n) throws IOException {
    return tracks(retrieve(new Retriever.Popular(null, m, n)));
  }

  /** How many tracks match. */
  long count(Match m) throws IOException;

  /** Every value of a keyword field with its number of tracks, in term order. */
  Map<String, Integer> values(String field) throws IOException;

  /**
   * The tracks a user means by {@code text}, best first: typo-tolerant over titles, artists and
   * albums, or the advanced syntax (see {@link TrackLookup#search}).
   */
  List<LookupHit> lookup(String text, int limit) throws IOException;

  /** One page of the catalog (see {@link Browse#run}). */
  Browse.Page browse(
      String words, Filters filters, String sortBy, boolean descending, int page, int perPage)
      throws IOException;
}
