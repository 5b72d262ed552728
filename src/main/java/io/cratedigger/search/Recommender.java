package io.cratedigger.search;

import io.cratedigger.InvalidRequestException;
import io.cratedigger.index.Generation;
import io.cratedigger.index.Schema;
import io.cratedigger.index.TrackDocuments;
import io.cratedigger.rank.Candidate;
import io.cratedigger.rank.Component;
import io.cratedigger.rank.MixOptions;
import io.cratedigger.rank.MixPolicy;
import io.cratedigger.rank.RankContext;
import io.cratedigger.rank.RerankerCascade;
import io.cratedigger.rank.Weights;
import io.cratedigger.track.Fingerprint;
import io.cratedigger.track.Key;
import io.cratedigger.track.KeyMove;
import io.cratedigger.track.Track;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
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
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The recommendation engine: the same for {@code similar}, the HTTP API and the Spotify-style
 * route. Retrieve from two sides with the same filters (lexical on the seeds' styles, genres, label
 * and artists, where BM25's IDF makes a rare style count more than "Electronic"; and KNN on the
 * sound vector), plus a third pool of vector neighbours that already pass the mixing rules; score
 * every candidate's sound and scene exactly; then the {@link RerankerCascade}.
 */
public final class Recommender {
  /** Vector neighbours retrieved among the mixable tracks only, when too few came otherwise. */
  static final int MIXABLE_POOL = 50;

  /** Mixable candidates wanted per requested result before the filtered search is skipped. */
  static final int MIXABLE_WANTED = 3;

  /**
   * Up to this many tracks that share the scene and mix are compared exactly; more, and the
   * filtered graph search is cheaper.
   */
  static final int MAX_EXACT = 60_000;

  /** Nearest-sounding tracks retrieved among those that share the scene and mix. */
  static final int SCENE_POOL = 50;

  /** A facet value in more of the catalog than this only retrieves if nothing rarer exists. */
  static final double MAX_RETRIEVAL_SHARE = 0.30;

  /** Most popular first (unknown popularity last), then in index order. */
  private static final Sort POPULAR_FIRST =
      new Sort(
          new org.apache.lucene.search.SortedNumericSortField(
              Schema.POPULARITY,
              SortField.Type.INT,
              true,
              org.apache.lucene.search.SortedNumericSelector.Type.MIN,
              Integer.MIN_VALUE),
          SortField.FIELD_DOC);

  /** A defining scene tag in more of the catalog than this does not retrieve. */
  static final double MAX_SCENE_SHARE = 0.50;

  static final int MIN_RETRIEVAL_TERMS = 3;
  static final int MAX_RETRIEVAL_TERMS = 32;

  private final Weights weights;
  private final RerankerCascade cascade = RerankerCascade.standard();
  private final ExecutorService retrievals;

  /** An engine that runs the retrievals of a request one after the other (for one-off use). */
  public Recommender(Weights weights) {
    this(weights, null);
  }

  /**
   * An engine that runs the retrievals of a request in parallel on {@code retrievals} (a server
   * passes a pool sized to the cores; the caller owns and closes it).
   */
  public Recommender(Weights weights, ExecutorService retrievals) {
    this.weights = weights;
    this.retrievals = retrievals;
  }

  /**
   * Runs the retrievals. {@code tasks} come costliest first: the caller runs the first itself,
   * while the others run on the pool in as many chains as there are other cores (on two cores, the
   * sound and lexical pools one after the other beside the scene pool). Handing the costliest one
   * to the pool would add a thread's wake-up to the critical path; the chains' wake-ups are hidden
   * behind it.
   */
  private Map<Retrieval, TopDocs> runAll(Map<Retrieval, Callable<TopDocs>> tasks)
      throws IOException {
    List<Retrieval> names = new ArrayList<>(tasks.keySet());
    int chains =
        retrievals == null
            ? 0
            : Math.min(names.size() - 1, Runtime.getRuntime().availableProcessors() - 1);
    List<Future<Map<Retrieval, TopDocs>>> running = new ArrayList<>(chains);
    for (int c = 0; c < chains; c++) {
      List<Retrieval> chain = new ArrayList<>();
      for (int i = 1 + c; i < names.size(); i += chains) {
        chain.add(names.get(i));
      }
      running.add(
          retrievals.submit(
              () -> {
                Map<Retrieval, TopDocs> out = new EnumMap<>(Retrieval.class);
                for (Retrieval k : chain) {
                  out.put(k, tasks.get(k).call());
                }
                return out;
              }));
    }
    Map<Retrieval, TopDocs> out = new EnumMap<>(Retrieval.class);
    for (int i = 0; i < (chains == 0 ? names.size() : 1); i++) {
      out.put(names.get(i), call(tasks.get(names.get(i))));
    }
    for (var f : running) {
      try {
        out.putAll(f.get());
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", ex);
      } catch (ExecutionException ex) {
        if (ex.getCause() instanceof IOException io) {
          throw io;
        }
        if (ex.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IOException(ex.getCause());
      }
    }
    return out;
  }

  private static TopDocs call(Callable<TopDocs> task) throws IOException {
    try {
      return task.call();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  public Recommendations recommend(
      IndexSearcher s, Generation g, RecommendRequest req, boolean countSeedPools)
      throws IOException {
    long t0 = System.nanoTime();
    Filters filters = resolve(s, req.filters());
    Weights w = req.fusion() == null ? weights : weights.withFusion(req.fusion());
    SeedProfile seed = SeedProfile.build(s, g, req, w.facets());
    MixOptions opt = req.options();

    // The seeds and their versions are removed after retrieval (a few extra hits make up for
    // them): a MUST_NOT per seed would make every query walk the exclusions for every document.
    Query filter = filters.isEmpty() ? null : filters.toQuery();
    MixPolicy policy = MixPolicy.of(opt);
    MixPolicy.Deck seedDeck = new MixPolicy.Deck(seed.bpm(), seed.key(), seed.energy());
    MixRule rule = MixRule.of(seedDeck, policy);
    // the term form of the rule (hundreds of sorted slot terms) is built only when a filtered
    // vector search or the fallback needs it
    int extra = 5 * (seed.excludedIds().size() + 1);
    Map<Integer, int[]> pool = new LinkedHashMap<>(); // doc -> {lexicalRank, knnRank}

    Query lexical = lexicalQuery(s, seed);
    boolean vectors = seed.vector() != null && g.model() != null;
    // The retrievals are independent: run them side by side (the costliest first, see runAll),
    // collect them in a fixed order.
    Map<Retrieval, Callable<TopDocs>> tasks = new LinkedHashMap<>();
    boolean sceneMixPool = vectors && rule != null && !seed.sceneTags().isEmpty();
    if (lexical != null && rule != null && !sceneMixPool) {
      // the scene-sharing tracks that also mix: without this pool they would lose their place
      // to sound-alikes and fill only the lower part of the list
      Query mixes = rule.perDocument();
      tasks.put(
          Retrieval.MIXABLE_LEXICAL,
          () -> s.search(and(and(lexical, mixes), filter), MIXABLE_POOL));
    }
    if (!vectors && rule != null && !seed.sceneTags().isEmpty()) {
      // no sound to order by (a Beatport chart, a featureless seed): the scene-sharing tracks that
      // mix, most popular first
      Query sceneMixes = and(and(sceneQuery(seed.sceneTags()), rule.perDocument()), filter);
      tasks.put(
          Retrieval.SCENE_MIXABLE, () -> s.search(sceneMixes, SCENE_POOL + extra, POPULAR_FIRST));
    }
    if (sceneMixPool) {
      // the nearest in sound among the tracks that share the scene and mix: what the top of the
      // list is made of when the scene comes first (in real collections sound alone finds the
      // scene only a quarter of the time). Compared exactly: the tracks that share the scene and
      // mix are about 1 % of the catalog (see NearestAmong)
      List<Query> sceneMixes = new ArrayList<>(List.of(rule.terms(), sceneQuery(seed.sceneTags())));
      if (filter != null) {
        sceneMixes.add(filter);
      }
      tasks.put(
          Retrieval.SCENE_MIX_KNN,
          () -> {
            TopDocs exact =
                NearestAmong.search(s, sceneMixes, seed.vector(), SCENE_POOL + extra, MAX_EXACT);
            return exact != null
                ? exact
                : s.search(
                    new KnnFloatVectorQuery(
                        Schema.VECTOR,
                        seed.vector(),
                        SCENE_POOL + extra,
                        and(and(sceneMixes.get(0), sceneMixes.get(1)), filter)),
                    SCENE_POOL + extra);
          });
    }
    if (lexical != null) {
      tasks.put(Retrieval.LEXICAL, () -> s.search(and(lexical, filter), w.lexicalPool() + extra));
    }
    if (vectors) {
      tasks.put(
          Retrieval.KNN,
          () ->
              s.search(
                  new KnnFloatVectorQuery(
                      Schema.VECTOR, seed.vector(), w.knnPool() + extra, filter),
                  w.knnPool() + extra));
    }
    Map<Retrieval, Double> taskMs = new java.util.concurrent.ConcurrentHashMap<>();
    Map<Retrieval, Callable<TopDocs>> timed = new LinkedHashMap<>();
    tasks.forEach(
        (k, t) ->
            timed.put(
                k,
                () -> {
                  long st = System.nanoTime();
                  TopDocs d = t.call();
                  taskMs.put(k, round((System.nanoTime() - st) / 1e6));
                  return d;
                }));
    Map<Retrieval, TopDocs> hits = runAll(timed);
    int lex =
        hits.containsKey(Retrieval.LEXICAL) ? collect(hits.get(Retrieval.LEXICAL), pool, 0) : 0;
    int knn = hits.containsKey(Retrieval.KNN) ? collect(hits.get(Retrieval.KNN), pool, 1) : 0;
    int mixable = 0;
    for (Retrieval k :
        List.of(Retrieval.MIXABLE_LEXICAL, Retrieval.SCENE_MIX_KNN, Retrieval.SCENE_MIXABLE)) {
      mixable += hits.containsKey(k) ? collect(hits.get(k), pool, -1) : 0;
    }
    String fallbackUsed = null;
    if (pool.size() <= seed.excludedIds().size()) {
      // nothing to match on (no style, no vector): the mixable tracks, most popular first
      Query fallback = and(rule == null ? MatchAllDocsQuery.INSTANCE : rule.terms(), filter);
      collect(s.search(fallback, w.lexicalPool() + extra, POPULAR_FIRST), pool, -1);
      fallbackUsed = "popular tracks passing the filters and mixing rules";
    }

    long t1 = System.nanoTime();
    SceneScorer scene = new SceneScorer(s.getIndexReader(), seed, g.scenes(), w.facets());
    List<Candidate> candidates = new ArrayList<>(pool.size());
    read(s, req, seed, pool, pool.keySet(), scene, candidates);
    long mixableFound = candidates.stream().filter(c -> mixes(c, seedDeck, policy)).count();
    if (vectors && rule != null && mixableFound < MIXABLE_WANTED * req.limit()) {
      // Too few of the nearest sound-alikes mix with the seed: ask the graph for the nearest
      // among the mixable tracks only (a filtered search, slower, so only when needed).
      long st = System.nanoTime();
      TopDocs more =
          s.search(
              new KnnFloatVectorQuery(
                  Schema.VECTOR, seed.vector(), MIXABLE_POOL, and(rule.terms(), filter)),
              MIXABLE_POOL);
      taskMs.put(Retrieval.MIXABLE_KNN, round((System.nanoTime() - st) / 1e6));
      List<Integer> fresh = new ArrayList<>();
      for (ScoreDoc sd : more.scoreDocs) {
        if (!pool.containsKey(sd.doc)) {
          pool.put(sd.doc, new int[2]);
          fresh.add(sd.doc);
        }
      }
      mixable += more.scoreDocs.length;
      read(s, req, seed, pool, fresh, scene, candidates);
    }

    long t2 = System.nanoTime();
    RankContext ctx = context(seed, req, policy, w);
    RerankerCascade.Result ranked = cascade.run(candidates, ctx);
    List<Candidate> top =
        ranked.candidates().subList(0, Math.min(req.limit(), ranked.candidates().size()));
    int mixableReturned = (int) top.stream().filter(Candidate::mixable).count();

    List<Recommendations.Recommendation> results = new ArrayList<>(top.size());
    var stored = s.storedFields();
    for (Candidate c : top) {
      Track t = TrackDocuments.fromSource(stored.document(c.doc()).getBinaryValue(Schema.SOURCE));
      Map<Component, Double> comps = new EnumMap<>(Component.class);
      c.components().forEach((k, v) -> comps.put(k, round(v)));
      KeyMove move = ctx.policy().move(ctx.seed(), MixPolicy.Deck.of(c));
      Double change =
          ctx.bpm() == null || c.bpm() == null
              ? null
              : ctx.policy().tempo(ctx.bpm(), c.bpm()).percent();
      results.add(
          new Recommendations.Recommendation(
              t, round(c.score()), comps, c.reasons(), c.mixable(), move, change));
    }
    var ms =
        new Recommendations.Timings(
            round((t1 - t0) / 1e6),
            round((t2 - t1) / 1e6),
            round((System.nanoTime() - t2) / 1e6),
            taskMs);
    var stats =
        new Recommendations.Stats(
            lex,
            knn,
            mixable,
            candidates.size(),
            ranked.sizes(),
            top.size(),
            mixableReturned,
            fallbackUsed,
            ms);
    List<Recommendations.SeedInfo> infos =
        countSeedPools ? seedPools(s, seed, filterQuery(filters, seed)) : seed.seedInfos();
    return new Recommendations(
        infos, seed.tracks().isEmpty() ? null : seed.tracks().getFirst(), results, stats);
  }

  /** Reads {@code docs} from doc values and scores their sound and scene. */
  private static void read(
      IndexSearcher s,
      RecommendRequest req,
      SeedProfile seed,
      Map<Integer, int[]> pool,
      java.util.Collection<Integer> docs,
      SceneScorer scene,
      List<Candidate> into)
      throws IOException {
    int[] ids = docs.stream().mapToInt(Integer::intValue).toArray();
    java.util.Set<Long> excludedSongs = Fingerprint.of(seed.excludedSongs());
    for (CandidateReader.Read r :
        CandidateReader.read(
            s.getIndexReader(),
            ids,
            !req.targets().isEmpty(),
            scene.wanted(),
            seed.excludedIds())) {
      Candidate c = r.candidate();
      if (excludedSongs.contains(c.song())) {
        continue; // a seed, or a version of one
      }
      int[] ranks = pool.get(c.doc());
      c.lexicalRank(ranks[0]);
      c.knnRank(ranks[1]);
      sound(c, seed.vector());
      scene.score(c, r.facets());
      into.add(c);
    }
  }

  /**
   * Whether a candidate passes the mixing rules as the rerankers will judge it (unknown values
   * pass): with key lock off, in the key it is heard in.
   */
  static boolean mixes(Candidate c, MixPolicy.Deck seed, MixPolicy policy) {
    return policy.between(seed, MixPolicy.Deck.of(c)).mixes();
  }

  /** The sound score reaches 0 at this many times √n, n the vector's components. */
  static final double SOUND_SPAN = 2;

  /**
   * Sound: {@code max(0, 1 − d / (2√n))}, d the Euclidean distance of the n-component vectors in
   * standardised units: with six components, d = 1 gives 0.80 (very similar), d = 2 gives 0.59, two
   * random tracks (d ≈ 3.5) 0.29, and 4.9 or more 0. Linear rather than a Gaussian kernel: a
   * Gaussian flattens out past d ≈ 2.5, so a fixed scene bonus would then pull in tracks that sound
   * nothing alike; linear, every unit of distance costs the same (measured on the real export: at
   * the same mix@10 the results are 0.02 closer).
   */
  static void sound(Candidate c, float[] seed) {
    if (seed == null) {
      return;
    }
    if (c.vector() == null) {
      c.soundUnknown(true);
      c.reason("no audio features: matched on style, tempo and key");
      return;
    }
    double d2 = 0;
    for (int i = 0; i < seed.length; i++) {
      double x = seed[i] - c.vector()[i];
      d2 += x * x;
    }
    double sim = Math.max(0, 1 - Math.sqrt(d2) / (SOUND_SPAN * Math.sqrt(seed.length)));
    c.component(Component.SOUND, sim);
    if (sim >= 0.73) { // d ≤ 1.3 with six components
      c.reason("very similar sound");
    } else if (sim >= 0.61) { // d ≤ 1.9
      c.reason("similar sound");
    }
  }

  private static RankContext context(
      SeedProfile seed, RecommendRequest req, MixPolicy policy, Weights w) {
    List<RankContext.Target> targets = new ArrayList<>();
    req.targets()
        .forEach(
            (a, v) -> targets.add(new RankContext.Target(a.param(), a.ordinal(), v, a.span())));
    Double bpm = seed.bpm();
    Key key = seed.key();
    if (req.targets().containsKey(Attribute.TEMPO) && bpm == null) {
      bpm = req.targets().get(Attribute.TEMPO);
    }
    if (key == null
        && req.targets().containsKey(Attribute.KEY)
        && req.targets().containsKey(Attribute.MODE)) {
      key =
          Key.fromSpotify(
                  req.targets().get(Attribute.KEY).intValue(),
                  req.targets().get(Attribute.MODE).intValue())
              .orElse(null);
    }
    return new RankContext(
        bpm,
        key,
        seed.energy(),
        seed.cluster(),
        Fingerprint.of(seed.releases()),
        Fingerprint.of(seed.artists()),
        targets,
        policy,
        w);
  }

  /** The filters with styles, genres and labels in the catalog's spelling. */
  static Filters resolve(IndexSearcher s, Filters f) throws IOException {
    if (f.isEmpty()) {
      return f;
    }
    var r = s.getIndexReader();
    return new Filters(
        f.minYear(),
        f.maxYear(),
        spell(r, Schema.LABEL_EXACT, f.labels(), "label", true),
        spell(r, Schema.LABEL_EXACT, f.excludeLabels(), "label", false),
        spell(r, Schema.STYLE_EXACT, f.styles(), "style", true),
        spell(r, Schema.STYLE_EXACT, f.excludeStyles(), "style", false),
        spell(r, Schema.GENRE_EXACT, f.genres(), "genre", true),
        spell(r, Schema.GENRE_EXACT, f.excludeGenres(), "genre", false),
        f.ranges());
  }

  private static List<String> spell(
      org.apache.lucene.index.IndexReader r,
      String field,
      List<String> typed,
      String what,
      boolean required)
      throws IOException {
    List<String> out = new ArrayList<>();
    for (String t : typed) {
      List<String> found = FacetValues.resolve(r, field, t);
      if (found.isEmpty() && required) {
        throw new InvalidRequestException("no " + what + " \"" + t + "\" in the catalog");
      }
      out.addAll(found);
    }
    return out;
  }

  private static Query filterQuery(Filters filters, SeedProfile seed) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(filters.toQuery(), Occur.FILTER);
    for (String id : seed.excludedIds()) {
      b.add(KeywordField.newExactQuery(Schema.ID, id), Occur.MUST_NOT);
    }
    for (String song : seed.excludedSongs()) {
      b.add(KeywordField.newExactQuery(Schema.SONG, song), Occur.MUST_NOT);
    }
    return b.build();
  }

  /**
   * Seed facets as weighted term clauses; BM25 gives each its IDF. Only discriminative values
   * retrieve (in at most {@value #MAX_RETRIEVAL_SHARE} of the tracks, or else the rarest few): a
   * "Electronic" that half the catalog shares adds almost nothing to a BM25 score but would make
   * the query score half the catalog. The scene score still counts every facet. The seeds' defining
   * scene tags retrieve unless they are in more than {@value #MAX_SCENE_SHARE} of the tracks: they
   * are the scene, and a seed with a rare label and artist must still find it. Null when the seeds
   * have none.
   */
  private static Query lexicalQuery(IndexSearcher s, SeedProfile seed) throws IOException {
    record Clause(Term term, float boost, int df, boolean scene) {}
    List<Clause> clauses = new ArrayList<>();
    int n = s.getIndexReader().maxDoc();
    for (var field : seed.facets().entrySet()) {
      for (var v : field.getValue().entrySet()) {
        Term t = new Term(field.getKey(), v.getKey());
        int df = s.getIndexReader().docFreq(t);
        if (df > 0) {
          boolean scene =
              field.getKey().equals(Schema.SCENE) && seed.sceneTags().contains(v.getKey());
          clauses.add(new Clause(t, v.getValue().floatValue(), df, scene));
        }
      }
    }
    if (clauses.isEmpty()) {
      return null;
    }
    clauses.sort(java.util.Comparator.comparingInt(Clause::df));
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int used = 0;
    for (Clause c : clauses) {
      boolean rare = c.df() <= MAX_RETRIEVAL_SHARE * n;
      boolean scene = c.scene() && c.df() <= MAX_SCENE_SHARE * n;
      if (used >= MAX_RETRIEVAL_TERMS || (used >= MIN_RETRIEVAL_TERMS && !rare && !scene)) {
        continue;
      }
      b.add(new BoostQuery(new TermQuery(c.term()), c.boost()), Occur.SHOULD);
      used++;
    }
    return b.build();
  }

  /** Tracks carrying any of the scene tags. */
  private static Query sceneQuery(java.util.Collection<String> tags) {
    return KeywordField.newSetQuery(Schema.SCENE, tags.stream().map(BytesRef::new).toList());
  }

  /** {@code a} filtered by {@code b}; {@code a} itself when {@code b} is null. */
  private static Query and(Query a, Query b) {
    return b == null
        ? a
        : new BooleanQuery.Builder().add(a, Occur.MUST).add(b, Occur.FILTER).build();
  }

  /** Adds hits to the pool; side 0 lexical, 1 KNN (ranks kept for RRF), -1 ranks not kept. */
  private static int collect(TopDocs hits, Map<Integer, int[]> pool, int side) {
    int rank = 0;
    for (ScoreDoc sd : hits.scoreDocs) {
      rank++;
      int[] ranks = pool.computeIfAbsent(sd.doc, d -> new int[2]);
      if (side >= 0 && ranks[side] == 0) {
        ranks[side] = rank;
      }
    }
    return hits.scoreDocs.length;
  }

  /** Spotify's per-seed pool sizes: tracks matching the seed, before and after the filters. */
  private static List<Recommendations.SeedInfo> seedPools(
      IndexSearcher s, SeedProfile seed, Query filter) throws IOException {
    List<Recommendations.SeedInfo> out = new ArrayList<>();
    int t = 0;
    for (Recommendations.SeedInfo info : seed.seedInfos()) {
      Query q =
          switch (info.type()) {
            case "track" -> seedTrackQuery(seed.tracks().get(t++));
            case "artist" ->
                anyOf(
                    Schema.ARTIST_EXACT,
                    FacetValues.resolve(s.getIndexReader(), Schema.ARTIST_EXACT, info.id()));
            default -> {
              BooleanQuery.Builder b = new BooleanQuery.Builder();
              b.add(
                  anyOf(
                      Schema.STYLE_EXACT,
                      FacetValues.resolve(s.getIndexReader(), Schema.STYLE_EXACT, info.id())),
                  Occur.SHOULD);
              b.add(
                  anyOf(
                      Schema.GENRE_EXACT,
                      FacetValues.resolve(s.getIndexReader(), Schema.GENRE_EXACT, info.id())),
                  Occur.SHOULD);
              yield b.build();
            }
          };
      out.add(
          new Recommendations.SeedInfo(
              info.id(), info.type(), s.count(q), s.count(and(q, filter))));
    }
    return out;
  }

  private static Query seedTrackQuery(Track t) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    t.styles().forEach(v -> b.add(KeywordField.newExactQuery(Schema.STYLE_EXACT, v), Occur.SHOULD));
    t.genres().forEach(v -> b.add(KeywordField.newExactQuery(Schema.GENRE_EXACT, v), Occur.SHOULD));
    t.artists()
        .forEach(v -> b.add(KeywordField.newExactQuery(Schema.ARTIST_EXACT, v), Occur.SHOULD));
    if (t.label() != null) {
      b.add(KeywordField.newExactQuery(Schema.LABEL_EXACT, t.label()), Occur.SHOULD);
    }
    return b.build();
  }

  private static Query anyOf(String field, List<String> values) {
    return KeywordField.newSetQuery(field, values.stream().map(BytesRef::new).toList());
  }

  /** One track by id, from the stored source. */
  public static Track track(IndexSearcher s, String id) throws IOException {
    return SeedProfile.load(s, id);
  }

  static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
