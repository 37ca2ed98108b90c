package dev.dbttriage.plan;

import java.util.Objects;

/**
 * A check to do after the plan ran, before declaring the incident over.
 *
 * @param kind what to check
 * @param target the node or exposure it is about
 * @param detail the command or SQL to run, or what to look at
 */
public record PostRunCheck(Kind kind, String target, String detail) {
  /** What a check verifies. */
  public enum Kind {
    /** The tests of the rebuilt nodes passed. */
    TESTS_PASSED,
    /** The rebuilt table's row count and latest date are as expected. */
    ROW_COUNT_AND_MAX_DATE,
    /** A downstream exposure shows correct, fresh data. */
    EXPOSURE;

    /** Returns the lower-case name used in JSON. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Validates the components. */
  public PostRunCheck {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(detail, "detail");
  }
}
