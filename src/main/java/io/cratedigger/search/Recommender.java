package io.cratedigger.search;

import io.cratedigger.InvalidRequestException;
import io.cratedigger.index.Generation;
import io.cratedigger.index.Schema;
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
import org.apache.lucene.search.IndexSearcher;

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
  private Map<Retrieval, int[]> runAll(Map<Retrieval, Callable<int[]>> tasks) throws IOException {
    List<Retrieval> names = new ArrayList<>(tasks.keySet());
    int chains =
        retrievals == null
            ? 0
            : Math.min(names.size() - 1, Runtime.getRuntime().availableProcessors() - 1);
    List<Future<Map<Retrieval, int[]>>> running = new ArrayList<>(chains);
    for (int c = 0; c < chains; c++) {
      List<Retrieval> chain = new ArrayList<>();
      for (int i = 1 + c; i < names.size(); i += chains) {
        chain.add(names.get(i));
      }
      running.add(
          retrievals.submit(
              () -> {
                Map<Retrieval, int[]> out = new EnumMap<>(Retrieval.class);
                for (Retrieval k : chain) {
                  out.put(k, tasks.get(k).call());
                }
                return out;
              }));
    }
    Map<Retrieval, int[]> out = new EnumMap<>(Retrieval.class);
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

  private static int[] call(Callable<int[]> task) throws IOException {
    try {
      return task.call();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  /** {@link #recommend(TrackIndex, RecommendRequest, boolean)} on the embedded index. */
  public Recommendations recommend(
      IndexSearcher s, Generation g, RecommendRequest req, boolean countSeedPools)
      throws IOException {
    return recommend(new LuceneTracks(s, g), req, countSeedPools);
  }

  /**
   * Recommends for one request: the retrievers' lists ({@link #retrievers}) fused into one pool
   * ({@link Pool}), every candidate read and scored, then the {@link RerankerCascade}.
   *
   * @param countSeedPools whether to count each seed's pool before and after the filters (the
   *     Spotify-style answer reports them)
   */
  public Recommendations recommend(TrackIndex ix, RecommendRequest req, boolean countSeedPools)
      throws IOException {
    long t0 = System.nanoTime();
    Filters filters = resolve(ix, req.filters());
    Weights w = req.fusion() == null ? weights : weights.withFusion(req.fusion());
    SeedProfile seed = SeedProfile.build(ix, req, w.facets());
    MixOptions opt = req.options();

    MixPolicy policy = MixPolicy.of(opt);
    MixPolicy.Deck seedDeck = new MixPolicy.Deck(seed.bpm(), seed.key(), seed.energy());
    MixRule rule = MixRule.of(seedDeck, policy);
    Map<String, Map<String, Integer>> dfs = ix.docFreqs(keys(seed.facets()));
    int size = ix.size();
    Match filter = Match.of(filters);
    // The seeds and their versions are removed after retrieval (a few extra hits make up for
    // them): a MUST_NOT per seed would make every query walk the exclusions for every document.
    int extra = 5 * (seed.excludedIds().size() + 1);
    boolean vectors = seed.vector() != null && ix.model() != null;

    Map<Retrieval, Double> taskMs = new java.util.concurrent.ConcurrentHashMap<>();
    List<Retriever> retrievers =
        retrievers(seed, rule, filter, lexicalTerms(seed, dfs, size), vectors, w, extra);
    Map<Retrieval, int[]> hits;
    if (ix.batches()) {
      // one round trip for all: each retrieval is timed as the batch
      long st = System.nanoTime();
      List<int[]> lists = ix.retrieveAll(retrievers);
      double batchMs = round((System.nanoTime() - st) / 1e6);
      hits = new EnumMap<>(Retrieval.class);
      for (int i = 0; i < lists.size(); i++) {
        hits.put(retrievers.get(i).kind(), lists.get(i));
        taskMs.put(retrievers.get(i).kind(), batchMs);
      }
    } else {
      Map<Retrieval, Callable<int[]>> tasks = new LinkedHashMap<>();
      for (Retriever r : retrievers) {
        tasks.put(
            r.kind(),
            () -> {
              long st = System.nanoTime();
              int[] refs = ix.retrieve(r);
              taskMs.put(r.kind(), round((System.nanoTime() - st) / 1e6));
              return refs;
            });
      }
      hits = runAll(tasks);
    }
    Pool pool = new Pool();
    int lex =
        hits.containsKey(Retrieval.LEXICAL)
            ? pool.add(Retrieval.LEXICAL, hits.get(Retrieval.LEXICAL))
            : 0;
    int knn =
        hits.containsKey(Retrieval.KNN) ? pool.add(Retrieval.KNN, hits.get(Retrieval.KNN)) : 0;
    int mixable = 0;
    for (Retrieval k :
        List.of(Retrieval.MIXABLE_LEXICAL, Retrieval.SCENE_MIX_KNN, Retrieval.SCENE_MIXABLE)) {
      mixable += hits.containsKey(k) ? pool.add(k, hits.get(k)) : 0;
    }
    String fallbackUsed = null;
    if (pool.size() <= seed.excludedIds().size()) {
      // nothing to match on (no style, no vector): the mixable tracks, most popular first
      Match mixes = rule == null ? Match.ALL : new Match.Mixes(rule, false);
      pool.add(
          Retrieval.SCENE_MIXABLE,
          ix.retrieve(
              new Retriever.Popular(
                  Retrieval.SCENE_MIXABLE, Match.and(mixes, filter), w.lexicalPool() + extra)));
      fallbackUsed = "popular tracks passing the filters and mixing rules";
    }

    long t1 = System.nanoTime();
    SceneScorer scene = new SceneScorer(size, dfs, seed, ix.scenes(), w.facets());
    List<Candidate> candidates = new ArrayList<>(pool.size());
    read(ix, req, seed, pool, pool.refs(), scene, candidates);
    long mixableFound = candidates.stream().filter(c -> mixes(c, seedDeck, policy)).count();
    if (vectors && rule != null && mixableFound < MIXABLE_WANTED * req.limit()) {
      // Too few of the nearest sound-alikes mix with the seed: ask the graph for the nearest
      // among the mixable tracks only (a filtered search, slower, so only when needed).
      long st = System.nanoTime();
      int[] more =
          ix.retrieve(
              new Retriever.Nearest(
                  Retrieval.MIXABLE_KNN,
                  seed.vector(),
                  Match.and(new Match.Mixes(rule, false), filter),
                  MIXABLE_POOL,
                  0));
      taskMs.put(Retrieval.MIXABLE_KNN, round((System.nanoTime() - st) / 1e6));
      int[] fresh = pool.addNew(Retrieval.MIXABLE_KNN, more);
      mixable += more.length;
      read(ix, req, seed, pool, fresh, scene, candidates);
    }

    long t2 = System.nanoTime();
    RankContext ctx = context(seed, req, policy, w);
    RerankerCascade.Result ranked = cascade.run(candidates, ctx);
    List<Candidate> top =
        ranked.candidates().subList(0, Math.min(req.limit(), ranked.candidates().size()));
    int mixableReturned = (int) top.stream().filter(Candidate::mixable).count();

    List<Recommendations.Recommendation> results = new ArrayList<>(top.size());
    List<Track> tracks = ix.tracks(top.stream().mapToInt(Candidate::doc).toArray());
    for (int i = 0; i < top.size(); i++) {
      Candidate c = top.get(i);
      Map<Component, Double> comps = new EnumMap<>(Component.class);
      c.components().forEach((k, v) -> comps.put(k, round(v)));
      KeyMove move = ctx.policy().move(ctx.seed(), MixPolicy.Deck.of(c));
      Double change =
          ctx.bpm() == null || c.bpm() == null
              ? null
              : ctx.policy().tempo(ctx.bpm(), c.bpm()).percent();
      results.add(
          new Recommendations.Recommendation(
              tracks.get(i), round(c.score()), comps, c.reasons(), c.mixable(), move, change));
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
        countSeedPools ? seedPools(ix, seed, filters) : seed.seedInfos();
    return new Recommendations(
        infos, seed.tracks().isEmpty() ? null : seed.tracks().getFirst(), results, stats);
  }

  /**
   * The retrievers of a request, costliest first (see {@link #runAll}): each returns a ranked list
   * for the {@link Pool}.
   */
  private static List<Retriever> retrievers(
      SeedProfile seed,
      MixRule rule,
      Match filter,
      List<Retriever.Term> lexical,
      boolean vectors,
      Weights w,
      int extra) {
    List<Retriever> out = new ArrayList<>();
    boolean scene = !seed.sceneTags().isEmpty();
    boolean sceneMixPool = vectors && rule != null && scene;
    if (!lexical.isEmpty() && rule != null && !sceneMixPool) {
      // the scene-sharing tracks that also mix: without this pool they would lose their place
      // to sound-alikes and fill only the lower part of the list
      out.add(
          new Retriever.Lexical(
              Retrieval.MIXABLE_LEXICAL,
              lexical,
              Match.and(new Match.Mixes(rule, true), filter),
              MIXABLE_POOL));
    }
    Match sceneTags = Match.anyOf(Schema.SCENE, seed.sceneTags());
    if (!vectors && rule != null && scene) {
      // no sound to order by (a Beatport chart, a featureless seed): the scene-sharing tracks that
      // mix, most popular first
      out.add(
          new Retriever.Popular(
              Retrieval.SCENE_MIXABLE,
              Match.and(sceneTags, new Match.Mixes(rule, true), filter),
              SCENE_POOL + extra));
    }
    if (sceneMixPool) {
      // the nearest in sound among the tracks that share the scene and mix: what the top of the
      // list is made of when the scene comes first (in real collections sound alone finds the
      // scene only a quarter of the time). Compared exactly: the tracks that share the scene and
      // mix are about 1 % of the catalog (see NearestAmong)
      out.add(
          new Retriever.Nearest(
              Retrieval.SCENE_MIX_KNN,
              seed.vector(),
              Match.and(new Match.Mixes(rule, false), sceneTags, filter),
              SCENE_POOL + extra,
              MAX_EXACT));
    }
    if (!lexical.isEmpty()) {
      out.add(new Retriever.Lexical(Retrieval.LEXICAL, lexical, filter, w.lexicalPool() + extra));
    }
    if (vectors) {
      out.add(new Retriever.Nearest(Retrieval.KNN, seed.vector(), filter, w.knnPool() + extra, 0));
    }
    return out;
  }

  /** Reads {@code refs} and scores their sound and scene. */
  private static void read(
      TrackIndex ix,
      RecommendRequest req,
      SeedProfile seed,
      Pool pool,
      int[] refs,
      SceneScorer scene,
      List<Candidate> into)
      throws IOException {
    java.util.Set<Long> excludedSongs = Fingerprint.of(seed.excludedSongs());
    for (CandidateReader.Read r :
        ix.read(refs, !req.targets().isEmpty(), scene.wanted(), seed.excludedIds())) {
      Candidate c = r.candidate();
      if (excludedSongs.contains(c.song())) {
        continue; // a seed, or a version of one
      }
      c.lexicalRank(pool.lexicalRank(c.doc()));
      c.knnRank(pool.knnRank(c.doc()));
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
  public static Filters resolve(TrackIndex ix, Filters f) throws IOException {
    if (f.isEmpty()) {
      return f;
    }
    return new Filters(
        f.minYear(),
        f.maxYear(),
        spell(ix, Schema.LABEL_EXACT, f.labels(), "label", true),
        spell(ix, Schema.LABEL_EXACT, f.excludeLabels(), "label", false),
        spell(ix, Schema.STYLE_EXACT, f.styles(), "style", true),
        spell(ix, Schema.STYLE_EXACT, f.excludeStyles(), "style", false),
        spell(ix, Schema.GENRE_EXACT, f.genres(), "genre", true),
        spell(ix, Schema.GENRE_EXACT, f.excludeGenres(), "genre", false),
        f.ranges());
  }

  private static List<String> spell(
      TrackIndex ix, String field, List<String> typed, String what, boolean required)
      throws IOException {
    List<String> out = new ArrayList<>();
    for (String t : typed) {
      List<String> found = ix.spell(field, t);
      if (found.isEmpty() && required) {
        throw new InvalidRequestException("no " + what + " \"" + t + "\" in the catalog");
      }
      out.addAll(found);
    }
    return out;
  }

  /**
   * Seed facets as weighted terms; BM25 gives each its IDF. Only discriminative values retrieve (in
   * at most {@value #MAX_RETRIEVAL_SHARE} of the tracks, or else the rarest few): a "Electronic"
   * that half the catalog shares adds almost nothing to a BM25 score but would make the query score
   * half the catalog. The scene score still counts every facet. The seeds' defining scene tags
   * retrieve unless they are in more than {@value #MAX_SCENE_SHARE} of the tracks: they are the
   * scene, and a seed with a rare label and artist must still find it. Empty when the seeds have
   * none in the catalog.
   *
   * @param dfs field → value → document frequency of the seeds' facet values
   * @param n tracks in the catalog
   */
  static List<Retriever.Term> lexicalTerms(
      SeedProfile seed, Map<String, Map<String, Integer>> dfs, int n) {
    record Clause(Retriever.Term term, int df, boolean scene) {}
    List<Clause> clauses = new ArrayList<>();
    for (var field : seed.facets().entrySet()) {
      for (var v : field.getValue().entrySet()) {
        int df = dfs.getOrDefault(field.getKey(), Map.of()).getOrDefault(v.getKey(), 0);
        if (df > 0) {
          boolean scene =
              field.getKey().equals(Schema.SCENE) && seed.sceneTags().contains(v.getKey());
          clauses.add(
              new Clause(
                  new Retriever.Term(field.getKey(), v.getKey(), v.getValue().floatValue()),
                  df,
                  scene));
        }
      }
    }
    clauses.sort(java.util.Comparator.comparingInt(Clause::df));
    List<Retriever.Term> out = new ArrayList<>();
    for (Clause c : clauses) {
      boolean rare = c.df() <= MAX_RETRIEVAL_SHARE * n;
      boolean scene = c.scene() && c.df() <= MAX_SCENE_SHARE * n;
      if (out.size() >= MAX_RETRIEVAL_TERMS
          || (out.size() >= MIN_RETRIEVAL_TERMS && !rare && !scene)) {
        continue;
      }
      out.add(c.term());
    }
    return out;
  }

  /** Spotify's per-seed pool sizes: tracks matching the seed, before and after the filters. */
  private static List<Recommendations.SeedInfo> seedPools(
      TrackIndex ix, SeedProfile seed, Filters filters) throws IOException {
    Match filter =
        Match.and(
            Match.of(filters),
            new Match.Not(Match.anyOf(Schema.ID, seed.excludedIds())),
            seed.excludedSongs().isEmpty()
                ? Match.ALL
                : new Match.Not(Match.anyOf(Schema.SONG, seed.excludedSongs())));
    List<Recommendations.SeedInfo> out = new ArrayList<>();
    int t = 0;
    for (Recommendations.SeedInfo info : seed.seedInfos()) {
      Match m =
          switch (info.type()) {
            case "track" -> seedTrackMatch(seed.tracks().get(t++));
            case "artist" ->
                Match.anyOf(Schema.ARTIST_EXACT, ix.spell(Schema.ARTIST_EXACT, info.id()));
            default ->
                new Match.Or(
                    List.of(
                        Match.anyOf(Schema.STYLE_EXACT, ix.spell(Schema.STYLE_EXACT, info.id())),
                        Match.anyOf(Schema.GENRE_EXACT, ix.spell(Schema.GENRE_EXACT, info.id()))));
          };
      out.add(
          new Recommendations.SeedInfo(
              info.id(), info.type(), ix.count(m), ix.count(Match.and(m, filter))));
    }
    return out;
  }

  /** Tracks sharing a style, genre, artist or the label with a seed track. */
  private static Match seedTrackMatch(Track t) {
    List<Match> any = new ArrayList<>();
    any.add(Match.anyOf(Schema.STYLE_EXACT, t.styles()));
    any.add(Match.anyOf(Schema.GENRE_EXACT, t.genres()));
    any.add(Match.anyOf(Schema.ARTIST_EXACT, t.artists()));
    if (t.label() != null) {
      any.add(Match.anyOf(Schema.LABEL_EXACT, List.of(t.label())));
    }
    return new Match.Or(any);
  }

  /** Field → the values of a field → value → weight map. */
  private static Map<String, java.util.Set<String>> keys(Map<String, Map<String, Double>> m) {
    Map<String, java.util.Set<String>> out = new LinkedHashMap<>();
    m.forEach((f, v) -> out.put(f, v.keySet()));
    return out;
  }

  /** One track by id, from the stored source. */
  public static Track track(IndexSearcher s, String id) throws IOException {
    return LuceneTracks.load(s, id);
  }

  static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
