package dev.dbttriage.internal.graph;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import java.util.EnumSet;
import java.util.Set;

/**
 * What dbt itself decides about a node, shared by the engines that need it: how {@code --select} names it
 * alone, and whether a command ever executes it. Internal: not part of the exported API.
 */
public final class DbtNodes {
  /** The resource types dbt keeps in {@code manifest.nodes}, where an "empty" node (no SQL) is dropped. */
  private static final Set<ResourceType> NODES_COLLECTION = EnumSet.of(ResourceType.MODEL, ResourceType.SEED,
      ResourceType.SNAPSHOT, ResourceType.TEST, ResourceType.ANALYSIS, ResourceType.OPERATION,
      ResourceType.SQL_OPERATION, ResourceType.RPC);

  private DbtNodes() {}

  /** Returns the {@code --select} value that picks this node alone: {@code source:s.t}, {@code name.v2}, ... */
  public static String selectorName(Node n) {
    switch (n.resourceType()) {
      case SOURCE:
        return "source:" + n.sourceName().map(s -> s + ".").orElse("") + n.name();
      case EXPOSURE:
        return "exposure:" + n.name();
      case UNIT_TEST:
        return "unit_test:" + n.name();
      default:
        return n.version().map(v -> n.name() + ".v" + v).orElse(n.name());
    }
  }

  /**
   * Returns true for a node no command but {@code ls} executes: an ephemeral model (selected, but compiled into
   * its children) or an empty node (no SQL; seeds are never empty).
   */
  public static boolean neverExecutes(Node n) {
    if (n.resourceType() == ResourceType.MODEL && n.config().isEphemeral()) {
      return true;
    }
    return NODES_COLLECTION.contains(n.resourceType()) && n.resourceType() != ResourceType.SEED
        && n.rawCode().isBlank();
  }
}
