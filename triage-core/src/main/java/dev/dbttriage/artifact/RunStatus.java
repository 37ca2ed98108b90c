package dev.dbttriage.artifact;

import java.util.Locale;

/**
 * Every status dbt writes in {@code run_results.json}. A status this library does not know is
 * {@link #UNKNOWN}, and the result keeps the raw string ({@link RunResult#rawStatus()}).
 */
public enum RunStatus {
  SUCCESS("success"),
  ERROR("error"),
  FAIL("fail"),
  WARN("warn"),
  PASS("pass"),
  SKIPPED("skipped"),
  RUNTIME_ERROR("runtime error"),
  NO_OP("no-op"),
  PARTIAL_SUCCESS("partial success"),
  REUSED("reused"),
  /** A status this library does not know; see {@link RunResult#rawStatus()}. */
  UNKNOWN("unknown");

  private final String dbtName;

  RunStatus(String dbtName) {
    this.dbtName = dbtName;
  }

  /** Returns the string dbt writes, such as {@code runtime error}. */
  public String dbtName() {
    return dbtName;
  }

  /**
   * Returns the status dbt writes as {@code value}, ignoring case (dbt Fusion capitalises some).
   *
   * @param value a status string
   * @return the status, or {@link #UNKNOWN}
   */
  public static RunStatus parse(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    String v = value.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
    if (v.equals("noop") || v.equals("no op")) {
      return NO_OP;
    }
    for (RunStatus s : values()) {
      if (s != UNKNOWN && s.dbtName.equals(v)) {
        return s;
      }
    }
    if (v.equals("runtimeerror")) {
      return RUNTIME_ERROR;
    }
    if (v.equals("partialsuccess")) {
      return PARTIAL_SUCCESS;
    }
    return UNKNOWN;
  }

  /** Returns true for the statuses that mean the node did not do its job: error, fail, runtime error. */
  public boolean isFailure() {
    return this == ERROR || this == FAIL || this == RUNTIME_ERROR;
  }

  /** Returns true for failures and warnings and partial successes: every status triage looks at. */
  public boolean needsAttention() {
    return isFailure() || this == WARN || this == PARTIAL_SUCCESS;
  }

  /** Returns the dbt name. */
  @Override
  public String toString() {
    return dbtName;
  }
}
