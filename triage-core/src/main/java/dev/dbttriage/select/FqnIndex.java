package dev.dbttriage.select;

import dev.dbttriage.internal.lineage.LineageIndex;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Candidate lookup for fqn selectors: a selector without a leading wildcard can only match a vertex whose last
 * fqn part, versioned name, or first (scoped or package-less) flattened part equals part of it, so only those
 * vertices are checked. Immutable and thread-safe once built.
 */
final class FqnIndex {
  private final SelectorEngine e;
  private final Map<String, int[]> byLast = new HashMap<>();
  private final Map<String, int[]> bySecondLast = new HashMap<>();
  private final Map<String, int[]> byVersionTail = new HashMap<>();
  private final Map<String, int[]> byHead = new HashMap<>();
  private final int[] searchable;

  FqnIndex(SelectorEngine engine) {
    this.e = engine;
    LineageIndex g = engine.graph;
    Map<String, IntList> last = new HashMap<>();
    Map<String, IntList> secondLast = new HashMap<>();
    Map<String, IntList> versionTail = new HashMap<>();
    Map<String, IntList> head = new HashMap<>();
    IntList all = new IntList();
    for (int i = 0; i < engine.size; i++) {
      if (g.collection(i) == LineageIndex.SOURCES) {
        continue;
      }
      all.add(i);
      List<String> fqn = g.node(i).fqn();
      int n = fqn.size();
      if (n == 0) {
        continue;
      }
      last.computeIfAbsent(fqn.get(n - 1), k -> new IntList()).add(i);
      if (engine.versioned[i] && n >= 2) {
        secondLast.computeIfAbsent(fqn.get(n - 2), k -> new IntList()).add(i);
        versionTail.computeIfAbsent(fqn.get(n - 2) + "_" + fqn.get(n - 1), k -> new IntList()).add(i);
      }
      String[] flat = engine.flatFqn[i];
      if (flat.length > 0) {
        head.computeIfAbsent(flat[0], k -> new IntList()).add(i);
      }
      int pkg = engine.pkgParts[i];
      if (n > 1 && pkg < flat.length && !flat[pkg].equals(flat[0])) {
        head.computeIfAbsent(flat[pkg], k -> new IntList()).add(i);
      }
    }
    freeze(last, byLast);
    freeze(secondLast, bySecondLast);
    freeze(versionTail, byVersionTail);
    freeze(head, byHead);
    searchable = all.toArray();
  }

  private static void freeze(Map<String, IntList> from, Map<String, int[]> to) {
    from.forEach((k, v) -> to.put(k, v.toArray()));
  }

  void search(FqnPattern pattern, BitSet out) {
    if (pattern.startsWithWildcard()) {
      for (int i : searchable) {
        check(pattern, i, out);
      }
      return;
    }
    for (int[] candidates : new int[][] {byLast.get(pattern.selector()), bySecondLast.get(pattern.selector()),
        byVersionTail.get(pattern.versionTail()), byHead.get(pattern.firstPart())}) {
      if (candidates != null) {
        for (int i : candidates) {
          if (!out.get(i)) {
            check(pattern, i, out);
          }
        }
      }
    }
  }

  private void check(FqnPattern pattern, int i, BitSet out) {
    if (pattern.matches(e.graph.node(i).fqn(), e.flatFqn[i], e.pkgParts[i], e.versioned[i])) {
      out.set(i);
    }
  }

  /** A growable int array. */
  private static final class IntList {
    private int[] a = new int[4];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
