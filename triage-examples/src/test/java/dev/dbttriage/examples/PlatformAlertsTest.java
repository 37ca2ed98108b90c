package dev.dbttriage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbttriage.Triage;
import dev.dbttriage.triage.Severity;
import dev.dbttriage.triage.TriageReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformAlertsTest {
  @Test
  void anOutageWithOneCommonCauseIsOneAlertNotSeventeen() {
    java.nio.file.Path run = java.nio.file.Path.of(System.getProperty("dbttriage.shared", "../../shared"))
        .resolve("fixtures/artifacts/2moonyo_global-trade-intelligence-pipeline/1.11.7_7454878");
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(run), "corpus absent");

    List<PlatformAlerts.Alert> alerts = PlatformAlerts.alerts(Triage.triage(Triage.readTarget(run)));

    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.title()).isEqualTo(
          "[MAJOR] dbt build: 17 roots, one likely cause (DATABASE/MISSING_RELATION in fullcap-10111:raw)");
      assertThat(a.page()).isTrue();
      assertThat(a.channelHint()).isEqualTo("#data-incidents");
    });
  }

  @Test
  void theSampleRunRaisesOneAlertPerRootCauseNotOnePerSkippedModel() {
    TriageReport report = Triage.triage(SampleRun.load());

    List<PlatformAlerts.Alert> alerts = PlatformAlerts.alerts(report);

    // 6 failed nodes and tests + 1 stale source; 36 skipped nodes and 2 warnings raise nothing of their own.
    assertThat(report.count(dev.dbttriage.artifact.RunStatus.SKIPPED)).isEqualTo(36);
    assertThat(alerts).hasSize(7);
    assertThat(alerts).extracting(PlatformAlerts.Alert::title).contains(
        "[MODERATE] dbt build: model fct_tickets failed (DATABASE/PERMISSION_DENIED)",
        "[MODERATE] dbt build: test unique_dim_customers_customer_id failed (TEST/UNIQUE)",
        "[MINOR] dbt build: model rpt_pipeline failed (DEPENDENCY/REF_NOT_FOUND)");
    PlatformAlerts.Alert tickets = alerts.stream().filter(a -> a.title().contains("fct_tickets")).findFirst()
        .orElseThrow();
    assertThat(tickets.text())
        .contains("> 003001 (42501): SQL access control error: Insufficient privileges to operate on table 'FCT_TICKETS'")
        .contains("Hits ml Churn model features (Data Science <ds@jaffle-ops.example>)")
        .contains("Then: dbt build --select fct_tickets+");
    assertThat(tickets.mentions()).containsExactly("cx-analytics", "Data Science <ds@jaffle-ops.example>");
    assertThat(tickets.page()).isFalse();
    assertThat(tickets.channelHint()).isEqualTo("#data-alerts");
    assertThat(alerts).noneMatch(a -> a.severity() == Severity.INFO);
  }
}
