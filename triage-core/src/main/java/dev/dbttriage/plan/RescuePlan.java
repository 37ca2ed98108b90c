package dev.dbttriage.plan;

import dev.dbttriage.decide.RefreshDecision;
import java.util.List;
import java.util.Objects;

/**
 * An ordered plan of dbt commands that rebuilds every failed, skipped and never-ran node of a run once, and
 * nothing unrelated. Instances are immutable and thread-safe.
 *
 * @param command the dbt command the plan uses ({@code build} when the failed run was a build, else
 *     {@code run}, ...)
 * @param steps the steps, in order
 * @param intended every unique id the rescue steps intend to execute, sorted
 * @param verified whether the selector confirmed every rescue step selects exactly its nodes and the steps
 *     together cover {@link #intended()} once
 * @param problems what verification found wrong, empty when verified or not verifiable
 * @param retry whether {@code dbt retry} would do instead
 * @param contention the scheduled runs that would write the same tables as a step
 * @param checks what to check once the plan ran
 * @param refreshDecisions the full-refresh decision for each failed incremental model, when the planner has
 *     an advisor
 */
public record RescuePlan(
    String command,
    List<PlanStep> steps,
    List<String> intended,
    boolean verified,
    List<String> problems,
    RetryVerdict retry,
    List<Contention> contention,
    List<PostRunCheck> checks,
    List<RefreshDecision> refreshDecisions) {
  /** Validates and copies the components. */
  public RescuePlan {
    Objects.requireNonNull(command, "command");
    steps = List.copyOf(steps);
    intended = List.copyOf(intended);
    problems = List.copyOf(problems);
    Objects.requireNonNull(retry, "retry");
    contention = List.copyOf(contention);
    checks = List.copyOf(checks);
    refreshDecisions = List.copyOf(refreshDecisions);
  }
}
