package dev.dbttriage.artifact;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The freshness of one source table, from {@code sources.json}. Instances are immutable and thread-safe.
 *
 * @param uniqueId the source's unique id
 * @param status the status
 * @param rawStatus the status as written
 * @param maxLoadedAt {@code max_loaded_at} as written, if any (absent for runtime errors)
 * @param snapshottedAt {@code snapshotted_at} as written, if any
 * @param ageSeconds {@code max_loaded_at_time_ago_in_s}, if any
 * @param criteria the {@code criteria} ({@code warn_after}, {@code error_after}, {@code filter}) as plain values
 * @param error the error message of a runtime error, if any
 * @param executionTime the execution time in seconds
 */
public record FreshnessResult(
    String uniqueId,
    FreshnessStatus status,
    String rawStatus,
    Optional<String> maxLoadedAt,
    Optional<String> snapshottedAt,
    OptionalDouble ageSeconds,
    Map<String, Object> criteria,
    Optional<String> error,
    double executionTime) {

  /** Validates and copies the components. */
  public FreshnessResult {
    Objects.requireNonNull(uniqueId, "uniqueId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(rawStatus, "rawStatus");
    Objects.requireNonNull(maxLoadedAt, "maxLoadedAt");
    Objects.requireNonNull(snapshottedAt, "snapshottedAt");
    Objects.requireNonNull(ageSeconds, "ageSeconds");
    criteria = PlainValues.copyMap(criteria);
    Objects.requireNonNull(error, "error");
  }
}
