package dev.dbttriage.plan;

import java.util.List;
import java.util.Objects;

/**
 * One command of a {@link RescuePlan}.
 *
 * @param number the 1-based position in the plan
 * @param kind what the step is for
 * @param command the command to paste, such as {@code dbt build --select orders+ --exclude orders}
 * @param select the {@code --select} tokens
 * @param exclude the {@code --exclude} tokens
 * @param fullRefresh whether the command carries {@code --full-refresh}
 * @param nodes the unique ids the step intends to execute, sorted
 * @param verified whether the library's own selector confirmed the command executes exactly {@link #nodes()}
 * @param reason why the step exists, in one sentence
 */
public record PlanStep(
    int number,
    StepKind kind,
    String command,
    List<String> select,
    List<String> exclude,
    boolean fullRefresh,
    List<String> nodes,
    boolean verified,
    String reason) {
  /** Validates and copies the components. */
  public PlanStep {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(command, "command");
    select = List.copyOf(select);
    exclude = List.copyOf(exclude);
    nodes = List.copyOf(nodes);
    Objects.requireNonNull(reason, "reason");
  }
}
