package dev.dbttriage.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbttriage.Triage;
import dev.dbttriage.triage.CommonCause;
import dev.dbttriage.triage.TriageReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Roots that are one problem are named as such, on a real outage from the fixture corpus. */
class CommonCauseTest {
  private static final Path RUN = Path.of(System.getProperty("dbttriage.shared", "../../shared"))
      .resolve("fixtures/artifacts/2moonyo_global-trade-intelligence-pipeline/1.11.7_7454878");

  @Test
  void seventeenMissingTablesInOneDatasetAreOneCommonCause() {
    assumeTrue(Files.isDirectory(RUN), "fixture corpus not present");

    TriageReport report = Triage.triage(Triage.readTarget(RUN));

    assertThat(report.failures()).hasSize(17);
    assertThat(report.commonCauses()).singleElement().satisfies((CommonCause c) -> {
      assertThat(c.errorClass()).isEqualTo(dev.dbttriage.classify.ErrorClass.DATABASE);
      assertThat(c.subclass()).isEqualTo(dev.dbttriage.classify.Subclass.MISSING_RELATION);
      assertThat(c.scope()).contains("fullcap-10111:raw");
      assertThat(c.roots()).hasSize(17).contains("model.capstone_monthly.stg_brent_daily");
      assertThat(c.summary()).isEqualTo("17 roots fail with DATABASE/MISSING_RELATION in fullcap-10111:raw: likely one "
          + "cause upstream of them all; fix it once, then rescue them in one run");
    });
  }

  @Test
  void theSampleRunsSevenDifferentFailuresHaveNoCommonCause() {
    assertThat(Triage.triage(SampleRun.load()).commonCauses()).isEmpty();
  }
}
