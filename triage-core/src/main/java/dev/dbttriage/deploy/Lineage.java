package dev.dbttriage.deploy;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The children of each resource of one manifest, from {@code depends_on}; for downstream walks. */
final class Lineage {
  private final Manifest manifest;
  private final Map<String, List<String>> children = new HashMap<>();

  Lineage(Manifest manifest) {
    this.manifest = manifest;
    manifest.allNodes().forEach(n -> {
      for (String parent : n.dependsOnNodes()) {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(n.uniqueId());
      }
    });
  }

  /** Returns every resource downstream of the roots (roots excluded unless reached again), nearest first. */
  List<String> downstream(Collection<String> roots) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(roots);
    Set<String> rootSet = Set.copyOf(roots);
    while (!queue.isEmpty()) {
      String id = queue.poll();
      for (String child : children.getOrDefault(id, List.of())) {
        if (!rootSet.contains(child) && seen.add(child)) {
          queue.add(child);
        }
      }
    }
    return List.copyOf(seen);
  }

  /** Returns the downstream resources a person would call consumers: tests and unit tests left out. */
  List<String> consumers(String root) {
    List<String> out = new ArrayList<>();
    for (String id : downstream(List.of(root))) {
      ResourceType type = manifest.node(id).map(Node::resourceType).orElse(ResourceType.OTHER);
      if (type != ResourceType.TEST && type != ResourceType.UNIT_TEST) {
        out.add(id);
      }
    }
    return out;
  }
}
