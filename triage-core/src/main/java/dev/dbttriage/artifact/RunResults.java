package dev.dbttriage.artifact;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A dbt {@code run_results.json} of any schema version. Instances are immutable and thread-safe.
 *
 * @param metadata the file's metadata
 * @param args the invocation's arguments ({@link InvocationArgs#NONE} when not recorded)
 * @param elapsedTime the invocation's elapsed time in seconds, if recorded
 * @param results the results, in file order
 * @param warnings what was read leniently
 */
public record RunResults(
    ArtifactMetadata metadata,
    InvocationArgs args,
    OptionalDouble elapsedTime,
    List<RunResult> results,
    List<ArtifactWarning> warnings) {

  /** Validates and copies the components. */
  public RunResults {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(elapsedTime, "elapsedTime");
    results = List.copyOf(results);
    warnings = List.copyOf(warnings);
  }

  /** Returns the result for a unique id (the last one when a file lists an id twice). */
  public Optional<RunResult> result(String uniqueId) {
    for (int i = results.size() - 1; i >= 0; i--) {
      if (results.get(i).uniqueId().equals(uniqueId)) {
        return Optional.of(results.get(i));
      }
    }
    return Optional.empty();
  }

  /** Returns how many results have each status. */
  public Map<RunStatus, Integer> countsByStatus() {
    Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
    results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    return Collections.unmodifiableMap(counts);
  }

  /**
   * Returns true when the reader could not read every result: a warning whose code
   * {@linkplain WarningCode#degradesFindings() degrades findings} was raised, so that findings built on this
   * file are incomplete and must not be reported as a clean run.
   */
  public boolean incomplete() {
    return warnings.stream().anyMatch(ArtifactWarning::degradesFindings);
  }
}
