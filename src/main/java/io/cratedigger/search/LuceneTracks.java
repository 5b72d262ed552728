package io.cratedigger.search;

import io.cratedigger.index.Generation;
import io.cratedigger.index.Schema;
import io.cratedigger.index.TrackDocuments;
import io.cratedigger.model.FeatureModel;
import io.cratedigger.model.SceneModel;
import io.cratedigger.track.Track;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The embedded index as the engine's {@link TrackIndex}: one searcher of one generation. A
 * reference is the Lucene document number.
 */
public final class LuceneTracks implements TrackIndex {
  /** Most popular first (unknown popularity last), then in index order. */
  private static final Sort POPULAR_FIRST =
      new Sort(
          new SortedNumericSortField(
              Schema.POPULARITY,
              SortField.Type.INT,
              true,
              SortedNumericSelector.Type.MIN,
              Integer.MIN_VALUE),
          SortField.FIELD_DOC);

  private final IndexSearcher searcher;
  private final Generation generation;

  /**
   * @param generation the searcher's generation, for its models; null where only the tracks are
   *     read
   */
  public LuceneTracks(IndexSearcher searcher, Generation generation) {
    this.searcher = searcher;
    this.generation = generation;
  }

  public IndexSearcher searcher() {
    return searcher;
  }

  @Override
  public String backend() {
    return "lucene";
  }

  @Override
  public FeatureModel model() {
    return generation == null ? null : generation.model();
  }

  @Override
  public SceneModel scenes() {
    return generation == null ? SceneModel.empty() : generation.scenes();
  }

  @Override
  public int size() {
    return searcher.getIndexReader().maxDoc();
  }

  @Override
  public Map<String, Map<String, Integer>> docFreqs(
      Map<String, ? extends Collection<String>> values) throws IOException {
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    for (var field : values.entrySet()) {
      Map<String, Integer> m = new LinkedHashMap<>();
      for (String v : field.getValue()) {
        m.put(v, searcher.getIndexReader().docFreq(new Term(field.getKey(), v)));
      }
      out.put(field.getKey(), m);
    }
    return out;
  }

  @Override
  public List<String> spell(String field, String typed) throws IOException {
    return FacetValues.resolve(searcher.getIndexReader(), field, typed);
  }

  @Override
  public Track track(String id) throws IOException {
    return load(searcher, id);
  }

  /**
   * One track by id, from the stored source.
   *
   * @throws UnknownTrackException when the index has no such track
   */
  public static Track load(IndexSearcher s, String id) throws IOException {
    TopDocs hit = s.search(KeywordField.newExactQuery(Schema.ID, id), 1);
    if (hit.scoreDocs.length == 0) {
      throw new UnknownTrackException(id);
    }
    return TrackDocuments.fromSource(
        s.storedFields().document(hit.scoreDocs[0].doc).getBinaryValue(Schema.SOURCE));
  }

  @Override
  public List<Track> sample(String field, String value, int n) throws IOException {
    TopDocs docs = searcher.search(KeywordField.newExactQuery(field, value), n);
    return tracks(refs(docs));
  }

  @Override
  public int[] retrieve(Retriever r) throws IOException {
    return refs(
        switch (r) {
          case Retriever.Lexical l ->
              searcher.search(restrict(lexical(l.terms()), l.filter()), l.size());
          case Retriever.Popular p ->
              searcher.search(conjunction(p.filter()), p.size(), POPULAR_FIRST);
          case Retriever.Nearest n -> nearest(n);
        });
  }

  private TopDocs nearest(Retriever.Nearest n) throws IOException {
    if (n.exactUpTo() > 0) {
      List<Query> parts = n.filter().conjuncts().stream().map(LuceneTracks::query).toList();
      TopDocs exact = NearestAmong.search(searcher, parts, n.vector(), n.size(), n.exactUpTo());
      if (exact != null) {
        return exact;
      }
    }
    Query filter = n.filter() instanceof Match.All ? null : conjunction(n.filter());
    return searcher.search(
        new KnnFloatVectorQuery(Schema.VECTOR, n.vector(), n.size(), filter), n.size());
  }

  @Override
  public List<CandidateReader.Read> read(
      int[] refs, boolean attributes, Map<String, Set<String>> wanted, Set<String> excluded)
      throws IOException {
    return CandidateReader.read(searcher.getIndexReader(), refs, attributes, wanted, excluded);
  }

  @Override
  public List<Track> tracks(int[] refs) throws IOException {
    var stored = searcher.storedFields();
    List<Track> out = new ArrayList<>(refs.length);
    for (int doc : refs) {
      out.add(TrackDocuments.fromSource(stored.document(doc).getBinaryValue(Schema.SOURCE)));
    }
    return out;
  }

  @Override
  public long count(Match m) throws IOException {
    return searcher.count(query(m));
  }

  @Override
  public Map<String, Integer> values(String field) throws IOException {
    return FacetValues.counts(searcher.getIndexReader(), field);
  }

  /** Shared: its analyzers and parser are thread-safe. */
  private static final TrackLookup LOOKUP = new TrackLookup();

  @Override
  public List<LookupHit> lookup(String text, int limit) throws IOException {
    return LOOKUP.search(searcher, text, limit);
  }

  @Override
  public Browse.Page browse(
      String words, Filters filters, String sortBy, boolean descending, int page, int perPage)
      throws IOException {
    return Browse.run(searcher, words, filters, sortBy, descending, page, perPage);
  }

  private static int[] refs(TopDocs docs) {
    int[] out = new int[docs.scoreDocs.length];
    int i = 0;
    for (ScoreDoc sd : docs.scoreDocs) {
      out[i++] = sd.doc;
    }
    return out;
  }

  /** Weighted term clauses; BM25 gives each its IDF. */
  private static Query lexical(List<Retriever.Term> terms) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Retriever.Term t : terms) {
      b.add(new BoostQuery(new TermQuery(new Term(t.field(), t.value())), t.boost()), Occur.SHOULD);
    }
    return b.build();
  }

  /** {@code scoring} restricted by each conjunct of {@code filter}, none of them scoring. */
  private static Query restrict(Query scoring, Match filter) {
    List<Match> parts = filter.conjuncts();
    if (parts.isEmpty()) {
      return scoring;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(scoring, Occur.MUST);
    parts.forEach(p -> b.add(query(p), Occur.FILTER));
    return b.build();
  }

  /** A conjunction led by its first part (the others filter). */
  private static Query conjunction(Match m) {
    List<Match> parts = m.conjuncts();
    if (parts.isEmpty()) {
      return MatchAllDocsQuery.INSTANCE;
    }
    return restrict(
        query(parts.getFirst()), Match.and(parts.subList(1, parts.size()).toArray(Match[]::new)));
  }

  /** The Lucene query of a match. */
  static Query query(Match m) {
    return switch (m) {
      case Match.All a -> MatchAllDocsQuery.INSTANCE;
      case Match.AnyOf a ->
          a.values().size() == 1
              ? KeywordField.newExactQuery(a.field(), a.values().getFirst())
              : KeywordField.newSetQuery(
                  a.field(), a.values().stream().map(BytesRef::new).toList());
      case Match.And a -> conjunction(a);
      case Match.Or o -> {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        o.parts().forEach(p -> b.add(query(p), Occur.SHOULD));
        yield b.build();
      }
      case Match.Not n ->
          new BooleanQuery.Builder()
              .add(MatchAllDocsQuery.INSTANCE, Occur.FILTER)
              .add(query(n.match()), Occur.MUST_NOT)
              .build();
      case Match.Mixes x -> x.perDocument() ? x.rule().perDocument() : x.rule().terms();
      case Match.Passes p -> p.filters().toQuery();
      case Match.IntIs i -> org.apache.lucene.document.IntField.newExactQuery(i.field(), i.value());
    };
  }
}
