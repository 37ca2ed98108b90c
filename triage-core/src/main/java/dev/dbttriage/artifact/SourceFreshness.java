package dev.dbttriage.artifact;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A dbt {@code sources.json} (the output of {@code dbt source freshness}) of any schema version. Instances are
 * immutable and thread-safe.
 *
 * @param metadata the file's metadata
 * @param elapsedTime the elapsed time in seconds, if recorded
 * @param results the per-source results, in file order
 * @param warnings what was read leniently
 */
public record SourceFreshness(
    ArtifactMetadata metadata,
    OptionalDouble elapsedTime,
    List<FreshnessResult> results,
    List<ArtifactWarning> warnings) {

  /** Validates and copies the components. */
  public SourceFreshness {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(elapsedTime, "elapsedTime");
    results = List.copyOf(results);
    warnings = List.copyOf(warnings);
  }

  /** Returns the result for a source's unique id, if present. */
  public Optional<FreshnessResult> result(String uniqueId) {
    return results.stream().filter(r -> r.uniqueId().equals(uniqueId)).reduce((a, b) -> b);
  }

  /** Returns how many results have each status. */
  public Map<FreshnessStatus, Integer> countsByStatus() {
    Map<FreshnessStatus, Integer> counts = new EnumMap<>(FreshnessStatus.class);
    results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    return Collections.unmodifiableMap(counts);
  }

  /**
   * Returns true when the reader could not read every freshness result: a warning whose code
   * {@linkplain WarningCode#degradesFindings() degrades findings} was raised, so that findings built on this
   * file are incomplete and must not be reported as a clean run.
   */
  public boolean incomplete() {
    return warnings.stream().anyMatch(ArtifactWarning::degradesFindings);
  }
}
