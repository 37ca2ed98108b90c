package dev.dbttriage.artifact;

import java.util.Locale;

/** The statuses of a source freshness result. Unknown strings are {@link #UNKNOWN}, the raw text kept. */
public enum FreshnessStatus {
  PASS("pass"),
  WARN("warn"),
  ERROR("error"),
  RUNTIME_ERROR("runtime error"),
  UNKNOWN("unknown");

  private final String dbtName;

  FreshnessStatus(String dbtName) {
    this.dbtName = dbtName;
  }

  /** Returns the string dbt writes. */
  public String dbtName() {
    return dbtName;
  }

  /**
   * Returns the status for {@code value}, ignoring case (dbt Fusion writes {@code Pass}, {@code Warn}, ...).
   *
   * @param value a status string
   * @return the status, or {@link #UNKNOWN}
   */
  public static FreshnessStatus parse(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    String v = value.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
    for (FreshnessStatus s : values()) {
      if (s != UNKNOWN && s.dbtName.equals(v)) {
        return s;
      }
    }
    return v.equals("runtimeerror") ? RUNTIME_ERROR : UNKNOWN;
  }

  /** Returns the dbt name. */
  @Override
  public String toString() {
    return dbtName;
  }
}
