package dev.dbttriage.select;

import java.util.Locale;

/** How tests attached to selected resources are selected ({@code --indirect-selection}). */
public enum IndirectSelection {
  /** Every test touching a selected resource (dbt's default). */
  EAGER,
  /** Only tests whose parents are all selected. */
  CAUTIOUS,
  /** Tests whose parents are selected, upstream of the selection, or sources. */
  BUILDABLE,
  /** No test is selected indirectly. */
  EMPTY;

  /** Returns the flag value, such as {@code eager}. */
  public String flagValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the mode a flag value names.
   *
   * @param value {@code eager}, {@code cautious}, {@code buildable} or {@code empty}
   * @return the mode
   * @throws SelectorSyntaxException for any other value
   */
  public static IndirectSelection fromFlag(String value) {
    for (IndirectSelection m : values()) {
      if (m.flagValue().equals(value)) {
        return m;
      }
    }
    throw new SelectorSyntaxException("'" + value + "' is not a valid IndirectSelection; valid values: eager, "
        + "cautious, buildable, empty", String.valueOf(value), -1);
  }
}
