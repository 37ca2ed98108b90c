package dev.dbttriage.decide;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the classifier found about a model's failure, in the few facts the refresh decision reads. Instances
 * are immutable and thread-safe.
 *
 * @param errorClass the error class, such as {@code DATABASE}, {@code RUNTIME}, {@code COMPILATION}
 * @param subclass the sub-case, such as {@code STATEMENT_TIMEOUT}, {@code WAREHOUSE_NOT_RUNNING},
 *     {@code SCHEMA_CHANGE_NOT_ALLOWED}, {@code MERGE_CARDINALITY_VIOLATION}, if known
 * @param transientFailure whether the classifier judged the failure transient (a retry may succeed unchanged)
 * @param firstLine the first line of the error message, for the reasons
 */
public record FailureEvidence(String errorClass, Optional<String> subclass, boolean transientFailure,
    String firstLine) {

  /** Validates the components and upper-cases the class. */
  public FailureEvidence {
    errorClass = Objects.requireNonNull(errorClass, "errorClass").trim().toUpperCase(Locale.ROOT);
    Objects.requireNonNull(subclass, "subclass");
    Objects.requireNonNull(firstLine, "firstLine");
  }

  /**
   * Returns evidence with a sub-case.
   *
   * @param errorClass the error class
   * @param subclass the sub-case
   * @param transientFailure whether the failure is transient
   * @param firstLine the first line of the error
   * @return the evidence
   * @throws NullPointerException if an argument is null
   */
  public static FailureEvidence of(String errorClass, String subclass, boolean transientFailure, String firstLine) {
    return new FailureEvidence(errorClass, Optional.of(Objects.requireNonNull(subclass, "subclass")),
        transientFailure, firstLine);
  }

  /**
   * Returns evidence without a sub-case.
   *
   * @param errorClass the error class
   * @param transientFailure whether the failure is transient
   * @param firstLine the first line of the error
   * @return the evidence
   * @throws NullPointerException if an argument is null
   */
  public static FailureEvidence of(String errorClass, boolean transientFailure, String firstLine) {
    return new FailureEvidence(errorClass, Optional.empty(), transientFailure, firstLine);
  }

  /** Returns the sub-case normalised to upper case with underscores, or an empty string. */
  String normalizedSubclass() {
    return subclass.map(s -> s.trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_")).orElse("");
  }

  /** Returns {@code CLASS/SUBCLASS} or {@code CLASS}. */
  String label() {
    return subclass.map(s -> errorClass + "/" + s).orElse(errorClass);
  }
}
