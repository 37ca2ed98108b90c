package dev.dbttriage.assertj;

import static dev.dbttriage.assertj.TriageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.Triage;
import dev.dbttriage.plan.RescuePlan;
import dev.dbttriage.plan.RetryVerdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class RescuePlanAssertTest {
  private final RescuePlan plan = Triage.plan(ShopRun.report(), ShopRun.run().manifest());
  private final RescuePlan resume = Triage.plan(ShopRun.killed(), ShopRun.run().manifest());

  @Test
  void passingChecksChain() {
    RescuePlanAssert a = assertThat(plan);
    assertThat(a.isVerified().hasStepCount(1).hasStepCommands("dbt build --select stg_orders+").recommendsRetry())
        .isSameAs(a);
    // Two models never got a result: dbt retry cannot see them, so the plan resumes the original selection.
    assertThat(resume).isVerified().hasStepCommands("dbt build --exclude customers").doesNotRecommendRetry();
  }

  @Test
  void stepsAreListed() {
    assertThatThrownBy(() -> assertThat(plan).hasStepCount(2))
        .hasMessage("Expecting the rescue plan to have 2 steps but it has 1: [dbt build --select stg_orders+]");
    assertThatThrownBy(() -> assertThat(plan).hasStepCommands("dbt build --select stg_orders"))
        .hasMessage("Expecting the rescue plan's commands to be [dbt build --select stg_orders] but they are"
            + " [dbt build --select stg_orders+]");
  }

  @Test
  void retryVerdictQuotesItsReasons() {
    assertThatThrownBy(() -> assertThat(plan).doesNotRecommendRetry())
        .hasMessage("Expecting the rescue plan not to recommend dbt retry but it does: [`dbt retry` re-runs exactly"
            + " the failed and skipped nodes of this invocation with its own arguments; run it from the same project"
            + " with target/run_results.json in place, once the cause is fixed]");
    assertThatThrownBy(() -> assertThat(resume).recommendsRetry())
        .hasMessage("Expecting the rescue plan to recommend dbt retry but it does not: [`dbt retry` re-runs only"
            + " nodes with an error or skipped result: it cannot see the 2 node(s) that never ran]");
  }

  @Test
  void anUnverifiedPlanQuotesItsProblems() {
    RescuePlan bad = new RescuePlan("build", plan.steps(), plan.intended(), false,
        List.of("step 1 selects model.shop.customers, which it does not intend"), new RetryVerdict(false, List.of()),
        List.of(), List.of(), List.of());
    assertThatThrownBy(() -> assertThat(bad).isVerified())
        .hasMessage("Expecting the rescue plan to be verified but it is not: [step 1 selects model.shop.customers,"
            + " which it does not intend]");
    RescuePlan unchecked = new RescuePlan("build", plan.steps(), plan.intended(), false, List.of(),
        new RetryVerdict(false, List.of()), List.of(), List.of(), List.of());
    assertThatThrownBy(() -> assertThat(unchecked).isVerified())
        .hasMessage("Expecting the rescue plan to be verified but it is not: no selector could check it");
  }

  @Test
  void aNullPlanFailsWithAssertJsMessage() {
    assertThatThrownBy(() -> assertThat((RescuePlan) null).isVerified())
        .hasMessageContaining("Expecting actual not to be null");
    assertThatThrownBy(() -> assertThat(plan).isNull())
        .hasMessage("%nexpected: null%n but was: rescue plan of 1 steps".formatted());
  }
}
