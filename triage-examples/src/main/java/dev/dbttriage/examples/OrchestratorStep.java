package dev.dbttriage.examples;

import dev.dbttriage.plan.PlanStep;
import dev.dbttriage.plan.RescuePlan;
import dev.dbttriage.triage.RootCause;
import dev.dbttriage.triage.RootKind;
import dev.dbttriage.triage.Severity;
import dev.dbttriage.triage.TriageReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Worked example for a custom orchestrator plugin (an Airflow operator, a Dagster sensor, a Prefect flow):
 * after a dbt step fails, decide what to do next from the triage, not from the exit code.
 *
 * <ul>
 *   <li>every failure is transient (a dropped connection, a stopped warehouse, a lock): retry as-is, with
 *       {@code dbt retry} when the planner says it is exactly right;
 *   <li>nothing failed but nodes never ran (the step was killed or timed out): run the rescue plan, which
 *       resumes what {@code dbt retry} cannot see;
 *   <li>anything else needs a person (a code fix, a grant, bad data, a late source): stop and page the owners,
 *       with one message per root cause and the plan to run once it is fixed.
 * </ul>
 *
 * <p>The retry decision rests on the classification: {@code Diagnosis.retryable()} is true only for failures
 * the built-in rules know to be transient.
 */
public final class OrchestratorStep {
  private OrchestratorStep() {}

  /** What the orchestrator does next. */
  public enum Action {
    /** Nothing failed: carry on with the DAG. */
    CONTINUE,
    /** Re-run unchanged: the failures were transient. */
    RETRY_AS_IS,
    /** Run the rescue plan's commands. */
    RUN_RESCUE_PLAN,
    /** Stop the DAG and page the owners. */
    STOP_AND_PAGE
  }

  /**
   * The decision.
   *
   * @param action what to do
   * @param commands the dbt commands to run now (retry or rescue), or after the fix (stop and page)
   * @param reasons why, one sentence each
   * @param page who to page, empty unless the action is {@link Action#STOP_AND_PAGE}
   */
  public record Decision(Action action, List<String> commands, List<String> reasons, List<String> page) {
    /** Copies the components. */
    public Decision {
      commands = List.copyOf(commands);
      reasons = List.copyOf(reasons);
      page = List.copyOf(page);
    }
  }

  /**
   * Decides what to do after a dbt step.
   *
   * @param report the triage of the step's run
   * @param plan the rescue plan for it
   * @return the decision
   */
  public static Decision afterStep(TriageReport report, RescuePlan plan) {
    List<RootCause> failures = report.failures();
    List<String> planCommands = new ArrayList<>();
    for (PlanStep step : plan.steps()) {
      planCommands.add(step.command());
    }
    if (failures.isEmpty()) {
      return new Decision(Action.CONTINUE, List.of(), List.of("nothing failed, went stale or went missing"),
          List.of());
    }
    List<RootCause> needPerson = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (RootCause root : failures) {
      if (root.kind() == RootKind.NEVER_RAN) {
        reasons.add(root.relatedFailures().size() + " selected node(s) never ran: the step was cut short");
      } else if (root.diagnosis().retryable() && root.severity() != Severity.MAJOR) {
        reasons.add(root.name() + " failed with " + root.diagnosis().subclass() + ", which is transient");
      } else {
        needPerson.add(root);
        reasons.add(root.name() + " failed with " + root.diagnosis().errorClass() + "/" + root.diagnosis().subclass()
            + (root.diagnosis().retryable() ? " (transient, but a major incident)" : ", which a retry will not fix")
            + ": " + root.record().resolution().label());
      }
    }
    if (!needPerson.isEmpty()) {
      Set<String> page = new LinkedHashSet<>();
      for (RootCause root : needPerson) {
        page.addAll(root.blastRadius().owners());
        root.blastRadius().exposures().forEach(e -> e.owner().ifPresent(page::add));
      }
      if (page.isEmpty()) {
        page.add("on-call data engineer");
      }
      return new Decision(Action.STOP_AND_PAGE, planCommands, reasons, List.copyOf(page));
    }
    boolean onlyLost = failures.stream().allMatch(r -> r.kind() == RootKind.NEVER_RAN);
    if (onlyLost) {
      return new Decision(Action.RUN_RESCUE_PLAN, planCommands, reasons, List.of());
    }
    if (plan.retry().recommended()) {
      return new Decision(Action.RETRY_AS_IS, List.of("dbt retry"), reasons, List.of());
    }
    return new Decision(Action.RETRY_AS_IS, planCommands, reasons, List.of());
  }
}
