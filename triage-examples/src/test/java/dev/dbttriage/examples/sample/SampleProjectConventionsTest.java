package dev.dbttriage.examples.sample;

import static dev.dbttriage.assertj.TriageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A worked example of the tests a dbt team writes about its own project with {@code dev.dbttriage.assertj},
 * run against the bundled {@code jaffle_ops} manifest. In a real project the manifest comes from
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
}
