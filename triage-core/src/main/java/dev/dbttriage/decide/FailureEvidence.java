package dev.dbttriage.decide;

import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.classify.Subclass;

import java.util.Objects;
import java.util.Optional;

/**
 * What the classifier found about a model's failure, in the few facts the refresh decision reads. Instances
 * are immutable and thread-safe.
 *
 * @param errorClass the error class
 * @param subclass the sub-case, if known
 * @param transientFailure whether the classifier judged the failure transient (a retry may succeed unchanged)
 * @param firstLine the first line of the error message, for the reasons
 */
public record FailureEvidence(ErrorClass errorClass, Optional<Subclass> subclass, boolean transientFailure,
    String firstLine) {

  /** Validates the components. */
  public FailureEvidence {
    Objects.requireNonNull(errorClass, "errorClass");
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
  public static FailureEvidence of(ErrorClass errorClass, Subclass subclass, boolean transientFailure,
      String firstLine) {
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
  public static FailureEvidence of(ErrorClass errorClass, boolean transientFailure, String firstLine) {
    return new FailureEvidence(errorClass, Optional.empty(), transientFailure, firstLine);
  }

  /** Returns whether the sub-case is one of these. */
  boolean is(Subclass... any) {
    for (Subclass s : any) {
      if (subclass.orElse(null) == s) {
        return true;
      }
    }
    return false;
  }

  /** Returns {@code CLASS/SUBCLASS} or {@code CLASS}. */
  String label() {
    return subclass.map(s -> errorClass + "/" + s).orElse(errorClass.name());
  }
}
