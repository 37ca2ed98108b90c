package dev.dbttriage.deploy;

import java.util.List;
import java.util.Objects;

/**
 * The slim-CI selection of a deploy: {@code state:modified+} against the production artifacts, and the
 * resources it selects. Instances are immutable and thread-safe.
 *
 * @param expression the selection, {@code state:modified+}
 * @param command the command to paste, {@code dbt build --select state:modified+ --defer --state <dir>}
 * @param selected the unique ids selected, in candidate manifest order
 * @param evaluatedBy {@code selector} when dbt's selection was evaluated (by {@code SelectorEngine} or the
 *     configured evaluator), {@code none} when the candidate's lineage graph could not be built and
 *     {@code selected} is empty (the report's warnings say why)
 */
public record SlimCiSelection(String expression, String command, List<String> selected, String evaluatedBy) {
  /** Validates and copies the components. */
  public SlimCiSelection {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(command, "command");
    selected = List.copyOf(selected);
    Objects.requireNonNull(evaluatedBy, "evaluatedBy");
  }
}
