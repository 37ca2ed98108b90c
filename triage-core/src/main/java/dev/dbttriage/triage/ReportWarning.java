package dev.dbttriage.triage;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something a reader of a triage report must know before trusting it, such as artifacts from two different dbt
 * invocations. Codes are stable, UPPER_SNAKE and documented: a script may match on them; messages are one line
 * for people and may change. Instances are immutable and thread-safe.
 *
 * @param code the stable code, such as {@link #INVOCATION_MISMATCH}
 * @param message one line saying what is wrong and what it means for the report
 * @param nodes the unique ids the warning concerns, in a stable order; empty when it concerns none
 */
public record ReportWarning(String code, String message, List<String> nodes) {
  /**
   * manifest.json and run_results.json come from different dbt invocations (someone ran {@code dbt compile},
   * {@code docs generate} or {@code parse} after the failure). When the manifest is newer, {@link #nodes()}
   * lists its executable nodes that have no result: they may not have existed at run time.
   */
  public static final String INVOCATION_MISMATCH = "INVOCATION_MISMATCH";
  /** sources.json was generated more than 24 hours away from the run: its freshness is context, not a root. */
  public static final String STALE_SOURCES = "STALE_SOURCES";
  /** catalog.json was generated more than 24 hours away from the run: its column types may have changed since. */
  public static final String STALE_CATALOG = "STALE_CATALOG";
  /** The run stopped at its first failure ({@code --fail-fast}): nodes not attempted belong to that failure. */
  public static final String FAIL_FAST = "FAIL_FAST";

  /** The manifest's graph is one dbt would refuse (a cycle, a dangling dependency): lineage was read leniently. */
  public static final String GRAPH_REFUSED = "GRAPH_REFUSED";
  /** Skipped nodes with no failed node upstream in the results given. */
  public static final String UNEXPLAINED_SKIPS = "UNEXPLAINED_SKIPS";
  /** The invocation's own selection could not be re-evaluated, so nodes that never ran cannot be found. */
  public static final String SELECTION_NOT_EVALUATED = "SELECTION_NOT_EVALUATED";
  /** The full-refresh advisor could not decide on a failed incremental model. */
  public static final String NO_REFRESH_DECISION = "NO_REFRESH_DECISION";
  /**
   * A reader could not read an artifact in full (a result without a status, {@code results: null}, a truncated
   * file): the findings may be incomplete, and no roots does not mean a clean run.
   */
  public static final String RESULTS_INCOMPLETE = "RESULTS_INCOMPLETE";

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if {@code code} is not UPPER_SNAKE or {@code message} is blank
   * @throws NullPointerException if a component or node is null
   */
  public ReportWarning {
    Objects.requireNonNull(code, "code");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("'" + code + "' is not an UPPER_SNAKE warning code");
    }
    Objects.requireNonNull(message, "message");
    if (message.isBlank()) {
      throw new IllegalArgumentException("warning " + code + " has a blank message");
    }
    nodes = List.copyOf(nodes);
  }

  /**
   * Returns a warning that concerns no node.
   *
   * @param code the stable code
   * @param message the message
   * @return the warning
   * @throws IllegalArgumentException if {@code code} is not UPPER_SNAKE or {@code message} is blank
   */
  public static ReportWarning of(String code, String message) {
    return new ReportWarning(code, message, List.of());
  }
}
