package dev.dbttriage.triage;

/**
 * How big a root cause is, from its blast radius (the runbook: above 50 downstream nodes is a major incident,
 * page others; 1 or 2 can be handled alone). Thresholds are set on {@link TriageEngine.Builder}.
 *
 * <p>Constants are declared from least to most severe, so {@code compareTo} orders by severity.
 */
public enum Severity {
  /** A warning: nothing failed, but something deserves a look (a warned test, a freshness warning). */
  INFO,
  /** A failure whose blast radius is at most the minor threshold (default 2): one person can handle it. */
  MINOR,
  /** A failure between the minor and major thresholds. */
  MODERATE,
  /** A failure whose blast radius is above the major threshold (default 50): a major incident. */
  MAJOR;

  /** Returns the lower-case name used in the command line and JSON ({@code major}, ...). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Returns the severity named {@code label}, ignoring case.
   *
   * @param label {@code info}, {@code minor}, {@code moderate} or {@code major}
   * @return the severity
   * @throws IllegalArgumentException if the label names none
   */
  public static Severity fromLabel(String label) {
    for (Severity s : values()) {
      if (s.label().equalsIgnoreCase(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "'" + label + "' is not a severity; valid severities: info, minor, moderate, major");
  }
}
