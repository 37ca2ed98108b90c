package dev.dbttriage.assertj;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.lineage.LineageGraph;
import dev.dbttriage.select.SelectorEngine;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The selector engine of the manifest the assertions look at, and the blast radius they compute with it.
 * Thread-safe.
 */
final class Engines {
  /** What {@code dbt ls} lists when no {@code --resource-type} is given. */
  static final Set<ResourceType> LS_DEFAULT_TYPES = EnumSet.of(ResourceType.MODEL, ResourceType.SNAPSHOT,
      ResourceType.SEED, ResourceType.TEST, ResourceType.SOURCE, ResourceType.EXPOSURE, ResourceType.METRIC,
      ResourceType.SAVED_QUERY, ResourceType.SEMANTIC_MODEL, ResourceType.UNIT_TEST, ResourceType.FUNCTION);

  private record Entry(Manifest manifest, SelectorEngine engine) {}

  // One entry, compared by identity: a test class asserts many things about one manifest, and hashing a
  // manifest record would walk all of it.
  private static volatile Entry last;

  private Engines() {}

  /**
   * Returns the selector engine of a manifest, reusing the one built for the same manifest instance last time.
   *
   * @throws dev.dbttriage.artifact.ArtifactException if the manifest's graph has a cycle or a dangling dependency
   */
  static SelectorEngine of(Manifest manifest) {
    Entry e = last;
    if (e != null && e.manifest() == manifest) {
      return e.engine();
    }
    SelectorEngine engine = SelectorEngine.of(manifest);
    last = new Entry(manifest, engine);
    return engine;
  }

  /**
   * Returns what {@code dbt ls --select <node>+} lists less the node itself, sorted: the enabled descendants of
   * {@code ls}'s default resource types. A resource that is not in the graph (a disabled one) has none.
   */
  static List<String> downstream(Manifest manifest, Node node) {
    LineageGraph graph = of(manifest).lineage();
    List<String> ids = new ArrayList<>();
    if (!graph.contains(node.uniqueId())) {
      return ids;
    }
    for (String id : graph.downstream(node.uniqueId())) {
      if (graph.node(id).filter(n -> LS_DEFAULT_TYPES.contains(n.resourceType())).isPresent()) {
        ids.add(id);
      }
    }
    ids.sort(null);
    return ids;
  }
}
