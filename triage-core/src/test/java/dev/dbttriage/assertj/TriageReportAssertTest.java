package dev.dbttriage.assertj;

import static dev.dbttriage.assertj.TriageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.triage.Severity;
import dev.dbttriage.triage.TriageReport;
import org.junit.jupiter.api.Test;

class TriageReportAssertTest {
  private final TriageReport report = ShopRun.report();
  private final TriageReport gap = ShopRun.withAnUnexplainedSkip();
  private final TriageReport killed = ShopRun.killed();

  @Test
  void passingChecksChain() {
    TriageReportAssert a = assertThat(report);
    assertThat(a.hasRootCount(1).hasFailureCount(1).hasNoUnexplainedSkips().attributesEverySkippedNode()
        .hasMaxSeverity(Severity.MODERATE).hasMaxSeverityAtMost(Severity.MODERATE).hasNoNodesThatNeverRan())
        .isSameAs(a);
    assertThat(report).hasRoot("stg_orders").hasSkippedCount(3);
    assertThat(report).hasRoot("model.shop.stg_orders").hasSkippedCount(3);
    assertThat(killed).hasNeverRan("late", "model.shop.lonely").hasRootCount(2);
  }

  @Test
  void hasRootCountListsTheRoots() {
    assertThatThrownBy(() -> assertThat(gap).hasRootCount(1))
        .hasMessage("Expecting the report to have 1 root cause but it has 2: [model.shop.stg_orders,"
            + " unexplained-skip]");
    assertThatThrownBy(() -> assertThat(report).hasFailureCount(2))
        .hasMessage("Expecting the report to have 2 failures but it has 1: [model.shop.stg_orders]");
  }

  @Test
  void hasRootNamesTheRootsThereAre() {
    assertThatThrownBy(() -> assertThat(report).hasRoot("orders"))
        .hasMessage("Expecting the report to have a root cause \"orders\" but its root causes are"
            + " [model.shop.stg_orders]");
  }

  @Test
  void unexplainedSkipsAreNamed() {
    assertThatThrownBy(() -> assertThat(gap).hasNoUnexplainedSkips())
        .hasMessage("Expecting the report to have no unexplained skips but 1 skipped node has no failed node"
            + " upstream: [model.shop.lonely]");
    assertThatThrownBy(() -> assertThat(gap).attributesEverySkippedNode())
        .hasMessage("Expecting all 4 skipped nodes to be attributed to a root cause but 1 is not:"
            + " [model.shop.lonely]");
  }

  @Test
  void severity() {
    assertThatThrownBy(() -> assertThat(report).hasMaxSeverity(Severity.MAJOR))
        .hasMessage("Expecting the report's highest severity to be MAJOR but it is MODERATE"
            + " ([model.shop.stg_orders])");
    assertThatThrownBy(() -> assertThat(gap).hasMaxSeverityAtMost(Severity.INFO))
        .hasMessage("Expecting no root cause more severe than INFO but 2 are: [model.shop.stg_orders (MODERATE),"
            + " unexplained-skip (MINOR)]");
  }

  @Test
  void neverRan() {
    assertThatThrownBy(() -> assertThat(killed).hasNoNodesThatNeverRan())
        .hasMessage("Expecting every selected node to have a result but 2 never ran: [model.shop.late,"
            + " model.shop.lonely]");
    assertThatThrownBy(() -> assertThat(killed).hasNeverRan("late", "customers"))
        .hasMessage("Expecting [late, customers] to have never run but [customers] is not among the 2 that never"
            + " ran: [model.shop.late, model.shop.lonely]");
  }

  @Test
  void aNullReportFailsWithAssertJsMessage() {
    assertThatThrownBy(() -> assertThat((TriageReport) null).hasRootCount(0))
        .hasMessageContaining("Expecting actual not to be null");
    assertThatThrownBy(() -> assertThat(report).isNull())
        .hasMessage("%nexpected: null%n but was: triage report with 1 root causes".formatted());
  }
}
