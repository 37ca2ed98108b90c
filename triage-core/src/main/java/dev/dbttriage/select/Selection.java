package dev.dbttriage.select;

import java.util.Collections;
import java.util.List;

/**
 * The outcome of a selection: the selected unique ids in {@code dbt ls} order (plain string sort, no duplicates)
 * and the warnings dbt would have printed, such as
 * {@code The selection criterion 'x' does not match any enabled nodes}. Instances are immutable and thread-safe.
 *
 * @param ids the selected unique ids, sorted
 * @param warnings the warnings, in the order they arose
 */
public record Selection(List<String> ids, List<String> warnings) {
  /** Copies the components. */
  public Selection {
    ids = List.copyOf(ids);
    warnings = List.copyOf(warnings);
  }

  /** Returns true when {@code uniqueId} is selected. */
  public boolean contains(String uniqueId) {
    return Collections.binarySearch(ids, uniqueId) >= 0;
  }

  /** Returns the number of selected ids. */
  public int size() {
    return ids.size();
  }

  /** Returns true when nothing is selected. */
  public boolean isEmpty() {
    return ids.isEmpty();
  }
}
