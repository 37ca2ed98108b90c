package dev.dbttriage.plan;

import dev.dbttriage.command.DbtFeature;
import dev.dbttriage.command.DbtVersion;
import dev.dbttriage.triage.RootKind;
import dev.dbttriage.triage.TriageReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The plan's answer to "can I just run {@code dbt retry}?". Stateless. */
final class RetryVerdicts {
  private RetryVerdicts() {}

  /**
   * Whether {@code dbt retry} is the right re-run: not when nodes never ran, when a model needs
   * {@code --full-refresh}, when the plan splits a lineage into layers, when the run recorded no args, before
   * dbt 1.6, or when nothing failed in the run itself.
   *
   * @param report the triaged run
   * @param steps the plan's steps
   * @param refreshed the models the plan fully refreshes
   * @param version the run's dbt version, if known
   * @return the verdict with its reasons
   */
  static RetryVerdict of(TriageReport report, List<PlanStep> steps, List<String> refreshed,
      Optional<DbtVersion> version) {
    List<String> reasons = new ArrayList<>(); // each reason says why not
    if (!report.neverRan().isEmpty()) {
      reasons.add("`dbt retry` re-runs only nodes with an error or skipped result: it cannot see the "
          + report.neverRan().size() + " node(s) that never ran");
    }
    if (!refreshed.isEmpty()) {
      reasons.add("`dbt retry` takes no --full-refresh, and " + refreshed.size()
          + " model(s) need one");
    }
    if (steps.stream().anyMatch(s -> s.kind() == StepKind.TARGET_LAYER)) {
      reasons.add("`dbt retry` takes no --select, so it cannot split a heavy lineage into layers");
    }
    if (report.args().command().isEmpty()) {
      reasons.add("the run results record no invocation args for `dbt retry` to replay");
    }
    Optional<String> missing = version.flatMap(DbtFeature.RETRY_COMMAND::missingReason);
    if (missing.isPresent()) {
      reasons.add(missing.get());
    }
    if (report.failures().stream().allMatch(r -> r.kind() == RootKind.SOURCE_FRESHNESS)) {
      reasons.add("nothing failed in the run itself");
    }
    boolean ok = reasons.isEmpty();
    if (ok) {
      reasons.add("`dbt retry` re-runs exactly the failed and skipped nodes of this invocation with its own "
          + "arguments; run it from the same project with target/run_results.json in place, once the cause "
          + "is fixed");
    }
    return new RetryVerdict(ok, reasons);
  }
}
