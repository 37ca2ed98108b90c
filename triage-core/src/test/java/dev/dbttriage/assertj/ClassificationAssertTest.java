package dev.dbttriage.assertj;

import static dev.dbttriage.assertj.TriageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.classify.Classification;
import dev.dbttriage.classify.Classifier;
import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.classify.FixLayer;
import dev.dbttriage.classify.MessageObjects;
import dev.dbttriage.classify.Rule;
import dev.dbttriage.classify.RuleContext;
import dev.dbttriage.classify.RuleDescriptor;
import dev.dbttriage.classify.RuleMatch;
import dev.dbttriage.classify.Subclass;
import dev.dbttriage.classify.Transience;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClassificationAssertTest {
  private static final String LINE =
      "003001 (42501): SQL access control error: Insufficient privileges to operate on table 'FCT_TICKETS'";
  private final Classification denied = new Classification(ErrorClass.DATABASE, Subclass.PERMISSION_DENIED,
      FixLayer.YOUR_SQL_OR_PERMISSIONS, Transience.PERSISTENT, LINE,
      MessageObjects.empty().withRelation("FCT_TICKETS").withErrorCode("003001").withSqlState("42501"),
      "Grant the role ownership of the table again, then re-run the model.",
      Optional.of("snowflake.insufficient-privileges"), List.of(), List.of());
  private final Classification timeout = new Classification(ErrorClass.DATABASE, Subclass.STATEMENT_TIMEOUT,
      FixLayer.WAREHOUSE_OR_INFRASTRUCTURE, Transience.TRANSIENT, "", MessageObjects.empty().withColumn("AMOUNT")
          .withReference("convert_to_usd"), "", Optional.empty(), List.of(), List.of());

  @Test
  void passingChecksChain() {
    ClassificationAssert a = assertThat(denied);
    assertThat(a.hasClass(ErrorClass.DATABASE).hasSubclass(Subclass.PERMISSION_DENIED).isNotRetryable()
        .hasFixLayer(FixLayer.YOUR_SQL_OR_PERMISSIONS).adviceContains("ownership").adviceContains("RE-RUN")
        .wasDecidedBy("snowflake.insufficient-privileges").namesRelation("fct_tickets")).isSameAs(a);
    assertThat(timeout).isRetryable().namesColumn("amount").namesReference("convert_to_usd");
  }

  @Test
  void classAndSubclassSayWhatWasFound() {
    assertThatThrownBy(() -> assertThat(denied).hasClass(ErrorClass.COMPILATION))
        .hasMessage("Expecting the classification of \"" + LINE + "\" to have class COMPILATION but it is"
            + " DATABASE/PERMISSION_DENIED");
    assertThatThrownBy(() -> assertThat(timeout).hasSubclass(Subclass.RESOURCE_EXHAUSTED))
        .hasMessage("Expecting the classification to have subclass RESOURCE_EXHAUSTED but it is"
            + " DATABASE/STATEMENT_TIMEOUT");
  }

  @Test
  void retryability() {
    assertThatThrownBy(() -> assertThat(denied).isRetryable())
        .hasMessage("Expecting the classification of \"" + LINE + "\" to be retryable (TRANSIENT) but it is"
            + " PERSISTENT");
    assertThatThrownBy(() -> assertThat(timeout).isNotRetryable())
        .hasMessage("Expecting the classification not to be retryable but it is TRANSIENT");
  }

  @Test
  void fixLayerAndAdvice() {
    assertThatThrownBy(() -> assertThat(timeout).hasFixLayer(FixLayer.YOUR_CODE))
        .hasMessage("Expecting the classification to have fix layer YOUR_CODE but it has WAREHOUSE_OR_INFRASTRUCTURE");
    assertThatThrownBy(() -> assertThat(denied).adviceContains("--full-refresh"))
        .hasMessage("Expecting the advice of the classification of \"" + LINE + "\" to contain \"--full-refresh\""
            + " but it is \"Grant the role ownership of the table again, then re-run the model.\"");
    assertThatThrownBy(() -> assertThat(timeout).adviceContains("retry"))
        .hasMessage("Expecting the advice of the classification to contain \"retry\" but it is empty");
  }

  @Test
  void wasDecidedBySaysWhenNoRuleMatched() {
    assertThatThrownBy(() -> assertThat(denied).wasDecidedBy("postgres.permission-denied"))
        .hasMessage("Expecting the classification of \"" + LINE + "\" to be decided by rule"
            + " \"postgres.permission-denied\" but it was decided by rule \"snowflake.insufficient-privileges\"");
    assertThatThrownBy(() -> assertThat(timeout).wasDecidedBy("snowflake.statement-timeout"))
        .hasMessage("Expecting the classification to be decided by rule \"snowflake.statement-timeout\" but it was"
            + " decided by the fallback (no rule matched)");
  }

  @Test
  void namedObjects() {
    assertThatThrownBy(() -> assertThat(denied).namesRelation("DIM_CUSTOMERS"))
        .hasMessage("Expecting the classification of \"" + LINE + "\" to name relation \"DIM_CUSTOMERS\" but it"
            + " names \"FCT_TICKETS\"");
    assertThatThrownBy(() -> assertThat(denied).namesColumn("AMOUNT"))
        .hasMessage("Expecting the classification of \"" + LINE + "\" to name column \"AMOUNT\" but it names none");
    assertThatThrownBy(() -> assertThat(timeout).namesReference("cents_to_dollars"))
        .hasMessage("Expecting the classification to name reference \"cents_to_dollars\" but it names"
            + " \"convert_to_usd\"");
  }

  @Test
  void aClassifierWithOneTinyRule() {
    Classifier classifier = Classifier.builder().rule(new TinyRule()).build();
    assertThat(classifier.classify("Database Error in model fct_tickets (models/fct_tickets.sql)\n  " + LINE))
        .hasClass(ErrorClass.DATABASE).hasSubclass(Subclass.PERMISSION_DENIED).wasDecidedBy("team.access-control")
        .namesRelation("FCT_TICKETS").isNotRetryable();
  }

  @Test
  void aNullClassificationFailsWithAssertJsMessage() {
    assertThatThrownBy(() -> assertThat((Classification) null).namesRelation("x"))
        .hasMessageContaining("Expecting actual not to be null");
    assertThatThrownBy(() -> assertThat(denied).isNull())
        .hasMessage("%nexpected: null%n but was: DATABASE/PERMISSION_DENIED".formatted());
  }

  /** A team's own rule, as small as a rule gets. */
  private static final class TinyRule implements Rule {
    @Override
    public RuleDescriptor descriptor() {
      return RuleDescriptor.of("team.access-control", "Snowflake's SQL access control error", 700);
    }

    @Override
    public Optional<RuleMatch> evaluate(RuleContext context) {
      return context.text().contains("SQL access control error")
          ? Optional.of(RuleMatch.of(ErrorClass.DATABASE, Subclass.PERMISSION_DENIED)
              .withMatchedText("SQL access control error")
              .withObjects(MessageObjects.empty().withRelation("FCT_TICKETS")))
          : Optional.empty();
    }
  }
}
