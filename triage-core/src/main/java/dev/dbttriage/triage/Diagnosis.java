package dev.dbttriage.triage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the classifier said about a root cause, in the triage report's terms.
 *
 * @param errorClass the class ({@code COMPILATION}, {@code DATABASE}, {@code DEPENDENCY}, {@code FRESHNESS},
 *     {@code TEST}, {@code RUNTIME})
 * @param subclass the subclass, such as {@code PERMISSION_DENIED}
 * @param fixLayer where the fix lives, in words
 * @param retryable whether re-running as-is may succeed (a transient failure)
 * @param advice what to do
 * @param rules the ids of the rules that matched, in order, the deciding one first
 * @param classification the classifier's full answer, when a classifier ran
 */
public record Diagnosis(
    String errorClass,
    String subclass,
    String fixLayer,
    boolean retryable,
    String advice,
    List<String> rules,
    Optional<Object> classification) {
  /** Validates and copies the components. */
  public Diagnosis {
    Objects.requireNonNull(errorClass, "errorClass");
    Objects.requireNonNull(subclass, "subclass");
    Objects.requireNonNull(fixLayer, "fixLayer");
    Objects.requireNonNull(advice, "advice");
    rules = List.copyOf(rules);
    Objects.requireNonNull(classification, "classification");
  }
}
