package dev.dbttriage.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbttriage.Triage;
import dev.dbttriage.artifact.TargetArtifacts;
import dev.dbttriage.plan.PlanStep;
import dev.dbttriage.plan.RescuePlan;
import dev.dbttriage.plan.StepKind;
import dev.dbttriage.triage.ReportWarning;
import dev.dbttriage.triage.TriageReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A killed run reproduced by hand: the real target of a dbt 1.7.2 project whose {@code manifest.json} (invocation
 * {@code 02522713...}, written at parse time) is newer than its {@code run_results.json} (invocation
 * {@code 0aa6c457...}, the previous build), and a {@code logs/dbt.log} of the newer invocation cut off while a model
 * ran, as an orchestrator's timeout leaves it.
 */
class KilledRunTest {
  static final String KILLED = "02522713-1f07-4b31-a648-6a1f64acb74e";
  static final String E = "\u001B[0m";

  static final String LOG = String.join("\n",
      E + "04:35:10.000001 [debug] [MainThread]: Sending event: {'category': 'dbt', 'action': 'invocation', "
          + "'label': 'start', 'context': [<snowplow_tracker.self_describing_json.SelfDescribingJson object>]}",
      "",
      "",
      "============================== 04:35:10.000001 | " + KILLED + " ==============================",
      E + "04:35:10.000100 [info ] [MainThread]: Running with dbt=1.7.2",
      E + "04:35:10.000200 [debug] [MainThread]: running dbt with arguments {'printer_width': '80', "
          + "'indirect_selection': 'eager', 'invocation_command': 'dbt build --target dev', 'which': 'build'}",
      E + "04:35:11.000000 [info ] [MainThread]: Registered adapter: postgres=1.7.2",
      E + "04:35:14.100000 [info ] [MainThread]: Concurrency: 2 threads (target='dev')",
      E + "04:35:14.200000 [debug] [Thread-1 (]: Began running node seed.integration_tests.contacts",
      E + "04:35:14.200100 [info ] [Thread-1 (]: 1 of 18 START seed file public.contacts ..................... [RUN]",
      E + "04:35:14.200200 [debug] [Thread-2 (]: Began running node seed.integration_tests.transactions",
      E + "04:35:14.200300 [info ] [Thread-2 (]: 2 of 18 START seed file public.transactions ................. [RUN]",
      E + "04:35:14.700000 [info ] [Thread-1 (]: 1 of 18 OK loaded seed file public.contacts ................. "
          + "[INSERT 100 in 0.50s]",
      E + "04:35:14.700100 [debug] [Thread-1 (]: Finished running node seed.integration_tests.contacts",
      E + "04:35:14.800000 [info ] [Thread-2 (]: 2 of 18 OK loaded seed file public.transactions ............. "
          + "[INSERT 500 in 0.60s]",
      E + "04:35:14.800100 [debug] [Thread-2 (]: Finished running node seed.integration_tests.transactions",
      E + "04:35:14.900000 [debug] [Thread-1 (]: Began running node model.customer360.stg_sf__contacts",
      E + "04:35:14.900100 [info ] [Thread-1 (]: 8 of 18 START sql table model public.stg_sf__contacts ........ [RUN]",
      E + "04:35:15.300000 [info ] [Thread-1 (]: 8 of 18 OK created sql table model public.stg_sf__contacts ... "
          + "[SELECT 100 in 0.40s]",
      E + "04:35:15.300100 [debug] [Thread-1 (]: Finished running node model.customer360.stg_sf__contacts",
      E + "04:35:15.400000 [debug] [Thread-2 (]: Began running node model.customer360.stg_web__transactions",
      E + "04:35:15.400100 [info ] [Thread-2 (]: 11 of 18 START sql table model public.stg_web__transactions .. [RUN]",
      E + "04:35:15.500000 [debug] [Thread-2 (]: On model.customer360.stg_web__transactions: /* {\"app\": \"dbt\"} */",
      "create  table \"customer\".\"public\".\"stg_web__transactions__dbt_tmp\"",
      "  as (");

  @Test
  void aKilledRunTriagesAndPlansFromItsLog(@TempDir Path dir) throws IOException {
    Path source = Path.of(System.getProperty("dbttriage.shared", "../shared"))
        .resolve("fixtures/artifacts/samuelzhang1201_customer_case/1.7.2_38c5366");
    assumeTrue(Files.isDirectory(source), "artifact corpus absent: " + source);
    Path target = Files.createDirectories(dir.resolve("target"));
    Files.copy(source.resolve("manifest.json"), target.resolve("manifest.json"));
    Files.copy(source.resolve("run_results.json"), target.resolve("run_results.json"));
    Path logFile = Files.createDirectories(dir.resolve("logs")).resolve("dbt.log");
    Files.writeString(logFile, LOG);

    TargetArtifacts artifacts = Triage.readTarget(target);
    DbtLog log = Triage.readLog(logFile);
    LogInvocation inv = log.incident().orElseThrow();
    assertThat(inv.killed()).isTrue();
    assertThat(inv.invocationId()).contains(KILLED);
    assertThat(inv.unfinished()).extracting(n -> n.uniqueId().orElse(null))
        .containsExactly("model.customer360.stg_web__transactions");

    TriageReport report = Triage.triage(artifacts, log);
    assertThat(report.invocationId()).contains(KILLED);
    assertThat(report.warnings()).extracting(ReportWarning::code).contains("LOG_RESULTS", "RUN_KILLED")
        .doesNotContain(ReportWarning.INVOCATION_MISMATCH);
    assertThat(report.warnings()).filteredOn(w -> w.code().equals("RUN_KILLED")).singleElement()
        .satisfies(w -> assertThat(w.nodes()).containsExactly("model.customer360.stg_web__transactions"));
    assertThat(report.resultSource("model.customer360.stg_sf__contacts")).contains("log");
    // what the build selected and never finished: 18 nodes minus the 3 that finished, the killed model included
    assertThat(report.neverRan()).hasSize(15).contains("model.customer360.stg_web__transactions",
        "model.customer360.customers").doesNotContain("model.customer360.stg_sf__contacts",
        "seed.integration_tests.contacts");

    RescuePlan plan = Triage.plan(report);
    PlanStep resume = plan.steps().stream().filter(s -> s.kind() == StepKind.RESUME).findFirst().orElseThrow();
    // `--exclude contacts transactions stg_sf__contacts` would also drop the never-run tests of stg_sf__contacts
    // (dbt's eager indirect selection excludes a model's tests with it), so the planner verifies and picks the
    // shortest selection that executes exactly what was lost
    assertThat(resume.command()).startsWith("dbt build --select stg_web__transactions+ ").endsWith(" --target dev")
        .doesNotContain(" stg_sf__contacts ");
    assertThat(resume.verified()).isTrue();
    assertThat(resume.nodes()).containsExactlyInAnyOrderElementsOf(report.neverRan());
    assertThat(plan.steps()).hasSize(1);
  }

  @Test
  void aLogAloneStillTriages() {
    DbtLog log = Triage.parseLog(LOG, "pasted");
    TriageReport report = Triage.triage(log);
    assertThat(report.warnings()).extracting(ReportWarning::code)
        .contains("LINEAGE_UNKNOWN", "LOG_RESULTS", "RUN_KILLED");
    assertThat(report.results()).hasSize(3);
    assertThat(List.copyOf(report.resultSources().values())).containsOnly("log");
  }
}
