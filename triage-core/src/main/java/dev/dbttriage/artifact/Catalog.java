package dev.dbttriage.artifact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A dbt {@code catalog.json}. Instances are immutable and thread-safe.
 *
 * @param metadata the file's metadata
 * @param nodes relations of nodes by unique id
 * @param sources relations of sources by unique id
 * @param errors the errors dbt recorded while building the catalog
 * @param warnings what was read leniently
 */
public record Catalog(
    ArtifactMetadata metadata,
    Map<String, CatalogTable> nodes,
    Map<String, CatalogTable> sources,
    List<String> errors,
    List<ArtifactWarning> warnings) {

  /** Validates and copies the components. */
  public Catalog {
    Objects.requireNonNull(metadata, "metadata");
    nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  /** Returns the relation of a node or source, if the catalog has it. */
  public Optional<CatalogTable> table(String uniqueId) {
    CatalogTable t = nodes.get(uniqueId);
    return Optional.ofNullable(t != null ? t : sources.get(uniqueId));
  }

  /**
   * Returns true when the reader could not read every table: a warning whose code
   * {@linkplain WarningCode#degradesFindings() degrades findings} was raised, so that findings built on this
   * file are incomplete and must not be reported as a clean run.
   */
  public boolean incomplete() {
    return warnings.stream().anyMatch(ArtifactWarning::degradesFindings);
  }
}
