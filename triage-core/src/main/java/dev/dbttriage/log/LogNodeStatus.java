package dev.dbttriage.log;

import dev.dbttriage.artifact.RunStatus;
import java.util.Optional;

/** What a log says of one node: the status dbt wrote, or {@link #STARTED} when it never finished. */
public enum LogNodeStatus {
  /** A model, seed, snapshot or hook was built. */
  SUCCESS("success", RunStatus.SUCCESS),
  /** The node errored (including a freshness check that was {@code ERROR STALE}). */
  ERROR("error", RunStatus.ERROR),
  /** A test failed. */
  FAIL("fail", RunStatus.FAIL),
  /** A test or freshness check warned. */
  WARN("warn", RunStatus.WARN),
  /** A test or freshness check passed. */
  PASS("pass", RunStatus.PASS),
  /** dbt skipped the node. */
  SKIPPED("skipped", RunStatus.SKIPPED),
  /** Nothing to do (dbt 1.8+). */
  NO_OP("no-op", RunStatus.NO_OP),
  /** Reused from an earlier state (dbt 1.12+). */
  REUSED("reused", RunStatus.REUSED),
  /** The log shows the node started and never finished: the invocation was killed while it ran. */
  STARTED("started", null);

  private final String label;
  private final RunStatus runStatus;

  LogNodeStatus(String label, RunStatus runStatus) {
    this.label = label;
    this.runStatus = runStatus;
  }

  /** Returns the name used in JSON output: dbt's word, or {@code started}. */
  public String label() {
    return label;
  }

  /** Returns the {@code run_results.json} status of a finished node; empty for {@link #STARTED}. */
  public Optional<RunStatus> runStatus() {
    return Optional.ofNullable(runStatus);
  }

  /** Returns true for a status of a node that did not complete: error, fail, skipped or started. */
  public boolean unsuccessful() {
    return this == ERROR || this == FAIL || this == SKIPPED || this == STARTED;
  }
}
