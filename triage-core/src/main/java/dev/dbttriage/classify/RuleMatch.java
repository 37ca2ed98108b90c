package dev.dbttriage.classify;

import java.util.Objects;
import java.util.Optional;

/**
 * What a rule concluded about a failure: the class and subclass, optionally where the fix lives and whether a
 * retry can help (else the class's defaults), the advice, the objects the message names, and the text that
 * matched (shown as evidence).
 *
 * <p>Immutable and thread-safe.
 *
 * @param errorClass the class
 * @param subclass the subclass
 * @param fixLayer where the fix lives, if the rule knows better than {@link ErrorClass#defaultFixLayer()}
 * @param transience whether a retry can help, if the rule knows
 * @param advice what to do, possibly empty
 * @param objects the objects named in the message
 * @param matchedText the text that made the rule match, possibly empty
 */
public record RuleMatch(
    ErrorClass errorClass,
    Subclass subclass,
    Optional<FixLayer> fixLayer,
    Optional<Transience> transience,
    String advice,
    MessageObjects objects,
    String matchedText) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public RuleMatch {
    Objects.requireNonNull(errorClass, "errorClass");
    Objects.requireNonNull(subclass, "subclass");
    Objects.requireNonNull(fixLayer, "fixLayer");
    Objects.requireNonNull(transience, "transience");
    Objects.requireNonNull(advice, "advice");
    Objects.requireNonNull(objects, "objects");
    Objects.requireNonNull(matchedText, "matchedText");
  }

  /**
   * Returns a match with a class and subclass only.
   *
   * @param errorClass the class
   * @param subclass the subclass
   * @return the match
   * @throws NullPointerException if an argument is null
   */
  public static RuleMatch of(ErrorClass errorClass, Subclass subclass) {
    return new RuleMatch(errorClass, subclass, Optional.empty(), Optional.empty(), "", MessageObjects.empty(),
        "");
  }

  /**
   * Returns a copy with this advice.
   *
   * @param value the advice
   * @return the new match
   */
  public RuleMatch withAdvice(String value) {
    return new RuleMatch(errorClass, subclass, fixLayer, transience, value, objects, matchedText);
  }

  /**
   * Returns a copy with these objects.
   *
   * @param value the objects
   * @return the new match
   */
  public RuleMatch withObjects(MessageObjects value) {
    return new RuleMatch(errorClass, subclass, fixLayer, transience, advice, value, matchedText);
  }

  /**
   * Returns a copy with this fix layer.
   *
   * @param value the layer
   * @return the new match
   */
  public RuleMatch withFixLayer(FixLayer value) {
    return new RuleMatch(errorClass, subclass, Optional.of(value), transience, advice, objects, matchedText);
  }

  /**
   * Returns a copy with this transience.
   *
   * @param value the transience
   * @return the new match
   */
  public RuleMatch withTransience(Transience value) {
    return new RuleMatch(errorClass, subclass, fixLayer, Optional.of(value), advice, objects, matchedText);
  }

  /**
   * Returns a copy with this matched text.
   *
   * @param value the text
   * @return the new match
   */
  public RuleMatch withMatchedText(String value) {
    return new RuleMatch(errorClass, subclass, fixLayer, transience, advice, objects, value);
  }
}
