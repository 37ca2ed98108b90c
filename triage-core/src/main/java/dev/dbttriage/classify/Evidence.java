package dev.dbttriage.classify;

import java.util.Objects;

/**
 * One rule that matched a failure, in the order the classifier ranked it (the first decided), so a person
 * can see why a failure got its class.
 *
 * <p>Immutable and thread-safe.
 *
 * @param ruleId the rule's id
 * @param priority the rule's priority
 * @param errorClass the class the rule proposed
 * @param subclass the subclass the rule proposed
 * @param matchedText the text that matched (redacted), possibly empty
 */
public record Evidence(String ruleId, int priority, ErrorClass errorClass, Subclass subclass,
    String matchedText) {
  /**
   * Validates the components and redacts the matched text.
   *
   * @throws NullPointerException if a component is null
   */
  public Evidence {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(errorClass, "errorClass");
    Objects.requireNonNull(subclass, "subclass");
    matchedText = Redaction.redact(Objects.requireNonNull(matchedText, "matchedText"));
  }
}
