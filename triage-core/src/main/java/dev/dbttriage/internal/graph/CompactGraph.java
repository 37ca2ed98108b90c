package dev.dbttriage.internal.graph;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact, int-indexed view of the manifest's lineage over every member (enabled or not: a run's results
 * may name nodes the manifest has since disabled), built once per triage. Not thread-safe to build; immutable
 * after. Internal: not part of the exported API.
 */
public final class CompactGraph {
  private final Node[] nodes;
  private final Map<String, Integer> index;
  private final int[][] parents;
  private final int[][] children;
  private final boolean[] enabled;

  /** Builds the graph of every member of the manifest's lineage collections. */
  public CompactGraph(Manifest manifest) {
    List<Node> all = new ArrayList<>();
    manifest.allNodes().forEach(all::add);
    nodes = all.toArray(new Node[0]);
    index = new HashMap<>(nodes.length * 2);
    for (int i = 0; i < nodes.length; i++) {
      index.putIfAbsent(nodes[i].uniqueId(), i);
    }
    int[] parentCount = new int[nodes.length];
    int[] childCount = new int[nodes.length];
    int[][] parentLists = new int[nodes.length][];
    for (int i = 0; i < nodes.length; i++) {
      List<String> deps = nodes[i].dependsOnNodes();
      int[] ps = new int[deps.size()];
      int n = 0;
      for (String dep : deps) {
        Integer p = index.get(dep);
        if (p != null && p != i) {
          ps[n++] = p;
          childCount[p]++;
        }
      }
      parentLists[i] = Arrays.copyOf(ps, n);
      parentCount[i] = n;
    }
    parents = parentLists;
    enabled = new boolean[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      enabled[i] = nodes[i].enabled();
    }
    children = new int[nodes.length][];
    int[] fill = new int[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      children[i] = new int[childCount[i]];
    }
    for (int i = 0; i < nodes.length; i++) {
      for (int p : parents[i]) {
        children[p][fill[p]++] = i;
      }
    }
  }

  public int size() {
    return nodes.length;
  }

  public int indexOf(String uniqueId) {
    Integer i = index.get(uniqueId);
    return i == null ? -1 : i;
  }

  public Node node(int i) {
    return nodes[i];
  }

  public int[] parents(int i) {
    return parents[i];
  }

  public int[] children(int i) {
    return children[i];
  }

  /** Every node reachable downstream of the start nodes, the starts excluded unless reached again. */
  public BitSet descendants(int... starts) {
    return walk(children, starts);
  }

  /** Every node reachable upstream of the start nodes. */
  public BitSet ancestors(int... starts) {
    return walk(parents, starts);
  }

  private BitSet walk(int[][] edges, int... starts) {
    BitSet seen = new BitSet(nodes.length);
    // A queue that grows as needed: most walks reach few nodes, and a full-size array per walk is garbage.
    int[] queue = new int[64];
    int head = 0;
    int tail = 0;
    for (int s : starts) {
      for (int next : edges[s]) {
        if (!seen.get(next)) {
          seen.set(next);
          if (tail == queue.length) {
            queue = Arrays.copyOf(queue, queue.length * 2);
          }
          queue[tail++] = next;
        }
      }
    }
    while (head < tail) {
      int cur = queue[head++];
      for (int next : edges[cur]) {
        if (!seen.get(next)) {
          seen.set(next);
          if (tail == queue.length) {
            queue = Arrays.copyOf(queue, queue.length * 2);
          }
          queue[tail++] = next;
        }
      }
    }
    return seen;
  }

  /** Returns whether the node at {@code i} is enabled ({@code config.enabled} is not false). */
  public boolean enabled(int i) {
    return enabled[i];
  }
}
