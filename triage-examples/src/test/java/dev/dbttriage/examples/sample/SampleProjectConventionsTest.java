package dev.dbttriage.examples.sample;

import static dev.dbttriage.assertj.TriageAssertions.assertThat;
import static dev.dbttriage.assertj.TriageAssertions.assertThatSelection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.Triage;
import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.classify.Subclass;
import dev.dbttriage.examples.SampleRun;
import dev.dbttriage.triage.RootKind;
import dev.dbttriage.triage.Severity;
import dev.dbttriage.triage.TriageReport;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A worked example of the tests a dbt team writes about its own project with {@code dev.dbttriage.assertj},
 * run against the bundled {@code jaffle_ops} manifest: conventions, selections and blast radius from the manifest
 * alone, and what the triage of its failed nightly build must say. In a real project the manifest comes from
 * {@code Triage.readManifest(Path.of("target/manifest.json"))} after {@code dbt parse}.
 */
class SampleProjectConventionsTest {
  private static Manifest manifest;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = SampleProjectConventionsTest.class.getResourceAsStream("manifest.json")) {
      manifest = Artifacts.readManifest(in, "manifest.json");
    }
  }

  @Test
  void everyIncrementalModelHasAUniqueKey() {
    assertThat(manifest).incrementalModels().hasSize(8).allHaveUniqueKey();
  }

  @Test
  void everyExposureAndGroupHasAnOwner() {
    assertThat(manifest).exposures().hasSize(3).allHaveOwner();
    assertThat(manifest).groups().hasSize(2).allHaveOwner();
  }

  @Test
  void everyMartHasAnOwnerAndRunsNightlyUnlessManual() {
    assertThat(manifest).modelsInPath("models/marts").allHaveOwner();
    assertThat(manifest).modelsInPath("models/marts")
        .filteredOn(m -> !m.tags().contains("manual"))
        .allHaveTag("nightly");
  }

  @Test
  void thePaymentsFactIsConfiguredAsFinanceExpects() {
    assertThat(manifest).hasAdapterType("snowflake").doesNotHaveModel("legacy_orders_v1");
    assertThat(manifest).model("fct_payments")
        .isIncremental()
        .hasUniqueKey("payment_id")
        .hasIncrementalStrategy("merge")
        .hasOnSchemaChange("fail")
        .isInGroup("finance")
        .hasAccess("public")
        .hasOwner("finance-analytics")
        .dependsOn("stg_stripe__payments")
        .hasColumnOfType("amount", "NUMBER(38,2)");
    assertThat(manifest).model("fct_mrr").hasUniqueKey("subscription_id", "month_start");
    assertThat(manifest).model("dim_customers").hasContractEnforced().hasColumn("customer_id");
    assertThat(manifest).node("source.jaffle_ops.stripe.payments").hasColumn("amount");
  }

  @Test
  void theSampleBreaksTheNoMartViewRuleOnce() {
    // fct_refunds is a view under models/marts: the convention test a team would write catches it.
    assertThatThrownBy(() -> assertThat(manifest).modelsInPath("models/marts").noneMaterializedAs("view"))
        .hasMessage("Expecting none of the 24 models under \"models/marts\" to be materialized \"view\" but 1 is:"
            + " [model.jaffle_ops.fct_refunds]");
    assertThatThrownBy(() -> assertThat(manifest).modelsMaterializedAs("view").noneInPath("models/marts"))
        .hasMessage("Expecting none of the 15 models materialized \"view\" to be under \"models/marts\" but 1 is:"
            + " [model.jaffle_ops.fct_refunds (models/marts/finance/fct_refunds.sql)]");
  }

  @Test
  void onlyOneMartEnforcesItsContract() {
    assertThat(manifest).modelsInPath("models/marts").filteredOn(m -> m.config().contractEnforced())
        .extracting(Node::name).containsExactly("dim_customers");
  }

  @Test
  void theNightlySelectionStaysUnderTwoHundredModels() {
    // The sample has no tag:daily; tag:nightly is its scheduled job. 158 nodes: 50 models, their tests, ...
    assertThat(manifest).selection("tag:nightly+").hasNoWarnings().hasSize(158)
        .ofType(ResourceType.MODEL).hasSize(50).hasSizeLessThan(200);
    assertThatSelection(manifest, "tag:finance+").contains("fct_payments", "executive_kpis")
        .doesNotContain("stg_segment__tracks");
  }

  @Test
  void theBlastRadiusOfStagingModelsStaysUnderFifty() {
    assertThat(manifest).model("stg_stripe__payments").blastRadius().hasSize(41).contains("fct_payments");
    assertThat(manifest).model("stg_zendesk__tickets").hasDownstreamCountLessThan(50);
    // Two staging models feed most of the marts: the convention test names them with their counts.
    assertThatThrownBy(() -> assertThat(manifest).modelsInPath("models/staging").allHaveBlastRadiusBelow(50))
        .hasMessage("Expecting all 13 models under \"models/staging\" to have fewer than 50 downstream nodes but 2"
            + " do not: [model.jaffle_ops.stg_shop__order_items (54 downstream),"
            + " model.jaffle_ops.stg_shop__products (54 downstream)]");
  }

  @Test
  void theNightlyBuildIsTriagedToSevenRootCauses() {
    TriageReport report = Triage.triage(SampleRun.load());
    // 7 failures, plus 2 warnings (the reconcile test warned, hubspot.deals is late) that need only a look.
    assertThat(report).hasFailureCount(7).hasRootCount(9).hasMaxSeverity(Severity.MODERATE)
        .attributesEverySkippedNode().hasNoUnexplainedSkips().hasNoNodesThatNeverRan();
    assertThat(report.count(RunStatus.SKIPPED)).isEqualTo(36);
    assertThat(report).hasRoot("fct_tickets").hasKind(RootKind.FAILED_NODE).hasClass("DATABASE")
        .hasSubclass("PERMISSION_DENIED").hasSkippedCount(6).hasSkipped("rpt_support_sla")
        .hitsExposure("churn_model_features").hasRecoveryCommand("dbt build --select fct_tickets+ --target prod");
    assertThat(report).hasRoot("int_sessions").hasClass(ErrorClass.DATABASE)
        .hasSubclass(Subclass.STATEMENT_TIMEOUT).hasSkipped("fct_sessions", "fct_attribution", "rpt_funnel_weekly")
        .hitsExposure("growth_funnel");
    // Schema drift on an incremental model: the full-refresh advisor cannot tell a new column from a retyped one
    // without the previous manifest, so neither the record nor the plan runs --full-refresh on a guess.
    assertThat(report).hasRoot("fct_payments").hasClass("COMPILATION").hasSubclass("SCHEMA_CHANGE_NOT_ALLOWED")
        .hasSkipped("fct_revenue_daily", "fct_customer_ltv", "rpt_finance_kpis").hitsExposure("executive_kpis")
        .hasRecoveryCommand("dbt build --select fct_payments+ --target prod");
    assertThat(report.root("model.jaffle_ops.fct_payments").orElseThrow().refresh())
        .hasValueSatisfying(d -> assertThat(d.kind()).isEqualTo(dev.dbttriage.decide.RefreshKind.NEEDS_EVIDENCE));
    assertThat(report).hasRoot("unique_dim_customers_customer_id").hasKind(RootKind.FAILED_TEST)
        .hasClass("TEST").hasSubclass("UNIQUE").hasSkipped("rpt_customer_cohorts", "fct_customer_ltv");
    assertThat(report).hasRoot("int_product_margin").hasClass("COMPILATION")
        .hasSubclass("UNDEFINED_MACRO_OR_VAR").hasSkipped("dim_products");
    assertThat(report).hasRoot("rpt_pipeline").hasClass("DEPENDENCY").hasSubclass("REF_NOT_FOUND")
        .hasSkippedCount(1).hitsExposure("executive_kpis");
    // dbt skips nothing for a stale source; what read it ran on stale data.
    assertThat(report).hasRoot("stripe.payments").hasKind(RootKind.SOURCE_FRESHNESS).hasClass("FRESHNESS")
        .hasSubclass("FRESHNESS_ERROR").hasSkippedCount(0).hitsExposure("executive_kpis");
    assertThat(Triage.plan(report, manifest)).isVerified();
  }
}
