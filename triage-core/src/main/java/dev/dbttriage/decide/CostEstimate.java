package dev.dbttriage.decide;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a recommended run is expected to cost, from run history and catalog stats. Instances are immutable and
 * thread-safe.
 *
 * @param normalRunSeconds the model's normal incremental execution time (median of successful incremental runs),
 *     if the history has one
 * @param estimatedSeconds the recommended run's estimated execution time, if it can be estimated
 * @param rowCount the table's row count from {@code catalog.json}, if reported
 * @param heavy whether the run is heavy (estimate at or above the threshold, or a very large table): schedule
 *     it off-peak
 * @param basis how the estimate was made, for a person to check
 */
public record CostEstimate(OptionalDouble normalRunSeconds, OptionalDouble estimatedSeconds, OptionalLong rowCount,
    boolean heavy, String basis) {
  /** Validates the components. */
  public CostEstimate {
    Objects.requireNonNull(normalRunSeconds, "normalRunSeconds");
    Objects.requireNonNull(estimatedSeconds, "estimatedSeconds");
    Objects.requireNonNull(rowCount, "rowCount");
    Objects.requireNonNull(basis, "basis");
  }
}
