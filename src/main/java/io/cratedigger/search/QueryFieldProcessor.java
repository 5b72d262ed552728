package io.cratedigger.search;

import io.cratedigger.track.Key;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.queryparser.flexible.core.nodes.FieldQueryNode;
import org.apache.lucene.queryparser.flexible.core.nodes.FieldableNode;
import org.apache.lucene.queryparser.flexible.core.nodes.FuzzyQueryNode;
import org.apache.lucene.queryparser.flexible.core.nodes.QueryNode;
import org.apache.lucene.queryparser.flexible.core.nodes.QuotedFieldQueryNode;
import org.apache.lucene.queryparser.flexible.core.nodes.RangeQueryNode;
import org.apache.lucene.queryparser.flexible.core.processors.QueryNodeProcessorImpl;
import org.apache.lucene.queryparser.flexible.core.util.UnescapedCharSequence;
import org.apache.lucene.queryparser.flexible.standard.nodes.RegexpQueryNode;
import org.apache.lucene.queryparser.flexible.standard.nodes.TermRangeQueryNode;

/**
 * The first step of the advanced syntax, before Lucene's standard processors: maps the field names
 * users write to index fields, checks numbers and keys and says what is wrong in words, and turns
 * an exact decimal value into the range of values that round to it. Lucene's processors then build
 * the point, term and phrase queries.
 */
final class QueryFieldProcessor extends QueryNodeProcessorImpl {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,9}");

  @Override
  protected QueryNode preProcessNode(QueryNode node) {
    if (node instanceof RegexpQueryNode) {
      // a regular expression can walk the whole terms dictionary; a wildcard says what people mean
      throw new BadQueryException(
          "regular expressions are not supported; use a wildcard like title:wind*");
    }
    if (!(node instanceof FieldableNode f) || node.getParent() instanceof RangeQueryNode) {
      return node; // the bounds of a range are checked with their range
    }
    if (f.getField() == null) {
      return text(node); // no field: title, artists and album, expanded by a later processor
    }
    String written = f.getField().toString();
    if (written.equals("*")
        && node instanceof FieldQueryNode q
        && q.getTextAsString().equals("*")) {
      return node; // *:* matches every track
    }
    QueryField field =
        QueryField.of(written)
            .orElseThrow(
                () ->
                    new BadQueryException(
                        "unknown field \"" + written + "\"; known fields: " + QueryField.known()));
    f.setField(field.schemaField());
    return switch (field.kind()) {
      case TEXT -> text(node);
      case FLOAT, INT -> number(node, field);
      case KEY -> key(node, field);
    };
  }

  @Override
  protected QueryNode postProcessNode(QueryNode node) {
    return node;
  }

  @Override
  protected List<QueryNode> setChildrenOrder(List<QueryNode> children) {
    return children;
  }

  /**
   * Wildcard and fuzzy terms skip the analyzer, so they are folded and lower-cased here to meet the
   * indexed terms ("Café*" finds "cafe"). A leading wildcard would scan every term of the field.
   */
  private static QueryNode text(QueryNode node) {
    if (node instanceof FieldQueryNode q) {
      CharSequence t = q.getText();
      if (hasWildcard(t) || node instanceof FuzzyQueryNode) {
        if (t.length() > 0 && isWildcard(t, 0)) {
          throw new BadQueryException(
              "a word cannot start with a wildcard: \""
                  + t
                  + "\"; write its first letters, like wind*");
        }
        q.setText(fold(t));
      }
    }
    return node;
  }

  private static QueryNode number(QueryNode node, QueryField field) {
    if (node instanceof TermRangeQueryNode r) {
      checkBound(r.getLowerBound(), field);
      checkBound(r.getUpperBound(), field);
      return node;
    }
    if (!(node.getClass() == FieldQueryNode.class
        || node.getClass() == QuotedFieldQueryNode.class)) {
      throw notANumber(field, node instanceof FieldQueryNode q ? q.getTextAsString() : "");
    }
    FieldQueryNode q = (FieldQueryNode) node;
    String text = q.getTextAsString().strip();
    checkNumber(text, field);
    if (field.kind() == QueryField.Kind.INT) {
      return node;
    }
    // A decimal value stands for the values that round to it at the precision written:
    // bpm:128 is 127.5 <= bpm < 128.5 (a tempo is rarely exactly 128), energy:0.8 is 0.75..0.85.
    BigDecimal v = new BigDecimal(text);
    BigDecimal half = BigDecimal.valueOf(5, Math.max(v.scale(), 0) + 1);
    String s = field.schemaField();
    return new TermRangeQueryNode(
        new FieldQueryNode(s, v.subtract(half).toPlainString(), q.getBegin(), q.getEnd()),
        new FieldQueryNode(s, v.add(half).toPlainString(), q.getBegin(), q.getEnd()),
        true,
        false);
  }

  private static void checkBound(FieldQueryNode bound, QueryField field) {
    String text = bound.getTextAsString().strip();
    if (!text.isEmpty() && !text.equals("*")) {
      checkNumber(text, field);
    }
  }

  private static void checkNumber(String text, QueryField field) {
    boolean ok =
        field.kind() == QueryField.Kind.INT
            ? WHOLE.matcher(text).matches()
            : DECIMAL.matcher(text).matches();
    if (!ok) {
      throw notANumber(field, text);
    }
  }

  private static BadQueryException notANumber(QueryField field, String text) {
    String what = field.kind() == QueryField.Kind.INT ? "a whole number" : "a number";
    return new BadQueryException(
        field.name()
            + " needs "
            + what
            + ", got \""
            + text
            + "\"; write "
            + field.name()
            + ":N or "
            + field.name()
            + ":[LOW TO HIGH]");
  }

  /** A key in any spelling becomes its Camelot code, the indexed keyword ("Am" → "8A"). */
  private static QueryNode key(QueryNode node, QueryField field) {
    String text = node instanceof FieldQueryNode q ? q.getTextAsString() : "";
    if (node.getClass() == FieldQueryNode.class || node.getClass() == QuotedFieldQueryNode.class) {
      Optional<Key> key = Key.tryParse(text);
      if (key.isPresent()) {
        ((FieldQueryNode) node).setText(key.get().camelot());
        return node;
      }
    }
    throw new BadQueryException(
        field.name() + " needs one key like 8A, Am or \"A minor\", got \"" + text + "\"");
  }

  private static boolean hasWildcard(CharSequence t) {
    for (int i = 0; i < t.length(); i++) {
      if (isWildcard(t, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWildcard(CharSequence t, int i) {
    char c = t.charAt(i);
    return (c == '*' || c == '?') && !UnescapedCharSequence.wasEscaped(t, i);
  }

  /**
   * Lower-cases and folds to ASCII like {@code Analyzers.names()}, keeping which chars were
   * escaped.
   */
  static CharSequence fold(CharSequence text) {
    CharSequence lower = UnescapedCharSequence.toLowerCase(text, Locale.ROOT);
    if (lower.chars().allMatch(c -> c < 128)) {
      return lower;
    }
    char[] one = new char[1];
    char[] buf = new char[4]; // ASCIIFoldingFilter writes at most 4 chars for one
    char[] out = new char[lower.length() * 4];
    boolean[] escaped = new boolean[out.length];
    int n = 0;
    for (int i = 0; i < lower.length(); i++) {
      one[0] = lower.charAt(i);
      int len = ASCIIFoldingFilter.foldToASCII(one, 0, buf, 0, 1);
      for (int j = 0; j < len; j++) {
        out[n] = buf[j];
        escaped[n] = UnescapedCharSequence.wasEscaped(lower, i);
        n++;
      }
    }
    return new UnescapedCharSequence(out, escaped, 0, n);
  }
}
