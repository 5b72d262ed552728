package io.cratedigger.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which tracks a retrieval may return, in words both backends read: the embedded index compiles a
 * match to Lucene queries ({@link LuceneTracks}), the cluster to the OpenSearch query language.
 * Field names are {@link io.cratedigger.index.Schema}'s; each backend maps them to its own.
 */
public sealed interface Match {
  /** Every track. */
  record All() implements Match {}

  /** Tracks with any of {@code values} in the keyword {@code field}. */
  record AnyOf(String field, List<String> values) implements Match {
    public AnyOf {
      values = List.copyOf(values);
    }
  }

  /** Tracks whose integer {@code field} (a sound cluster, a year) is {@code value}. */
  record IntIs(String field, int value) implements Match {}

  /** Tracks matching every one of {@code parts}. */
  record And(List<Match> parts) implements Match {
    public And {
      parts = List.copyOf(parts);
    }
  }

  /** Tracks matching any of {@code parts}. */
  record Or(List<Match> parts) implements Match {
    public Or {
      parts = List.copyOf(parts);
    }
  }

  /** Tracks not matching {@code match}. */
  record Not(Match match) implements Match {}

  /**
   * Tracks that mix with the seed by {@code rule}. {@code perDocument}: checked on the documents
   * another clause proposes rather than looked up for the whole catalog (the embedded index's
   * cheaper form beside a selective clause; the cluster reads both alike).
   */
  record Mixes(MixRule rule, boolean perDocument) implements Match {}

  /** Tracks passing the request's filters. */
  record Passes(Filters filters) implements Match {}

  Match ALL = new All();

  /** The request's filters, or {@link #ALL} when it has none. */
  static Match of(Filters filters) {
    return filters.isEmpty() ? ALL : new Passes(filters);
  }

  static Match anyOf(String field, Collection<String> values) {
    return new AnyOf(field, List.copyOf(values));
  }

  /** The conjunction of {@code parts}, without the {@link All}s (ALL when nothing is left). */
  static Match and(Match... parts) {
    List<Match> kept = new ArrayList<>();
    for (Match m : parts) {
      if (m instanceof And a) {
        kept.addAll(a.parts());
      } else if (!(m instanceof All)) {
        kept.add(m);
      }
    }
    return kept.isEmpty() ? ALL : kept.size() == 1 ? kept.getFirst() : new And(kept);
  }

  /** The parts of a conjunction, or the match itself; none for {@link All}. */
  default List<Match> conjuncts() {
    return switch (this) {
      case All a -> List.of();
      case And a -> a.parts();
      default -> List.of(this);
    };
  }
}
