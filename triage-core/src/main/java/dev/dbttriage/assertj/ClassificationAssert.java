package dev.dbttriage.assertj;

import dev.dbttriage.classify.Classification;
import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.classify.FixLayer;
import dev.dbttriage.classify.Subclass;
import java.util.Locale;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions about the classification of one failure, obtained from
 * {@link TriageAssertions#assertThat(Classification)}; what rule authors and teams with their own rules check.
 *
 * <pre>{@code
 * assertThat(classifier.classify(result, node))
 *     .hasClass(ErrorClass.DATABASE).hasSubclass(Subclass.PERMISSION_DENIED).isNotRetryable()
 *     .wasDecidedBy("snowflake.insufficient-privileges").namesRelation("FCT_TICKETS");
 * }</pre>
 *
 * <p>Failure messages name the classification by the first line of its message. Not thread-safe.
 */
@SuppressWarnings("exports") // assertj-core is 'requires static': users of this package bring it
public final class ClassificationAssert extends AbstractAssert<ClassificationAssert, Classification> {

  /**
   * Creates an assertion about a classification; prefer {@link TriageAssertions#assertThat(Classification)}.
   *
   * @param actual the classification, may be null (every check then fails with "Expecting actual not to be null")
   */
  public ClassificationAssert(Classification actual) {
    super(actual, ClassificationAssert.class);
    info.useRepresentation(TriageRepresentation.INSTANCE);
  }

  /**
   * Checks the error class.
   *
   * @param expected the class, such as {@link ErrorClass#DATABASE}
   * @return this
   * @throws AssertionError if the class differs, saying class and subclass found
   */
  public ClassificationAssert hasClass(ErrorClass expected) {
    isNotNull();
    if (actual.errorClass() != expected) {
      failWithMessage("Expecting %s to have class %s but it is %s/%s", what(), expected, actual.errorClass(),
          actual.subclass());
    }
    return myself;
  }

  /**
   * Checks the subclass.
   *
   * @param expected the subclass, such as {@link Subclass#PERMISSION_DENIED}
   * @return this
   * @throws AssertionError if the subclass differs, saying class and subclass found
   */
  public ClassificationAssert hasSubclass(Subclass expected) {
    isNotNull();
    if (actual.subclass() != expected) {
      failWithMessage("Expecting %s to have subclass %s but it is %s/%s", what(), expected, actual.errorClass(),
          actual.subclass());
    }
    return myself;
  }

  /**
   * Checks that re-running unchanged can succeed (transience {@code TRANSIENT}).
   *
   * @return this
   * @throws AssertionError if it is not, saying the transience found
   */
  public ClassificationAssert isRetryable() {
    isNotNull();
    if (!actual.retryable()) {
      failWithMessage("Expecting %s to be retryable (TRANSIENT) but it is %s", what(), actual.transience());
    }
    return myself;
  }

  /**
   * Checks that re-running unchanged cannot be relied on (transience {@code PERSISTENT} or {@code UNKNOWN}).
   *
   * @return this
   * @throws AssertionError if it is {@code TRANSIENT}
   */
  public ClassificationAssert isNotRetryable() {
    isNotNull();
    if (actual.retryable()) {
      failWithMessage("Expecting %s not to be retryable but it is TRANSIENT", what());
    }
    return myself;
  }

  /**
   * Checks where the fix lives.
   *
   * @param expected the layer, such as {@link FixLayer#YOUR_CODE}
   * @return this
   * @throws AssertionError if the layer differs
   */
  public ClassificationAssert hasFixLayer(FixLayer expected) {
    isNotNull();
    if (actual.fixLayer() != expected) {
      failWithMessage("Expecting %s to have fix layer %s but it has %s", what(), expected, actual.fixLayer());
    }
    return myself;
  }

  /**
   * Checks that the advice contains a text, ignoring case.
   *
   * @param text the text, such as {@code --full-refresh}
   * @return this
   * @throws AssertionError quoting the advice if it does not contain the text
   */
  public ClassificationAssert adviceContains(String text) {
    isNotNull();
    if (!actual.advice().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
      failWithMessage("Expecting the advice of %s to contain \"%s\" but it is %s", what(), text,
          actual.advice().isEmpty() ? "empty" : "\"" + actual.advice() + "\"");
    }
    return myself;
  }

  /**
   * Checks the id of the rule that decided the classification.
   *
   * @param ruleId the rule id, such as {@code snowflake.insufficient-privileges}
   * @return this
   * @throws AssertionError if another rule decided, or no rule matched and the fallback decided
   */
  public ClassificationAssert wasDecidedBy(String ruleId) {
    isNotNull();
    if (!actual.ruleId().equals(Optional.of(ruleId))) {
      failWithMessage("Expecting %s to be decided by rule \"%s\" but it was decided by %s", what(), ruleId,
          actual.ruleId().map(r -> "rule \"" + r + "\"").orElse("the fallback (no rule matched)"));
    }
    return myself;
  }

  /**
   * Checks the relation the message names, ignoring case (warehouses print names in their own case).
   *
   * @param relation the table, view, schema or dataset, as the message writes it, such as {@code FCT_TICKETS}
   * @return this
   * @throws AssertionError if it names another relation or none
   */
  public ClassificationAssert namesRelation(String relation) {
    return names("relation", relation, actual == null ? Optional.empty() : actual.objects().relation());
  }

  /**
   * Checks the column the message names, ignoring case.
   *
   * @param column the column, such as {@code AMOUNT}
   * @return this
   * @throws AssertionError if it names another column or none
   */
  public ClassificationAssert namesColumn(String column) {
    return names("column", column, actual == null ? Optional.empty() : actual.objects().column());
  }

  /**
   * Checks the missing reference the message names (a node, source, package, macro or variable), ignoring case.
   *
   * @param reference the name, such as {@code convert_to_usd}
   * @return this
   * @throws AssertionError if it names another reference or none
   */
  public ClassificationAssert namesReference(String reference) {
    return names("reference", reference, actual == null ? Optional.empty() : actual.objects().reference());
  }

  private ClassificationAssert names(String kind, String expected, Optional<String> found) {
    isNotNull();
    if (found.isEmpty() || !found.get().equalsIgnoreCase(expected)) {
      failWithMessage("Expecting %s to name %s \"%s\" but it names %s", what(), kind, expected,
          found.map(f -> "\"" + f + "\"").orElse("none"));
    }
    return myself;
  }

  private String what() {
    return actual.firstLine().isBlank() ? "the classification" : "the classification of \"" + actual.firstLine() + "\"";
  }
}
