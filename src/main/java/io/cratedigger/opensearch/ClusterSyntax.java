package io.cratedigger.opensearch;

import io.cratedigger.index.Analyzers;
import io.cratedigger.index.Schema;
import io.cratedigger.search.BadQueryException;
import io.cratedigger.track.AudioFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.FloatPoint;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A query of the advanced syntax, as the embedded index's parser builds it ({@link
 * io.cratedigger.search.QuerySyntax}), in OpenSearch's query language: operator for operator, so
 * the same tracks match with the same scores. Every Lucene query the parser makes has its
 * OpenSearch twin built on the same Lucene query: {@code term}, {@code match_phrase} (re-analyzed
 * by the same analyzer, checked to give back the same words), {@code prefix}, {@code wildcard},
 * {@code fuzzy} (with the parser's blended-frequency rewrite), {@code range} on text and numbers,
 * {@code bool}, {@code match_all}, {@code match_none}; a boost is carried down to the query it
 * boosts.
 *
 * <p>A query the parser should never make here (a multi-phrase, a span) is refused with a {@link
 * BadQueryException} rather than answered differently.
 */
final class ClusterSyntax {
  private ClusterSyntax() {}

  private static final Analyzer NAMES = Analyzers.names();

  /** The text fields of the mapping: analyzed, with norms and positions. */
  private static final Set<String> TEXT =
      Set.of(
          Schema.TITLE, Schema.ARTISTS, Schema.ALBUM, Schema.LABEL, Schema.GENRES, Schema.STYLES);

  /**
   * What BM25 needs of a keyword term: the cluster gives a keyword {@code term} query a constant
   * score, where Lucene gives it BM25 ({@code camelot:8A}), so its score is computed here.
   */
  interface Counts {
    /** Tracks with {@code value} in {@code field}. */
    long docFreq(String field, String value);

    /** Tracks with a value in {@code field}. */
    long docCount(String field);
  }

  /** The keyword terms of a parsed query: those whose BM25 score {@link Counts} must give. */
  static List<Term> keywordTerms(Query q) {
    List<Term> out = new ArrayList<>();
    q.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query query, Term... terms) {
            if (query instanceof TermQuery) {
              for (Term t : terms) {
                if (!TEXT.contains(t.field())) {
                  out.add(t);
                }
              }
            }
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this; // prohibited clauses too: they are translated alike
          }
        });
    return out;
  }

  /** The cluster's query for a parsed query. */
  static ObjectNode of(Query q, Counts counts) {
    return of(q, 1f, counts);
  }

  private static ObjectNode of(Query q, float boost, Counts counts) {
    return switch (q) {
      case BoostQuery b -> of(b.getQuery(), boost * b.getBoost(), counts);
      case BooleanQuery b -> bool(b, boost, counts);
      case TermQuery t when !TEXT.contains(t.getTerm().field()) ->
          keyword(t.getTerm(), boost, counts);
      case TermQuery t -> leaf("term", t.getTerm(), boost);
      case PrefixQuery p -> leaf("prefix", p.getPrefix(), boost);
      case WildcardQuery w -> leaf("wildcard", w.getTerm(), boost);
      case FuzzyQuery f -> fuzzy(f, boost);
      case PhraseQuery p -> phrase(p, boost);
      case TermRangeQuery r -> termRange(r, boost);
      case PointRangeQuery r -> pointRange(r, boost);
      case MatchAllDocsQuery m -> boosted(ClusterQueries.obj(), "match_all", boost);
      case MatchNoDocsQuery m -> matchNone();
      case ConstantScoreQuery c -> {
        ObjectNode out = ClusterQueries.obj();
        ObjectNode cs = out.putObject("constant_score");
        cs.set("filter", of(c.getQuery(), 1f, counts));
        if (boost != 1f) {
          cs.put("boost", boost);
        }
        yield out;
      }
      default ->
          throw new BadQueryException(
              "this query cannot be run on the cluster ("
                  + q.getClass().getSimpleName()
                  + "); write it without it");
    };
  }

  private static ObjectNode bool(BooleanQuery b, float boost, Counts counts) {
    if (b.clauses().isEmpty()) {
      return matchNone(); // Lucene's empty bool matches nothing
    }
    ObjectNode out = ClusterQueries.obj();
    ObjectNode bool = out.putObject("bool");
    for (BooleanClause c : b.clauses()) {
      String occur =
          switch (c.occur()) {
            case MUST -> "must";
            case SHOULD -> "should";
            case FILTER -> "filter";
            case MUST_NOT -> "must_not";
          };
      ArrayNode list = bool.has(occur) ? (ArrayNode) bool.get(occur) : bool.putArray(occur);
      list.add(of(c.query(), 1f, counts));
    }
    if (b.getMinimumNumberShouldMatch() > 0) {
      bool.put("minimum_should_match", b.getMinimumNumberShouldMatch());
    }
    if (boost != 1f) {
      bool.put("boost", boost);
    }
    return out;
  }

  /**
   * A keyword term with Lucene's BM25 score as a constant: a keyword has no norms and one term per
   * value, and {@code camelot}, the only keyword the syntax reaches, one value per track, so the
   * average length is 1 and every match scores {@code boost × idf × 1 / (1 + k1)}.
   */
  private static ObjectNode keyword(Term t, float boost, Counts counts) {
    long n = counts.docCount(t.field());
    long df = counts.docFreq(t.field(), t.text());
    ObjectNode out = ClusterQueries.obj();
    ObjectNode cs = out.putObject("constant_score");
    cs.set("filter", leaf("term", t, 1f));
    if (df > 0) {
      float weight = boost * ClusterLookup.idf(df, n);
      // Lucene's BM25 scorer: weight − weight / (1 + freq / (k1 × (1 − b + b × dl / avgdl))),
      // with freq = dl = avgdl = 1
      float normInverse = 1f / K1;
      cs.put("boost", weight - weight / (1f + normInverse));
    }
    return out;
  }

  /** Lucene's BM25 default k1, which both indexes use. */
  private static final float K1 = 1.2f;

  private static ObjectNode leaf(String kind, Term t, float boost) {
    ObjectNode out = ClusterQueries.obj();
    ObjectNode f = out.putObject(kind).putObject(ClusterFields.of(t.field()));
    f.put("value", t.text());
    if (boost != 1f) {
      f.put("boost", boost);
    }
    return out;
  }

  private static ObjectNode fuzzy(FuzzyQuery q, float boost) {
    ObjectNode out = leaf("fuzzy", q.getTerm(), boost);
    ObjectNode f = (ObjectNode) out.get("fuzzy").get(ClusterFields.of(q.getTerm().field()));
    f.put("fuzziness", Integer.toString(q.getMaxEdits()));
    f.put("prefix_length", q.getPrefixLength());
    f.put("transpositions", q.getTranspositions());
    // the parser leaves Lucene's default rewrite: the top terms, scored with blended frequencies
    if (q.getRewriteMethod() instanceof MultiTermQuery.TopTermsBlendedFreqScoringRewrite r) {
      f.put("max_expansions", r.getSize());
      f.put("rewrite", "top_terms_blended_freqs_" + r.getSize());
    } else {
      throw new BadQueryException("this fuzzy query cannot be run on the cluster");
    }
    return out;
  }

  /**
   * A phrase as {@code match_phrase}, which analyzes its text again: checked to give back the same
   * words at the same positions, or refused.
   */
  private static ObjectNode phrase(PhraseQuery p, float boost) {
    Term[] terms = p.getTerms();
    int[] positions = p.getPositions();
    if (terms.length == 0) {
      return matchNone();
    }
    List<String> words = Arrays.stream(terms).map(Term::text).toList();
    String text = String.join(" ", words);
    boolean consecutive = true;
    for (int i = 0; i < positions.length; i++) {
      consecutive &= positions[i] == positions[0] + i;
    }
    if (!consecutive || !analyzed(text).equals(words)) {
      throw new BadQueryException(
          "the phrase \"" + text + "\" cannot be run on the cluster as written");
    }
    ObjectNode out = ClusterQueries.obj();
    ObjectNode f = out.putObject("match_phrase").putObject(ClusterFields.of(p.getField()));
    f.put("query", text);
    f.put("analyzer", ClusterMapping.NAMES);
    f.put("slop", p.getSlop());
    if (boost != 1f) {
      f.put("boost", boost);
    }
    return out;
  }

  /** The words of {@code text} as the {@value ClusterMapping#NAMES} analyzer gives them. */
  private static List<String> analyzed(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = NAMES.tokenStream(Schema.TITLE, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string reader does not fail
    }
    return out;
  }

  private static ObjectNode termRange(TermRangeQuery r, float boost) {
    ObjectNode out = ClusterQueries.obj();
    ObjectNode f = out.putObject("range").putObject(ClusterFields.of(r.getField()));
    if (r.getLowerTerm() != null) {
      f.put(r.includesLower() ? "gte" : "gt", r.getLowerTerm().utf8ToString());
    }
    if (r.getUpperTerm() != null) {
      f.put(r.includesUpper() ? "lte" : "lt", r.getUpperTerm().utf8ToString());
    }
    if (boost != 1f) {
      f.put("boost", boost);
    }
    return out;
  }

  /**
   * A point range: its bounds are already inclusive (Lucene moves an exclusive bound to the next
   * value), and an open end is the type's extreme, left out here.
   */
  private static ObjectNode pointRange(PointRangeQuery r, float boost) {
    if (r.getNumDims() != 1) {
      throw new BadQueryException("this range cannot be run on the cluster");
    }
    ObjectNode out = ClusterQueries.obj();
    ObjectNode f = out.putObject("range").putObject(ClusterFields.of(r.getField()));
    if (isFloat(r.getField())) {
      float lo = FloatPoint.decodeDimension(r.getLowerPoint(), 0);
      float hi = FloatPoint.decodeDimension(r.getUpperPoint(), 0);
      if (lo != Float.NEGATIVE_INFINITY) {
        f.put("gte", lo);
      }
      if (hi != Float.POSITIVE_INFINITY) {
        f.put("lte", hi);
      }
    } else {
      int lo = IntPoint.decodeDimension(r.getLowerPoint(), 0);
      int hi = IntPoint.decodeDimension(r.getUpperPoint(), 0);
      if (lo != Integer.MIN_VALUE) {
        f.put("gte", lo);
      }
      if (hi != Integer.MAX_VALUE) {
        f.put("lte", hi);
      }
    }
    if (boost != 1f) {
      f.put("boost", boost);
    }
    return out;
  }

  /** The float fields of the mapping: tempo and the audio features; other points are ints. */
  private static boolean isFloat(String field) {
    if (field.equals(Schema.BPM)) {
      return true;
    }
    for (AudioFeature f : AudioFeature.values()) {
      if (f.field().equals(field)) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode matchNone() {
    ObjectNode none = ClusterQueries.obj();
    none.putObject("match_none");
    return none;
  }

  private static ObjectNode boosted(ObjectNode out, String kind, float boost) {
    ObjectNode q = out.putObject(kind);
    if (boost != 1f) {
      q.put("boost", boost);
    }
    return out;
  }
}
