package dev.dbttriage.triage;

/** What kind of problem a {@link RootCause} is. */
public enum RootKind {
  /** A model, seed, snapshot or operation that errored (or partially succeeded). */
  FAILED_NODE,
  /** A data test that failed or errored. */
  FAILED_TEST,
  /** A unit test that failed or errored; in {@code dbt build} its model is skipped. */
  FAILED_UNIT_TEST,
  /**
   * An ephemeral model whose SQL broke the nodes it is compiled into: ephemeral models never run, so their
   * error surfaces in each child that inlines them.
   */
  EPHEMERAL_PARENT,
  /** A source whose freshness check errored or warned, or whose freshness query itself failed. */
  SOURCE_FRESHNESS,
  /** Nodes the invocation selected that have no result at all: a crash, a kill, a time-out. */
  NEVER_RAN,
  /** Skipped nodes with no failed node upstream in the results given: a gap in the artifacts. */
  UNEXPLAINED_SKIP,
  /** A node that succeeded with a warning (a {@code warn} test): not a failure, but worth a look. */
  WARNING;

  /** Returns the lower-case name used in JSON ({@code failed_node}, ...). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
