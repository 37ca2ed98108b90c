package dev.dbttriage.triage;

import java.util.Objects;
import java.util.Optional;

/**
 * A root cause's history across the runs given to the engine (the current one and older ones).
 *
 * @param runsObserved how many runs reported the node
 * @param failuresObserved how many of them reported it failing
 * @param consecutiveFailures how many runs in a row, ending with the newest, reported it failing
 * @param firstSeen the {@code generated_at} of the first run of the current failing streak, if recorded
 * @param pattern new, persistent or flaky
 */
public record FailureHistory(
    int runsObserved,
    int failuresObserved,
    int consecutiveFailures,
    Optional<String> firstSeen,
    HistoryPattern pattern) {
  /** Validates the components. */
  public FailureHistory {
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(pattern, "pattern");
  }
}
