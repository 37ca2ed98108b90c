package dev.dbttriage.plan;

import java.util.List;
import java.util.Set;

/**
 * Evaluates a dbt selection the way a dbt command would, for verifying plans: the unique ids the command
 * would execute (ephemeral models, which dbt selects but never runs, left out). Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface SelectionEvaluator {
  /**
   * Returns what {@code dbt <command> --select <select...> --exclude <exclude...>} would execute.
   *
   * @param command the dbt command ({@code run}, {@code build}, {@code test}, {@code seed}, {@code snapshot})
   * @param select the {@code --select} tokens (empty: dbt's default selection)
   * @param exclude the {@code --exclude} tokens
   * @return the unique ids it would execute
   * @throws dev.dbttriage.TriageException if the selection is invalid
   */
  Set<String> evaluate(String command, List<String> select, List<String> exclude);
}
