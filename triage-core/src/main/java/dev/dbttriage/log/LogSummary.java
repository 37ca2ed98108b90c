package dev.dbttriage.log;

import java.util.OptionalInt;

/**
 * dbt's summary line of an invocation, {@code Done. PASS=3 WARN=0 ERROR=1 SKIP=1 [NO-OP=0] TOTAL=5} (or the
 * {@code StatsLine} event of a JSON log).
 *
 * @param pass the {@code PASS} count
 * @param warn the {@code WARN} count
 * @param error the {@code ERROR} count
 * @param skip the {@code SKIP} count
 * @param noOp the {@code NO-OP} count, printed from dbt 1.8
 * @param total the {@code TOTAL} count
 */
public record LogSummary(int pass, int warn, int error, int skip, OptionalInt noOp, int total) {
  /** Validates the components. */
  public LogSummary {
    java.util.Objects.requireNonNull(noOp, "noOp");
  }
}
