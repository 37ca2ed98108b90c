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
 * @param normalExecutionTime the node's median execution time in seconds over the previous runs in which it
 *     succeeded or passed, if any: a node that usually takes 2 s and ran 40 s before failing is a different
 *     story from one that always takes 40 s
 */
public record FailureHistory(
    int runsObserved,
    int failuresObserved,
    int consecutiveFailures,
    Optional<String> firstSeen,
    HistoryPattern pattern,
    java.util.OptionalDouble normalExecutionTime) {
  /** Validates the components. */
  public FailureHistory {
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(normalExecutionTime, "normalExecutionTime");
  }
}
