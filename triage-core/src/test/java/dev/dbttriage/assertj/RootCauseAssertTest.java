package dev.dbttriage.assertj;

import static dev.dbttriage.assertj.TriageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.classify.Subclass;
import dev.dbttriage.triage.RootCause;
import dev.dbttriage.triage.RootKind;
import dev.dbttriage.triage.Severity;
import dev.dbttriage.triage.TriageReport;
import org.junit.jupiter.api.Test;

class RootCauseAssertTest {
  private final TriageReport report = ShopRun.report();

  @Test
  void passingChecksChain() {
    // Without triage-rules on the class path, dbt's header decides: DATABASE, subclass OTHER.
    RootCauseAssert a = assertThat(report).hasRoot("stg_orders");
    assertThat(a.hasKind(RootKind.FAILED_NODE).hasSeverity(Severity.MODERATE).hasClass("DATABASE")
        .hasClass("database").hasClass(ErrorClass.DATABASE).hasSubclass("OTHER").hasSubclass(Subclass.OTHER)
        .hasSkippedCount(3).hasSkipped("orders", "test.shop.unique_orders_order_id").hasBlastRadiusOf(4)
        .hasBlastRadiusLessThan(5).hitsExposure("weekly_revenue").hitsExposure("exposure.shop.weekly_revenue")
        .hasRecoveryCommand("dbt build --select stg_orders+")).isSameAs(a);
    assertThat(report.roots().get(0)).hasKind(RootKind.FAILED_NODE);
  }

  @Test
  void kindAndSeverity() {
    assertThatThrownBy(() -> assertThat(report).hasRoot("stg_orders").hasKind(RootKind.FAILED_TEST))
        .hasMessage("Expecting root cause model.shop.stg_orders to be failed_test but it is failed_node");
    assertThatThrownBy(() -> assertThat(report).hasRoot("stg_orders").hasSeverity(Severity.MAJOR))
        .hasMessage("Expecting root cause model.shop.stg_orders to have severity MAJOR but it has MODERATE"
            + " (4 downstream)");
  }

  @Test
  void classAndSubclassSayBoth() {
    assertThatThrownBy(() -> assertThat(report).hasRoot("stg_orders").hasClass(ErrorClass.COMPILATION))
        .hasMessage("Expecting root cause model.shop.stg_orders to have class COMPILATION but it is DATABASE/OTHER");
    assertThatThrownBy(() -> assertThat(report).hasRoot("stg_orders").hasSubclass("PERMISSION_DENIED"))
        .hasMessage("Expecting root cause model.shop.stg_orders to have subclass PERMISSION_DENIED but it is"
            + " DATABASE/OTHER");
  }

  @Test
  void skippedNodes() {
    assertThatThrownBy(() -> assertThat(report).hasRoot("stg_orders").hasSkippedCount(2))
        .hasMessage("Expecting root cause model.shop.stg_orders to have skipped 2 nodes but it skipped 3:"
            + " [model.shop.orders, model.shop.revenue, test.shop.unique_orders_order_id]");
    assertThatThrownBy(() -> assertThat(report).hasRoot("stg_orders").hasSkipped("revenue", "customers"))
        .hasMessage("Expecting root cause model.shop.stg_orders to have skipped [revenue, customers] but not"
            + " [customers]; it skipped [model.shop.orders, model.shop.revenue, test.shop.unique_orders_order_id]");
  }

  @Test
  void blastRadius() {
    assertThatThrownBy(() -> assertThat(report).hasRoot("stg_orders").hasBlastRadiusOf(3))
        .hasMessage("Expecting root cause model.shop.stg_orders to have 3 downstream nodes but it has 4");
    assertThatThrownBy(() -> assertThat(report).hasRoot("stg_orders").hasBlastRadiusLessThan(4))
        .hasMessage("Expecting root cause model.shop.stg_orders to have fewer than 4 downstream nodes but it has 4");
  }

  @Test
  void exposuresAndRecovery() {
    assertThatThrownBy(() -> assertThat(report).hasRoot("stg_orders").hitsExposure("churn_model"))
        .hasMessage("Expecting root cause model.shop.stg_orders to hit exposure \"churn_model\" but it hits"
            + " [exposure.shop.weekly_revenue]");
    assertThatThrownBy(() -> assertThat(ShopRun.withAnUnexplainedSkip()).hasRoot("unexplained-skip")
        .hitsExposure("weekly_revenue"))
        .hasMessage("Expecting root cause unexplained-skip to hit exposure \"weekly_revenue\" but it hits none");
    assertThatThrownBy(() -> assertThat(report).hasRoot("stg_orders").hasRecoveryCommand("dbt retry"))
        .hasMessage("Expecting root cause model.shop.stg_orders to have recovery command \"dbt retry\" but it has"
            + " \"dbt build --select stg_orders+\"");
  }

  @Test
  void aNullRootFailsWithAssertJsMessage() {
    assertThatThrownBy(() -> assertThat((RootCause) null).hasSkippedCount(0))
        .hasMessageContaining("Expecting actual not to be null");
    assertThatThrownBy(() -> assertThat(report.roots().get(0)).isNull())
        .hasMessage("%nexpected: null%n but was: model.shop.stg_orders".formatted());
  }
}
