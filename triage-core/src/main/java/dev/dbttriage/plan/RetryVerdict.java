package dev.dbttriage.plan;

import java.util.List;

/**
 * Whether {@code dbt retry} is exactly right for this run, and why (or why not): it re-runs the failed and
 * skipped nodes of the previous invocation with its original arguments, takes no {@code --select} or
 * {@code --full-refresh}, and cannot see nodes that never got a result.
 *
 * @param recommended whether {@code dbt retry} re-runs exactly what the plan intends
 * @param reasons the reasons, one sentence each
 */
public record RetryVerdict(boolean recommended, List<String> reasons) {
  /** Copies the components. */
  public RetryVerdict {
    reasons = List.copyOf(reasons);
  }
}
