package io.cratedigger.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fusion of any number of retrievers' ranked lists into one pool of candidates, in the order
 * they first came. The lexical and the sound list keep each track's rank in them, which reciprocal
 * rank fusion ({@link io.cratedigger.rank.Weights#fusion}) reads; the others only add candidates,
 * which the scores then place.
 */
final class Pool {
  private final Map<Integer, int[]> ranks = new LinkedHashMap<>(); // ref -> {lexical, knn}

  /** Adds a retriever's list; returns how many tracks it brought, new or not. */
  int add(Retrieval kind, int[] refs) {
    int side =
        switch (kind) {
          case LEXICAL -> 0;
          case KNN -> 1;
          default -> -1;
        };
    int rank = 0;
    for (int ref : refs) {
      rank++;
      int[] r = ranks.computeIfAbsent(ref, d -> new int[2]);
      if (side >= 0 && r[side] == 0) {
        r[side] = rank;
      }
    }
    return refs.length;
  }

  /** Adds a list and returns the references that were not in the pool yet. */
  int[] addNew(Retrieval kind, int[] refs) {
    List<Integer> fresh = new ArrayList<>();
    for (int ref : refs) {
      if (!ranks.containsKey(ref)) {
        fresh.add(ref);
      }
    }
    add(kind, refs);
    return fresh.stream().mapToInt(Integer::intValue).toArray();
  }

  int size() {
    return ranks.size();
  }

  int[] refs() {
    return refs(ranks.keySet());
  }

  /** The 1-based rank of {@code ref} in the lexical list, 0 when not there. */
  int lexicalRank(int ref) {
    return ranks.get(ref)[0];
  }

  /** The 1-based rank of {@code ref} in the sound list, 0 when not there. */
  int knnRank(int ref) {
    return ranks.get(ref)[1];
  }

  private static int[] refs(Collection<Integer> refs) {
    return refs.stream().mapToInt(Integer::intValue).toArray();
  }
}
