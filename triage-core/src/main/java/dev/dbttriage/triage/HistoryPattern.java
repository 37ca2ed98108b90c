package dev.dbttriage.triage;

/** How a root cause behaved in the earlier runs given to the engine. */
public enum HistoryPattern {
  /** It did not fail in any earlier run that reported it (or no earlier run reported it). */
  NEW,
  /** It failed in every run that reported it, at least twice in a row. */
  PERSISTENT,
  /** It alternated between failing and passing across runs. */
  FLAKY;

  /** Returns the lower-case name used in JSON. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
