package io.cratedigger.search;

import io.cratedigger.index.Schema;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.queryparser.flexible.core.QueryNodeException;
import org.apache.lucene.queryparser.flexible.core.QueryNodeParseException;
import org.apache.lucene.queryparser.flexible.core.processors.QueryNodeProcessorPipeline;
import org.apache.lucene.queryparser.flexible.standard.StandardQueryParser;
import org.apache.lucene.queryparser.flexible.standard.config.StandardQueryConfigHandler.Operator;
import org.apache.lucene.queryparser.flexible.standard.parser.ParseException;
import org.apache.lucene.queryparser.flexible.standard.parser.StandardSyntaxParserConstants;
import org.apache.lucene.queryparser.flexible.standard.parser.Token;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * The advanced syntax for power users, through Lucene's flexible {@link StandardQueryParser}:
 * {@code artist:agoria style:techno bpm:[120 TO 128]}, {@code label:"Ninja Tune" year:[2015 TO
 * 2020]}, {@code camelot:8A}, {@code energy:[0.7 TO 1]}. Conditions are joined with AND; words
 * without a field look in title, artists and album. Field names are mapped and checked by {@link
 * QueryFieldProcessor}; every failure is a {@link BadQueryException} with a one-line message.
 */
public final class QuerySyntax {
  /**
   * A field followed by a value ({@code style:techno}), a comparison ({@code bpm>125}, {@code
   * bpm:>=125}) or {@code *:*}: the sign of the advanced syntax. "Wars: Episode" (a space after the
   * colon) stays a plain lookup.
   */
  private static final Pattern ADVANCED =
      Pattern.compile("(^|[\\s(+\\-!])(\\p{Alpha}\\w*(:|:?[<>]=?)[^\\s:<>=]|\\*:\\*)");

  /** {@code bpm:>=125}, as Elasticsearch writes it, is {@code bpm>=125} for Lucene's parser. */
  private static final Pattern COLON_COMPARISON = Pattern.compile("(\\p{Alpha}\\w*):([<>]=?)");

  private static final CharSequence[] DEFAULT_FIELDS = {Schema.TITLE, Schema.ARTISTS, Schema.ALBUM};

  /** Album words count less than title and artist words, as in the plain lookup. */
  private static final Map<String, Float> FIELD_BOOSTS =
      Map.of(Schema.TITLE, 1f, Schema.ARTISTS, 1f, Schema.ALBUM, LookupQuery.ALBUM_WEIGHT);

  /** Edits are counted from the second letter, as in the plain lookup. */
  private static final int FUZZY_PREFIX = LookupQuery.FUZZY_PREFIX;

  private static final String HINT =
      "write field:value, field:[LOW TO HIGH] or field:\"several words\"";

  private final Analyzer analyzer;

  /** {@code names} analyzes text fields; Camelot codes are kept whole. */
  public QuerySyntax(Analyzer names) {
    this.analyzer =
        new PerFieldAnalyzerWrapper(names, Map.of(Schema.CAMELOT, new KeywordAnalyzer()));
  }

  /** Whether {@code text} is written in the advanced syntax (has a {@code field:value} part). */
  public static boolean isAdvanced(String text) {
    return ADVANCED.matcher(text).find();
  }

  /** The query for {@code text}; throws {@link BadQueryException} saying what is wrong. */
  public Query parse(String text) {
    // a parser per query: its processors keep state while they walk a tree
    StandardQueryParser parser = new StandardQueryParser(analyzer);
    parser.setDefaultOperator(Operator.AND);
    parser.setMultiFields(DEFAULT_FIELDS);
    parser.setFieldsBoost(FIELD_BOOSTS);
    parser.setPointsConfigMap(QueryField.pointsConfig());
    parser.setAllowLeadingWildcard(false);
    parser.setFuzzyPrefixLength(FUZZY_PREFIX);
    QueryNodeProcessorPipeline pipeline =
        new QueryNodeProcessorPipeline(parser.getQueryConfigHandler());
    pipeline.add(new QueryFieldProcessor());
    pipeline.add(parser.getQueryNodeProcessor());
    parser.setQueryNodeProcessor(pipeline);
    try {
      return withPositiveClause(
          parser.parse(COLON_COMPARISON.matcher(text).replaceAll("$1$2"), null));
    } catch (QueryNodeParseException e) {
      throw new BadQueryException(syntaxError(e));
    } catch (QueryNodeException e) {
      // not a syntax error the parser can place; its message names parser internals
      throw new BadQueryException("could not understand the query; " + HINT);
    }
  }

  /**
   * Where the parser stopped, in words. The parser's own message lists token kinds ({@code
   * <RANGE_GOOP>}) and class names, so only the position is kept.
   */
  private static String syntaxError(QueryNodeParseException e) {
    if (e instanceof ParseException p && p.currentToken != null && p.currentToken.next != null) {
      Token bad = p.currentToken.next;
      if (bad.kind == StandardSyntaxParserConstants.EOF) {
        return "the query ends too early; close every range, quote and parenthesis, like"
            + " bpm:[120 TO 128]";
      }
      return "syntax error in the query at character "
          + bad.beginColumn
          + " (\""
          + bad.image
          + "\"); "
          + HINT;
    }
    return "syntax error in the query; " + HINT; // a lexical error: an unclosed quote
  }

  /** A query of exclusions only ({@code -style:techno}) means "everything but", not nothing. */
  private static Query withPositiveClause(Query q) {
    if (q instanceof BooleanQuery b
        && !b.clauses().isEmpty()
        && b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
      BooleanQuery.Builder out = new BooleanQuery.Builder();
      // MUST, not FILTER: every track scores 1, so the popularity factor orders them
      out.add(MatchAllDocsQuery.INSTANCE, BooleanClause.Occur.MUST);
      b.clauses().forEach(out::add);
      return out.build();
    }
    return q;
  }
}
