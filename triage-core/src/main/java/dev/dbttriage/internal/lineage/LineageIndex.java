package dev.dbttriage.internal.lineage;

import dev.dbttriage.artifact.ArtifactException;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one lineage of a manifest, in int-indexed compressed adjacency arrays. Every member of the graph
 * collections is a vertex, enabled ones first (vertices {@code 0..size()-1}, in dbt's collection order) and
 * disabled ones after them (up to {@link #memberCount()}), so a run's results that name a since-disabled node
 * still resolve; edges run only between enabled members, as dbt draws them, so every walk is the walk
 * {@code dbt ls} does. The index is built leniently: a dependency on an id the manifest lacks, or a cycle, is
 * recorded as a {@link #problem()} that strict consumers (the selector, {@code LineageGraph}) raise through
 * {@link #requireValid()} and lenient ones (triage, planning) report as a warning. Immutable and thread-safe
 * once built. Not part of the public API.
 */
public final class LineageIndex {
  /** Collection codes, in dbt's order. */
  public static final byte NODES = 0, SOURCES = 1, EXPOSURES = 2, METRICS = 3, SEMANTIC_MODELS = 4,
      SAVED_QUERIES = 5, UNIT_TESTS = 6, FUNCTIONS = 7;
  /** Marks a depends_on id that is not a member; {@link #NOT_MEMBER_SOURCE} when it is a (disabled) source. */
  public static final int NOT_MEMBER = -1, NOT_MEMBER_SOURCE = -2;

  private static final LongAdder BUILDS = new LongAdder();

  private final Manifest manifest;
  private final String[] ids;
  private final Node[] nodes;
  private final byte[] collection;
  private final int enabledCount;
  private final Map<String, Integer> index;
  private final int[] parentStart;
  private final int[] parentList;
  private final int[] childStart;
  private final int[] childList;
  private final int[][] deps;
  private final ArtifactException problem;

  private LineageIndex(Manifest manifest) {
    BUILDS.increment();
    this.manifest = manifest;
    List<Node> members = new ArrayList<>();
    List<Byte> codes = new ArrayList<>();
    List<Node> disabledMembers = new ArrayList<>();
    List<Byte> disabledCodes = new ArrayList<>();
    List<Map<String, Node>> cols = manifest.graphCollections();
    for (int c = 0; c < cols.size(); c++) {
      for (Node n : cols.get(c).values()) {
        // dbt treats every exposure as a graph member (NodeSelector._is_graph_member)
        if (n.enabled() || c == EXPOSURES) {
          members.add(n);
          codes.add((byte) c);
        } else {
          disabledMembers.add(n);
          disabledCodes.add((byte) c);
        }
      }
    }
    int n = members.size();
    enabledCount = n;
    members.addAll(disabledMembers);
    codes.addAll(disabledCodes);
    int total = members.size();
    ids = new String[total];
    nodes = members.toArray(new Node[0]);
    collection = new byte[total];
    index = new HashMap<>(total * 2);
    for (int i = 0; i < total; i++) {
      ids[i] = nodes[i].uniqueId();
      collection[i] = codes.get(i);
      index.putIfAbsent(ids[i], i);
    }
    ArtifactException dangling = null;
    deps = new int[n][];
    int[] parentCount = new int[n];
    int[] childCount = new int[n];
    int edges = 0;
    for (int i = 0; i < n; i++) {
      Node node = nodes[i];
      List<String> raw = node.dependsOnNodes();
      boolean noParents = collection[i] == SOURCES || node.resourceType() == ResourceType.SEED;
      int[] d = new int[noParents ? 0 : raw.size()];
      for (int k = 0; k < d.length; k++) {
        String dep = raw.get(k);
        Integer j = index.get(dep);
        if (j != null && j < n) {
          d[k] = j;
        } else if (manifest.sources().containsKey(dep)) {
          d[k] = NOT_MEMBER_SOURCE;
        } else if (j != null || manifest.nodes().containsKey(dep) || manifest.disabled().containsKey(dep)) {
          // a disabled resource (kept in nodes by old manifests, or under disabled) is no vertex: no edge
          d[k] = NOT_MEMBER;
        } else {
          d[k] = NOT_MEMBER;
          if (dangling == null) {
            dangling = new ArtifactException("manifest.json: '" + ids[i] + "' depends on '" + dep
                + "', which is not a node, source, metric, semantic model or function of the manifest",
                "manifest.json", "$.depends_on.nodes", -1, -1, null);
          }
        }
      }
      deps[i] = d;
    }
    // distinct edges parent -> child, between enabled members only
    int[][] parentsOf = new int[n][];
    for (int i = 0; i < n; i++) {
      int[] p = Arrays.stream(deps[i]).filter(x -> x >= 0).distinct().toArray();
      parentsOf[i] = p;
      parentCount[i] = p.length;
      for (int x : p) {
        childCount[x]++;
      }
      edges += p.length;
    }
    parentStart = new int[n + 1];
    childStart = new int[n + 1];
    for (int i = 0; i < n; i++) {
      parentStart[i + 1] = parentStart[i] + parentCount[i];
      childStart[i + 1] = childStart[i] + childCount[i];
    }
    parentList = new int[edges];
    childList = new int[edges];
    int[] fill = Arrays.copyOf(childStart, n);
    for (int i = 0; i < n; i++) {
      System.arraycopy(parentsOf[i], 0, parentList, parentStart[i], parentsOf[i].length);
      for (int x : parentsOf[i]) {
        childList[fill[x]++] = i;
      }
    }
    this.problem = dangling != null ? dangling : cycle();
  }

  /**
   * Builds the lineage of a manifest. Never throws for the manifest's shape: see {@link #problem()}.
   *
   * @param manifest the manifest
   * @return the index
   */
  public static LineageIndex build(Manifest manifest) {
    return new LineageIndex(manifest);
  }

  /** Returns how many indexes were built in this JVM (for tests that check a graph is built once). */
  public static long buildCount() {
    return BUILDS.sum();
  }

  /**
   * Returns what makes the graph unusable for dbt's selection: a dependency on an id the manifest lacks, or a
   * cycle (naming its nodes); empty for a sound graph.
   */
  public Optional<ArtifactException> problem() {
    return Optional.ofNullable(problem);
  }

  /**
   * Throws the {@link #problem()}, if any, as dbt refuses such a manifest.
   *
   * @return this index
   * @throws ArtifactException on a cycle or a dependency that is not in the manifest
   */
  public LineageIndex requireValid() {
    if (problem != null) {
      throw problem;
    }
    return this;
  }

  private ArtifactException cycle() {
    int n = enabledCount;
    int[] indeg = new int[n];
    for (int i = 0; i < n; i++) {
      indeg[i] = parentStart[i + 1] - parentStart[i];
    }
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (indeg[i] == 0) {
        queue.add(i);
      }
    }
    int seen = 0;
    while (!queue.isEmpty()) {
      int v = queue.poll();
      seen++;
      for (int k = childStart[v]; k < childStart[v + 1]; k++) {
        if (--indeg[childList[k]] == 0) {
          queue.add(childList[k]);
        }
      }
    }
    if (seen == n) {
      return null;
    }
    // walk parents among the remaining vertices until one repeats: that is a cycle
    int start = 0;
    while (indeg[start] == 0) {
      start++;
    }
    Map<Integer, Integer> position = new HashMap<>();
    List<Integer> path = new ArrayList<>();
    int v = start;
    while (!position.containsKey(v)) {
      position.put(v, path.size());
      path.add(v);
      int next = -1;
      for (int k = parentStart[v]; k < parentStart[v + 1]; k++) {
        if (indeg[parentList[k]] > 0) {
          next = parentList[k];
          break;
        }
      }
      v = next;
    }
    List<String> cycle = new ArrayList<>();
    for (int k = position.get(v); k < path.size(); k++) {
      cycle.add(ids[path.get(k)]);
    }
    Collections.reverse(cycle);
    cycle.add(cycle.get(0));
    return new ArtifactException("manifest.json: the dependency graph has a cycle: " + String.join(" -> ", cycle),
        "manifest.json", null, -1, -1, null);
  }

  /** Returns the manifest. */
  public Manifest manifest() {
    return manifest;
  }

  /** Returns the number of enabled vertices: the graph dbt selects on is vertices {@code 0..size()-1}. */
  public int size() {
    return enabledCount;
  }

  /** Returns the number of vertices, disabled members included (they follow the enabled ones). */
  public int memberCount() {
    return ids.length;
  }

  /** Returns whether vertex {@code i} is enabled (a graph member dbt selects on). */
  public boolean enabled(int i) {
    return i < enabledCount;
  }

  /** Returns the unique id of vertex {@code i}. */
  public String id(int i) {
    return ids[i];
  }

  /** Returns the node of vertex {@code i}. */
  public Node node(int i) {
    return nodes[i];
  }

  /** Returns the collection code of vertex {@code i}. */
  public byte collection(int i) {
    return collection[i];
  }

  /** Returns the enabled vertex of a unique id, or -1 (also for a disabled member). */
  public int indexOf(String uniqueId) {
    Integer i = index.get(uniqueId);
    return i == null || i >= enabledCount ? -1 : i;
  }

  /** Returns the vertex of a unique id, enabled or not, or -1 when the manifest's graph lacks it. */
  public int memberIndexOf(String uniqueId) {
    Integer i = index.get(uniqueId);
    return i == null ? -1 : i;
  }

  /** Returns vertex {@code i}'s depends_on ids as vertices ({@link #NOT_MEMBER} for others). Do not modify. */
  public int[] deps(int i) {
    return deps[i];
  }

  /** Returns the start offset of {@code i}'s parents in {@link #parentList()} (a disabled vertex has none). */
  public int parentStart(int i) {
    return i < enabledCount ? parentStart[i] : 0;
  }

  /** Returns the end offset of {@code i}'s parents. */
  public int parentEnd(int i) {
    return i < enabledCount ? parentStart[i + 1] : 0;
  }

  /** Returns the start offset of {@code i}'s children in {@link #childList()} (a disabled vertex has none). */
  public int childStart(int i) {
    return i < enabledCount ? childStart[i] : 0;
  }

  /** Returns the end offset of {@code i}'s children. */
  public int childEnd(int i) {
    return i < enabledCount ? childStart[i + 1] : 0;
  }

  /** Returns the direct parents of vertex {@code i} (none for a disabled vertex), as a new array. */
  public int[] parents(int i) {
    return Arrays.copyOfRange(parentList, parentStart(i), parentEnd(i));
  }

  /** Returns the direct children of vertex {@code i} (none for a disabled vertex), as a new array. */
  public int[] children(int i) {
    return Arrays.copyOfRange(childList, childStart(i), childEnd(i));
  }

  /** Returns whether vertex {@code i} has a child. */
  public boolean hasChildren(int i) {
    return childEnd(i) > childStart(i);
  }

  /** Returns every vertex below the given ones, the starts excluded unless reached from another start. */
  public BitSet descendants(int... starts) {
    return walk(bits(starts), false, -1);
  }

  /** Returns every vertex above the given ones, the starts excluded unless reached from another start. */
  public BitSet ancestors(int... starts) {
    return walk(bits(starts), true, -1);
  }

  private BitSet bits(int... vertices) {
    BitSet b = new BitSet(ids.length);
    for (int v : vertices) {
      b.set(v);
    }
    return b;
  }

  /** Returns the parent array. Do not modify. */
  public int[] parentList() {
    return parentList;
  }

  /** Returns the child array. Do not modify. */
  public int[] childList() {
    return childList;
  }

  /**
   * Breadth-first walk from {@code from} along parent or child edges.
   *
   * @param from the start vertices (not included unless reached from another start vertex)
   * @param up true for parents
   * @param maxDepth the layer limit, negative for none
   * @return the reached vertices
   */
  public BitSet walk(BitSet from, boolean up, int maxDepth) {
    BitSet reached = new BitSet(ids.length);
    if (maxDepth == 0) {
      return reached;
    }
    int[] start = up ? parentStart : childStart;
    int[] list = up ? parentList : childList;
    int[] frontier = from.stream().filter(v -> v < enabledCount).toArray();
    int[] next = new int[16];
    int depth = 0;
    while (frontier.length > 0 && (maxDepth < 0 || depth < maxDepth)) {
      int count = 0;
      for (int v : frontier) {
        for (int k = start[v]; k < start[v + 1]; k++) {
          int w = list[k];
          if (!reached.get(w)) {
            reached.set(w);
            if (count == next.length) {
              next = Arrays.copyOf(next, count * 2);
            }
            next[count++] = w;
          }
        }
      }
      frontier = Arrays.copyOf(next, count);
      depth++;
    }
    return reached;
  }
}
