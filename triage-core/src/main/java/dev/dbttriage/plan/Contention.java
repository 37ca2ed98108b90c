package dev.dbttriage.plan;

import java.util.List;
import java.util.Objects;

/**
 * A scheduled run that would write some of the same tables as a step of the plan.
 *
 * @param step the plan step's number
 * @param scheduledSelection the scheduled run's selection, as given
 * @param overlap the unique ids both would write, sorted
 */
public record Contention(int step, String scheduledSelection, List<String> overlap) {
  /** Validates and copies the components. */
  public Contention {
    Objects.requireNonNull(scheduledSelection, "scheduledSelection");
    overlap = List.copyOf(overlap);
  }
}
