package dev.dbttriage.triage;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.internal.lineage.LineageIndex;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbt's skip propagation, read backwards: which nodes a failure makes dbt skip, which failures are really an
 * ephemeral parent's, and which root each skipped node of a run belongs to. One instance per triage; not
 * thread-safe to build, read-only after.
 */
final class SkipAttribution {
  static final Set<RunStatus> NODE_FAILURES =
      EnumSet.of(RunStatus.ERROR, RunStatus.RUNTIME_ERROR, RunStatus.PARTIAL_SUCCESS, RunStatus.FAIL);
  private static final Pattern EPHEMERAL_CTE = Pattern.compile("__dbt__cte__([A-Za-z0-9_]+)");
  private static final Pattern HEADER_NODE =
      Pattern.compile("(?:Error|Failure|Warning) in (?:model|snapshot|seed|test) ([A-Za-z0-9_.]+)");

  private final LineageIndex graph;
  private final Map<String, RunResult> results;
  private final boolean buildSemantics;

  /** What attribution found: each root's skipped nodes, each skipped node's roots, and the skips it cannot explain. */
  record Attribution(Map<String, List<String>> skippedOf, Map<String, List<String>> skippedBy,
      List<String> unexplained) {}

  SkipAttribution(LineageIndex graph, Map<String, RunResult> results, boolean buildSemantics) {
    this.graph = graph;
    this.results = results;
    this.buildSemantics = buildSemantics;
  }

  /** The resource type of an id: the manifest's, else its prefix's ({@code operation.}, {@code model.}, ...). */
  ResourceType typeOf(String id) {
    return typeOf(graph, id);
  }

  /** The resource type of an id in a lineage: the manifest's, else its prefix's. */
  static ResourceType typeOf(LineageIndex graph, String id) {
    int i = graph.memberIndexOf(id);
    if (i >= 0) {
      return graph.node(i).resourceType();
    }
    String prefix = id.contains(".") ? id.substring(0, id.indexOf('.')) : id;
    return ResourceType.fromDbtName(prefix).orElse(ResourceType.OTHER);
  }

  /** The nodes a failure of {@code id} makes dbt skip (a superset: only skipped ones are attributed). */
  BitSet skipSet(String id, ResourceType type) {
    int i = graph.memberIndexOf(id);
    if (i < 0) {
      return new BitSet();
    }
    Node node = graph.node(i);
    if (type == ResourceType.TEST) {
      return buildSemantics ? consumersOfTest(i) : new BitSet();
    }
    if (type == ResourceType.UNIT_TEST) {
      BitSet set = new BitSet();
      for (int p : graph.parents(i)) {
        set.set(p);
        set.or(graph.descendants(p));
      }
      return set;
    }
    if ("continue".equals(node.config().string("on_error").orElse(""))
        && node.resourceType() == ResourceType.MODEL) {
      return new BitSet();
    }
    return graph.descendants(i);
  }

  /**
   * The non-test nodes that depend, directly or not, on every parent of the test, and everything below them:
   * what {@code dbt build} skips when the test fails.
   */
  private BitSet consumersOfTest(int test) {
    int[] ps = graph.parents(test);
    if (ps.length == 0) {
      return new BitSet();
    }
    BitSet common = null;
    for (int p : ps) {
      BitSet d = graph.descendants(p);
      if (common == null) {
        common = d;
      } else {
        common.and(d);
      }
    }
    // Descendants of a node in the common set are in the common set too, so one walk from its non-test
    // members reaches everything dbt build skips.
    int[] starts = new int[common.cardinality()];
    int n = 0;
    for (int x = common.nextSetBit(0); x >= 0; x = common.nextSetBit(x + 1)) {
      ResourceType t = graph.node(x).resourceType();
      if (t != ResourceType.TEST && t != ResourceType.UNIT_TEST) {
        starts[n++] = x;
      }
    }
    int[] from = java.util.Arrays.copyOf(starts, n);
    BitSet result = graph.descendants(from);
    for (int x : from) {
      result.set(x);
    }
    return result;
  }

  /** Maps each failed node whose error comes from an ephemeral ancestor's SQL to that ancestor. */
  Map<String, String> ephemeralRoots() {
    Map<String, String> map = new HashMap<>();
    for (Map.Entry<String, RunResult> e : results.entrySet()) {
      if (!NODE_FAILURES.contains(e.getValue().status())) {
        continue;
      }
      int i = graph.memberIndexOf(e.getKey());
      if (i < 0) {
        continue;
      }
      String message = e.getValue().message().orElse("");
      Map<String, Integer> ephemeralAncestors = new HashMap<>();
      collectEphemeralAncestors(i, ephemeralAncestors, new BitSet());
      if (ephemeralAncestors.isEmpty()) {
        continue;
      }
      String culprit = null;
      Matcher header = HEADER_NODE.matcher(message);
      if (header.find() && ephemeralAncestors.containsKey(header.group(1))) {
        culprit = header.group(1);
      }
      if (culprit == null) {
        Matcher cte = EPHEMERAL_CTE.matcher(message);
        while (cte.find() && culprit == null) {
          if (ephemeralAncestors.containsKey(cte.group(1))) {
            culprit = cte.group(1);
          }
        }
      }
      if (culprit != null) {
        map.put(e.getKey(), graph.node(ephemeralAncestors.get(culprit)).uniqueId());
      }
    }
    return map;
  }

  private void collectEphemeralAncestors(int i, Map<String, Integer> out, BitSet seen) {
    for (int p : graph.parents(i)) {
      if (seen.get(p)) {
        continue;
      }
      seen.set(p);
      Node parent = graph.node(p);
      if (parent.resourceType() == ResourceType.MODEL && parent.config().isEphemeral()) {
        out.putIfAbsent(parent.name(), p);
        collectEphemeralAncestors(p, out, seen);
      }
    }
  }

  /** The failure that completed first: the one {@code --fail-fast} stopped the run at. */
  String firstFailure() {
    String first = null;
    String firstTime = null;
    for (Map.Entry<String, RunResult> e : results.entrySet()) {
      RunResult r = e.getValue();
      if (!NODE_FAILURES.contains(r.status())) {
        continue;
      }
      String done = r.timing().stream().map(t -> t.completedAt().orElse(""))
          .filter(s -> !s.isEmpty()).max(Comparator.naturalOrder()).orElse(null);
      if (first == null || (done != null && (firstTime == null || done.compareTo(firstTime) < 0))) {
        first = e.getKey();
        firstTime = done;
      }
    }
    return first;
  }

  /** True for a result dbt skipped because {@code --fail-fast} stopped the run. */
  static boolean isFailFastSkip(RunResult r) {
    String m = r.message().orElse("").toLowerCase(Locale.ROOT);
    return m.contains("fail_fast") || m.contains("fail fast") || m.contains("fail-fast");
  }

  /**
   * Attributes every skipped result: walks each cause's reach once, marking the skipped nodes it covers; a skip
   * no cause reaches goes to the first failure when {@code --fail-fast} explains it, else is unexplained.
   *
   * @param causes each root's skip set
   * @param ephemeralOf the ephemeral root of each failed node that has one
   * @param failFast whether the invocation ran with {@code --fail-fast}
   */
  Attribution attribute(Map<String, BitSet> causes, Map<String, String> ephemeralOf, boolean failFast) {
    BitSet skippedNodes = new BitSet(graph.memberCount());
    for (Map.Entry<String, RunResult> e : results.entrySet()) {
      if (e.getValue().status() == RunStatus.SKIPPED) {
        int i = graph.memberIndexOf(e.getKey());
        if (i >= 0) {
          skippedNodes.set(i);
        }
      }
    }
    List<String> causeIds = new ArrayList<>(causes.keySet());
    causeIds.sort(null);
    List<List<String>> byIndex = new ArrayList<>(java.util.Collections.nCopies(graph.memberCount(), null));
    Map<String, List<String>> skippedOf = new HashMap<>();
    for (String rootId : causeIds) {
      BitSet covered = (BitSet) causes.get(rootId).clone();
      covered.and(skippedNodes);
      List<String> mine = new ArrayList<>(covered.cardinality());
      for (int x = covered.nextSetBit(0); x >= 0; x = covered.nextSetBit(x + 1)) {
        if (byIndex.get(x) == null) {
          byIndex.set(x, new ArrayList<>(2));
        }
        byIndex.get(x).add(rootId);
        mine.add(graph.node(x).uniqueId());
      }
      skippedOf.put(rootId, mine);
    }
    Map<String, List<String>> skippedBy = new TreeMap<>();
    List<String> unexplained = new ArrayList<>();
    String firstFailure = firstFailure();
    for (Map.Entry<String, RunResult> e : results.entrySet()) {
      if (e.getValue().status() != RunStatus.SKIPPED) {
        continue;
      }
      String id = e.getKey();
      int i = graph.memberIndexOf(id);
      List<String> by = i >= 0 && byIndex.get(i) != null ? byIndex.get(i) : new ArrayList<>();
      if (by.isEmpty() && firstFailure != null && (failFast || isFailFastSkip(e.getValue()))) {
        String root = ephemeralOf.getOrDefault(firstFailure, firstFailure);
        by.add(root);
        skippedOf.computeIfAbsent(root, k -> new ArrayList<>()).add(id);
      }
      if (by.isEmpty()) {
        unexplained.add(id);
        continue;
      }
      skippedBy.put(id, by);
    }
    return new Attribution(skippedOf, skippedBy, unexplained);
  }
}
