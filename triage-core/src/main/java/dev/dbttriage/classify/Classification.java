package dev.dbttriage.classify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one failure: its class and subclass, where the fix lives, whether a retry can help, the first
 * line that matters, the objects the message names, advice, and the evidence (the rules that matched, best
 * first).
 *
 * <p>Immutable and thread-safe. Every text field is passed through {@link Redaction} on construction, so no
 * password or token from the message survives into it.
 *
 * @param errorClass the class
 * @param subclass the subclass
 * @param fixLayer where the fix lives
 * @param transience whether a retry of the unchanged run can succeed
 * @param firstLine the first line of the message that matters (framing, timestamps and ANSI removed)
 * @param objects the objects named in the message
 * @param advice what to do next, possibly empty
 * @param ruleId the id of the deciding rule, or empty when no rule matched and the fallback decided
 * @param evidence every rule that matched, in rank order (the deciding rule first)
 * @param warnings problems met while classifying, such as a rule that threw; usually empty
 */
public record Classification(
    ErrorClass errorClass,
    Subclass subclass,
    FixLayer fixLayer,
    Transience transience,
    String firstLine,
    MessageObjects objects,
    String advice,
    Optional<String> ruleId,
    List<Evidence> evidence,
    List<String> warnings) {

  /**
   * Validates, copies and redacts the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Classification {
    Objects.requireNonNull(errorClass, "errorClass");
    Objects.requireNonNull(subclass, "subclass");
    Objects.requireNonNull(fixLayer, "fixLayer");
    Objects.requireNonNull(transience, "transience");
    firstLine = Redaction.redact(Objects.requireNonNull(firstLine, "firstLine"));
    objects = Objects.requireNonNull(objects, "objects").redacted();
    advice = Redaction.redact(Objects.requireNonNull(advice, "advice"));
    Objects.requireNonNull(ruleId, "ruleId");
    evidence = List.copyOf(evidence);
    warnings = warnings.stream().map(Redaction::redact).toList();
  }

  /**
   * Returns whether re-running unchanged can succeed ({@link Transience#TRANSIENT}).
   *
   * @return true for transient failures
   */
  public boolean retryable() {
    return transience == Transience.TRANSIENT;
  }
}
