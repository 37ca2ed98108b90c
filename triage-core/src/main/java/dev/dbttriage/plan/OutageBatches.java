package dev.dbttriage.plan;

import dev.dbttriage.triage.RootCause;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cuts the rest of an outage into rescue runs: one run up to the playbook's number of roots, above it groups of
 * roots that share lineage (an overlapping share or a direct parent), each node in exactly one run. Stateless.
 */
final class OutageBatches {
  private OutageBatches() {}

  /**
   * The rescue runs of the remaining nodes.
   *
   * @param roots the roots the runs rebuild, each taking the remaining nodes it failed or skipped
   * @param remaining the nodes no earlier step rebuilds; those no root claims form a share of their own
   * @param lineage the plan's lineage
   * @param maxRootsPerRun how many roots' shares one run may take
   * @return disjoint, non-empty sets of unique ids, in the order to run them
   */
  static List<Set<String>> of(List<RootCause> roots, Set<String> remaining, PlanLineage lineage,
      int maxRootsPerRun) {
    List<Set<String>> shares = shares(roots, remaining);
    if (shares.size() <= maxRootsPerRun) {
      Set<String> all = new TreeSet<>();
      shares.forEach(all::addAll);
      return List.of(all);
    }
    List<Set<String>> batches = new ArrayList<>();
    Set<String> current = new TreeSet<>();
    int rootsInCurrent = 0;
    for (List<Integer> group : affinityGroups(shares, lineage)) {
      if (rootsInCurrent > 0 && rootsInCurrent + group.size() > maxRootsPerRun) {
        batches.add(current);
        current = new TreeSet<>();
        rootsInCurrent = 0;
      }
      for (int i : group) {
        current.addAll(shares.get(i));
      }
      rootsInCurrent += group.size();
    }
    if (!current.isEmpty()) {
      batches.add(current);
    }
    // A node shared by two batches stays only in the first.
    Set<String> seen = new HashSet<>();
    List<Set<String>> disjoint = new ArrayList<>();
    for (Set<String> b : batches) {
      Set<String> d = new TreeSet<>(b);
      d.removeAll(seen);
      seen.addAll(d);
      if (!d.isEmpty()) {
        disjoint.add(d);
      }
    }
    return disjoint;
  }

  /** Each root's share (the root and the remaining nodes it failed or skipped), then what no root claims. */
  private static List<Set<String>> shares(List<RootCause> roots, Set<String> remaining) {
    List<Set<String>> shares = new ArrayList<>();
    for (RootCause root : roots) {
      Set<String> share = new TreeSet<>();
      if (remaining.contains(root.uniqueId())) {
        share.add(root.uniqueId());
      }
      for (String id : root.skipped()) {
        if (remaining.contains(id)) {
          share.add(id);
        }
      }
      for (String id : root.relatedFailures()) {
        if (remaining.contains(id)) {
          share.add(id);
        }
      }
      if (!share.isEmpty()) {
        shares.add(share);
      }
    }
    Set<String> covered = new HashSet<>();
    shares.forEach(covered::addAll);
    Set<String> leftover = new TreeSet<>(remaining);
    leftover.removeAll(covered);
    if (!leftover.isEmpty()) {
      shares.add(leftover);
    }
    return shares;
  }

  /** The shares grouped by lineage affinity (union-find over shared nodes and shared direct parents). */
  private static List<List<Integer>> affinityGroups(List<Set<String>> shares, PlanLineage lineage) {
    int n = shares.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> owner = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      for (String id : shares.get(i)) {
        Integer j = owner.putIfAbsent(id, i);
        if (j != null) {
          union(parent, i, j);
        }
        for (String p : lineage.parents(id)) {
          Integer k = owner.putIfAbsent("parent:" + p, i);
          if (k != null) {
            union(parent, i, k);
          }
        }
      }
    }
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
    }
    return new ArrayList<>(groups.values());
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    parent[find(parent, a)] = find(parent, b);
  }
}
