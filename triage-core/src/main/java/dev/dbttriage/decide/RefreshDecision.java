package dev.dbttriage.decide;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The full-refresh decision for one model, with the evidence behind it. Instances are immutable and
 * thread-safe.
 *
 * @param uniqueId the model
 * @param kind the decision
 * @param reasons the evidence, one checkable line each, deciding evidence first
 * @param commands the commands to paste, in order
 * @param cost the expected cost of the recommended run, when a run is recommended
 * @param warnings what to watch: a {@code full_refresh: false} guard to lift first, an off-peak schedule,
 *     downstream incremental models, a prerequisite config change
 * @param guardMustBeLifted true when the decision is a full refresh and the model's config has
 *     {@code full_refresh: false}, which makes dbt ignore {@code --full-refresh} until it is lifted
 */
public record RefreshDecision(String uniqueId, RefreshKind kind, List<String> reasons, List<String> commands,
    Optional<CostEstimate> cost, List<String> warnings, boolean guardMustBeLifted) {

  /** Validates and copies the components. */
  public RefreshDecision {
    Objects.requireNonNull(uniqueId, "uniqueId");
    Objects.requireNonNull(kind, "kind");
    reasons = List.copyOf(reasons);
    commands = List.copyOf(commands);
    Objects.requireNonNull(cost, "cost");
    warnings = List.copyOf(warnings);
  }

  /** Returns the decision as text for a person, ending with a newline. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(uniqueId).append(": ").append(kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append('\n');
    sb.append("because:\n");
    reasons.forEach(r -> sb.append("  - ").append(r).append('\n'));
    if (!commands.isEmpty()) {
      sb.append("run:\n");
      commands.forEach(c -> sb.append("  ").append(c).append('\n'));
    }
    cost.ifPresent(c -> sb.append("cost: ").append(c.basis()).append(c.heavy() ? " (heavy: schedule off-peak)" : "")
        .append('\n'));
    if (!warnings.isEmpty()) {
      sb.append("warnings:\n");
      warnings.forEach(w -> sb.append("  - ").append(w).append('\n'));
    }
    return sb.toString();
  }
}
