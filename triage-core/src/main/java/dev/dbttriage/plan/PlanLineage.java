package dev.dbttriage.plan;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.internal.graph.DbtNodes;
import dev.dbttriage.internal.lineage.LineageIndex;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plan's view of the project's one lineage: what the run's subcommand executes, how a node is named in a
 * selection, and the sets a step is cut from. Immutable; one per plan.
 */
final class PlanLineage {
  private final LineageIndex graph;
  private final boolean build;
  private final Set<ResourceType> runnable;
  private final Set<String> withResult;

  /**
   * @param graph the project's lineage
   * @param command the subcommand the plan re-runs ({@code build}, {@code run}, {@code test}, ...)
   * @param withResult the unique ids the run has a result for (executed even when the manifest lacks them)
   */
  PlanLineage(LineageIndex graph, String command, Set<String> withResult) {
    this.graph = graph;
    this.build = command.equals("build");
    this.runnable = runnableTypes(command);
    this.withResult = withResult;
  }

  /** The resource types {@code dbt <command>} executes. */
  static Set<ResourceType> runnableTypes(String command) {
    return switch (command) {
      case "build" -> EnumSet.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.SNAPSHOT, ResourceType.TEST,
          ResourceType.UNIT_TEST, ResourceType.SAVED_QUERY, ResourceType.FUNCTION);
      case "test" -> EnumSet.of(ResourceType.TEST, ResourceType.UNIT_TEST);
      case "seed" -> EnumSet.of(ResourceType.SEED);
      case "snapshot" -> EnumSet.of(ResourceType.SNAPSHOT);
      default -> EnumSet.of(ResourceType.MODEL);
    };
  }

  /** Whether the plan's subcommand executes the node (an ephemeral model or an analysis never does). */
  boolean executes(String id) {
    int i = graph.memberIndexOf(id);
    if (i < 0) {
      return withResult.contains(id);
    }
    Node n = graph.node(i);
    return !DbtNodes.neverExecutes(n) && runnable.contains(n.resourceType());
  }

  ResourceType typeOf(String id) {
    int i = graph.memberIndexOf(id);
    return i >= 0 ? graph.node(i).resourceType() : ResourceType.OTHER;
  }

  boolean isIncremental(String id) {
    int i = graph.memberIndexOf(id);
    return i >= 0 && graph.node(i).config().isIncremental();
  }

  /** The name a selection uses for the node: dbt's selector name, or the id itself for an unknown node. */
  String selectorName(String id) {
    int i = graph.memberIndexOf(id);
    return i < 0 ? id : DbtNodes.selectorName(graph.node(i));
  }

  List<String> names(Collection<String> ids) {
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      out.add(selectorName(id));
    }
    return out;
  }

  /** Everything upstream of the node; empty for an unknown node. */
  Set<String> ancestors(String id) {
    int at = graph.memberIndexOf(id);
    return at < 0 ? Set.of() : idsOf(graph.ancestors(at));
  }

  /** Everything downstream of the node; empty for an unknown node. */
  Set<String> descendants(String id) {
    int at = graph.memberIndexOf(id);
    return at < 0 ? Set.of() : idsOf(graph.descendants(at));
  }

  /** The node's direct parents; empty for an unknown node. */
  List<String> parents(String id) {
    int at = graph.memberIndexOf(id);
    List<String> out = new ArrayList<>();
    if (at >= 0) {
      for (int p : graph.parents(at)) {
        out.add(graph.node(p).uniqueId());
      }
    }
    return out;
  }

  /** Tokens for a set of nodes: {@code top+} for each node with no ancestor inside the set. */
  List<String> tokensFor(Set<String> nodes) {
    // One walk down from the whole set reaches exactly the members that have an ancestor in it.
    BitSet below = graph.descendants(nodes.stream().mapToInt(graph::memberIndexOf).filter(i -> i >= 0).toArray());
    List<String> tokens = new ArrayList<>();
    for (String id : nodes) {
      int i = graph.memberIndexOf(id);
      if (i < 0 || !below.get(i)) {
        tokens.add(selectorName(id) + (i >= 0 && graph.hasChildren(i) ? "+" : ""));
      }
    }
    return tokens;
  }

  /**
   * Adds the remaining tests whose every parent is in {@code ids}, when the plan re-runs {@code dbt build}: it
   * runs them with their model.
   */
  Set<String> withOwnTests(Set<String> ids, Set<String> remaining) {
    if (!build) {
      return ids;
    }
    Set<String> out = new TreeSet<>(ids);
    for (String id : ids) {
      int i = graph.memberIndexOf(id);
      if (i < 0) {
        continue;
      }
      for (int c : graph.children(i)) {
        Node child = graph.node(c);
        if ((child.resourceType() == ResourceType.TEST || child.resourceType() == ResourceType.UNIT_TEST)
            && remaining.contains(child.uniqueId()) && ids.containsAll(child.dependsOnNodes())) {
          out.add(child.uniqueId());
        }
      }
    }
    return out;
  }

  private Set<String> idsOf(BitSet bits) {
    Set<String> out = new HashSet<>();
    for (int x = bits.nextSetBit(0); x >= 0; x = bits.nextSetBit(x + 1)) {
      out.add(graph.node(x).uniqueId());
    }
    return out;
  }
}
