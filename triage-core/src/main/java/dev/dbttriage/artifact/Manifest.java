package dev.dbttriage.artifact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A dbt {@code manifest.json} of any schema version, in one version-independent shape.
 *
 * <p>The collections mirror dbt's: {@link #nodes()} holds models, seeds, snapshots, tests, analyses and
 * operations; sources, exposures, metrics, semantic models, saved queries, unit tests, functions and groups have
 * their own maps. In pre-v1 manifests (dbt 0.18 and older) sources were kept under {@code nodes}; the reader
 * moves them to {@link #sources()}. Every map keeps the file's order. Instances are immutable and thread-safe.
 *
 * @param metadata the file's metadata
 * @param nodes models, seeds, snapshots, tests, analyses and operations by unique id
 * @param sources sources by unique id
 * @param exposures exposures by unique id
 * @param metrics metrics by unique id
 * @param semanticModels semantic models by unique id
 * @param savedQueries saved queries by unique id
 * @param unitTests unit tests by unique id
 * @param functions functions by unique id
 * @param groups groups by unique id
 * @param macros macros by unique id
 * @param disabled disabled resources by unique id (dbt keeps a list per id, one per definition)
 * @param selectors the parsed {@code selectors.yml} definitions by selector name, as plain Java values
 * @param warnings what was read leniently
 */
public record Manifest(
    ArtifactMetadata metadata,
    Map<String, Node> nodes,
    Map<String, Node> sources,
    Map<String, Node> exposures,
    Map<String, Node> metrics,
    Map<String, Node> semanticModels,
    Map<String, Node> savedQueries,
    Map<String, Node> unitTests,
    Map<String, Node> functions,
    Map<String, Node> groups,
    Map<String, Macro> macros,
    Map<String, List<Node>> disabled,
    Map<String, Object> selectors,
    List<ArtifactWarning> warnings) {

  /** Validates and copies the components. */
  public Manifest {
    Objects.requireNonNull(metadata, "metadata");
    nodes = ordered(nodes);
    sources = ordered(sources);
    exposures = ordered(exposures);
    metrics = ordered(metrics);
    semanticModels = ordered(semanticModels);
    savedQueries = ordered(savedQueries);
    unitTests = ordered(unitTests);
    functions = ordered(functions);
    groups = ordered(groups);
    macros = ordered(macros);
    Map<String, List<Node>> d = new LinkedHashMap<>();
    disabled.forEach((k, v) -> d.put(k, List.copyOf(v)));
    disabled = Collections.unmodifiableMap(d);
    selectors = PlainValues.copyMap(selectors);
    warnings = List.copyOf(warnings);
  }

  /**
   * Returns the resource with this unique id from any collection (not from {@link #disabled()}).
   *
   * @param uniqueId a unique id
   * @return the resource, or empty when the manifest has no enabled-or-listed resource with that id
   */
  public Optional<Node> node(String uniqueId) {
    for (Map<String, Node> map : graphCollections()) {
      Node node = map.get(uniqueId);
      if (node != null) {
        return Optional.of(node);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the collections whose members are lineage vertices, in dbt's order: nodes, sources, exposures,
   * metrics, semantic models, saved queries, unit tests, functions.
   */
  public List<Map<String, Node>> graphCollections() {
    return List.of(nodes, sources, exposures, metrics, semanticModels, savedQueries, unitTests, functions);
  }

  /** Returns every resource of the lineage collections (enabled or not), in collection order. */
  public Stream<Node> allNodes() {
    return graphCollections().stream().flatMap(m -> m.values().stream());
  }

  /** Returns the adapter type recorded in the metadata, if any. */
  public Optional<String> adapterType() {
    return metadata.adapterType();
  }

  /** Returns the root project's name, if recorded or derivable. */
  public Optional<String> projectName() {
    return metadata.projectName();
  }

  /**
   * Returns how many resources of each type the manifest holds, counting {@link #nodes()} by their resource
   * type and every other collection under its own type, disabled resources excluded.
   */
  public Map<ResourceType, Integer> countsByResourceType() {
    Map<ResourceType, Integer> counts = new EnumMap<>(ResourceType.class);
    allNodes().forEach(n -> counts.merge(n.resourceType(), 1, Integer::sum));
    groups.values().forEach(n -> counts.merge(ResourceType.GROUP, 1, Integer::sum));
    return Collections.unmodifiableMap(counts);
  }

  /** Returns the models of {@link #nodes()}, in file order. */
  public List<Node> models() {
    List<Node> models = new ArrayList<>();
    for (Node n : nodes.values()) {
      if (n.resourceType() == ResourceType.MODEL) {
        models.add(n);
      }
    }
    return Collections.unmodifiableList(models);
  }

  private static <V> Map<String, V> ordered(Map<String, V> source) {
    if (source == null || source.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(source));
  }

  /**
   * Returns true when the reader could not read every resource: a warning whose code
   * {@linkplain WarningCode#degradesFindings() degrades findings} was raised, so that findings built on this
   * file are incomplete and must not be reported as a clean run.
   */
  public boolean incomplete() {
    return warnings.stream().anyMatch(ArtifactWarning::degradesFindings);
  }
}
