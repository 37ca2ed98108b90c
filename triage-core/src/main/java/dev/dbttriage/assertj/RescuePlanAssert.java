package dev.dbttriage.assertj;

import dev.dbttriage.plan.PlanStep;
import dev.dbttriage.plan.RescuePlan;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions about a rescue plan, obtained from {@link TriageAssertions#assertThat(RescuePlan)}.
 *
 * <pre>{@code
 * assertThat(Triage.plan(report, manifest)).isVerified().doesNotRecommendRetry()
 *     .hasStepCommands("dbt build --select fct_tickets+", "dbt build --select fct_payments+ --full-refresh");
 * }</pre>
 *
 * <p>Not thread-safe.
 */
@SuppressWarnings("exports") // assertj-core is 'requires static': users of this package bring it
public final class RescuePlanAssert extends AbstractAssert<RescuePlanAssert, RescuePlan> {

  /**
   * Creates an assertion about a plan; prefer {@link TriageAssertions#assertThat(RescuePlan)}.
   *
   * @param actual the plan, may be null (every check then fails with "Expecting actual not to be null")
   */
  public RescuePlanAssert(RescuePlan actual) {
    super(actual, RescuePlanAssert.class);
    info.useRepresentation(TriageRepresentation.INSTANCE);
  }

  /**
   * Checks that the selector confirmed every step selects exactly its nodes, and the steps together cover what
   * the plan intends once.
   *
   * @return this
   * @throws AssertionError quoting the problems verification found
   */
  public RescuePlanAssert isVerified() {
    isNotNull();
    if (!actual.verified()) {
      failWithMessage("Expecting the rescue plan to be verified but it is not: %s",
          actual.problems().isEmpty() ? "no selector could check it" : Describe.strings(actual.problems()));
    }
    return myself;
  }

  /**
   * Checks the number of steps.
   *
   * @param expected the number
   * @return this
   * @throws AssertionError listing the commands if the number differs
   */
  public RescuePlanAssert hasStepCount(int expected) {
    isNotNull();
    if (actual.steps().size() != expected) {
      failWithMessage("Expecting the rescue plan to have %d %s but it has %d: %s", expected,
          Describe.verb(expected, "step", "steps"), actual.steps().size(), Describe.strings(commands()));
    }
    return myself;
  }

  /**
   * Checks the steps' commands, exactly and in order.
   *
   * @param commands the commands, such as {@code dbt build --select orders+}
   * @return this
   * @throws AssertionError listing the plan's commands if they differ
   */
  public RescuePlanAssert hasStepCommands(String... commands) {
    isNotNull();
    if (!commands().equals(List.of(commands))) {
      failWithMessage("Expecting the rescue plan's commands to be %s but they are %s",
          Describe.strings(List.of(commands)), Describe.strings(commands()));
    }
    return myself;
  }

  /**
   * Checks that {@code dbt retry} is recommended instead of the steps.
   *
   * @return this
   * @throws AssertionError quoting the reasons if it is not
   */
  public RescuePlanAssert recommendsRetry() {
    isNotNull();
    if (!actual.retry().recommended()) {
      failWithMessage("Expecting the rescue plan to recommend dbt retry but it does not: %s",
          Describe.strings(actual.retry().reasons()));
    }
    return myself;
  }

  /**
   * Checks that {@code dbt retry} is not recommended.
   *
   * @return this
   * @throws AssertionError quoting the reasons if it is
   */
  public RescuePlanAssert doesNotRecommendRetry() {
    isNotNull();
    if (actual.retry().recommended()) {
      failWithMessage("Expecting the rescue plan not to recommend dbt retry but it does: %s",
          Describe.strings(actual.retry().reasons()));
    }
    return myself;
  }

  private List<String> commands() {
    return actual.steps().stream().map(PlanStep::command).toList();
  }
}
