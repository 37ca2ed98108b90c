package dev.dbttriage.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.artifact.TargetArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Triage of the real failing runs of the fixture corpus: every skipped node is attributed to a failure
 * upstream of it, and the counts match INDEX.md's.
 */
class FailingRunsCorpusTest {
  private static final Path ARTIFACTS =
      Path.of(System.getProperty("dbttriage.shared", "../../shared")).resolve("fixtures/artifacts");

  /**
   * The warnings each run's artifacts call for. 3fid's manifest was written by a later invocation than its run
   * results (its two models have no result because the manifest is newer, not because the run was killed); the
   * others carry a sources.json or catalog.json from another day.
   */
  private static final Map<String, List<String>> WARNINGS = Map.of(
      "2moonyo_global-trade-intelligence-pipeline/1.11.7_7454878", List.of("STALE_CATALOG"),
      "3fid_DBT-Hackathon-2024/1.7.14_931c268", List.of("INVOCATION_MISMATCH"),
      "Barsik-sus_nba-monte-carlo/1.4.5_d84c03a", List.of("STALE_CATALOG"),
      "DucAnhNTT_dbt-hands-on-Airbnb-Analysis/1.6.6_bb6a2d2", List.of("STALE_SOURCES"),
      "WillaneJaures_snow_dbt/1.9.4_00f8baf", List.of("STALE_SOURCES"),
      "lalithadurgempudi_gcp-hospital-medallion/1.12.2_efc920f", List.of("STALE_CATALOG"));

  /** Directory, INDEX.md's result counts (skipped, error + fail), and the roots dbt's rules give. */
  static Stream<Arguments> failingRuns() {
    return Stream.of(
        // dbt build on BigQuery: 17 staging models read raw tables that do not exist; 398 nodes skipped.
        Arguments.of("2moonyo_global-trade-intelligence-pipeline/1.11.7_7454878", 398, 17, 17),
        Arguments.of("3fid_DBT-Hackathon-2024/1.7.14_931c268", 2, 2, 2),
        // dbt build on DuckDB: two failing tests skip what consumes their models.
        Arguments.of("Barsik-sus_nba-monte-carlo/1.4.5_d84c03a", 19, 2, 2),
        Arguments.of("DucAnhNTT_dbt-hands-on-Airbnb-Analysis/1.6.6_bb6a2d2", 1, 1, 1),
        Arguments.of("Nigel-Brown_learn-dbt/1.3.0_80b47f7", 1, 2, 2),
        Arguments.of("WillaneJaures_snow_dbt/1.9.4_00f8baf", 8, 4, 4),
        Arguments.of("lalithadurgempudi_gcp-hospital-medallion/1.12.2_70dc255", 11, 1, 1),
        Arguments.of("lalithadurgempudi_gcp-hospital-medallion/1.12.2_efc920f", 3, 2, 2),
        Arguments.of("medsidd_whyline-denver/1.8.5_bcaf495", 9, 9, 9),
        Arguments.of("openlineage/fail", 1, 1, 1),
        Arguments.of("samuelzhang1201_customer_case/1.7.2_486e4aa", 1, 2, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failingRuns")
  void everySkippedNodeIsAttributedToAFailureUpstream(String dir, int skipped, int failed, int roots) {
    Path target = ARTIFACTS.resolve(dir);
    assumeTrue(Files.isDirectory(target), "fixture corpus not present");
    TargetArtifacts artifacts = Artifacts.readTarget(target);

    TriageReport report = TriageEngine.builder().build().triage(TriageInput.of(artifacts));

    assertThat(report.count(RunStatus.SKIPPED)).isEqualTo(skipped);
    assertThat(report.count(RunStatus.ERROR) + report.count(RunStatus.FAIL)).isEqualTo(failed);
    assertThat(report.skippedBy()).hasSize(skipped);
    assertThat(report.skippedBy().values()).allSatisfy(by -> assertThat(by).doesNotContain("unexplained-skip"));
    assertThat(report.roots()).noneMatch(r -> r.kind() == RootKind.UNEXPLAINED_SKIP);
    // No real failing run lost nodes: a node without a result is a newer manifest's (INVOCATION_MISMATCH).
    assertThat(report.neverRan()).as("never ran").isEmpty();
    assertThat(report.roots()).noneMatch(r -> r.kind() == RootKind.NEVER_RAN);
    assertThat(report.warnings().stream().map(ReportWarning::code).sorted().toList()).as("warning codes")
        .isEqualTo(WARNINGS.getOrDefault(dir, List.of()));
    List<RootCause> failures = report.failures().stream()
        .filter(r -> r.kind() != RootKind.SOURCE_FRESHNESS && r.kind() != RootKind.NEVER_RAN).toList();
    assertThat(failures).hasSize(roots);
    // Each skipped node's roots are failures upstream of it in the manifest.
    for (Map.Entry<String, List<String>> e : report.skippedBy().entrySet()) {
      for (String root : e.getValue()) {
        assertThat(report.root(root)).as("root %s of %s", root, e.getKey()).isPresent();
      }
    }
  }

  @org.junit.jupiter.api.Test
  void aManifestNewerThanTheRunNamesItsResultlessNodesInsteadOfCallingThemNeverRan() {
    Path target = ARTIFACTS.resolve("3fid_DBT-Hackathon-2024/1.7.14_931c268");
    assumeTrue(Files.isDirectory(target), "fixture corpus not present");
    TriageReport report = TriageEngine.builder().build().triage(TriageInput.of(Artifacts.readTarget(target)));

    ReportWarning mismatch = report.warnings().stream()
        .filter(w -> w.code().equals(ReportWarning.INVOCATION_MISMATCH)).findFirst().orElseThrow();
    assertThat(mismatch.nodes()).contains("model.Revolt_BI_Hackathon.my_first_dbt_model",
        "model.Revolt_BI_Hackathon.my_second_dbt_model");
    assertThat(report.neverRan()).isEmpty();
    dev.dbttriage.plan.RescuePlan plan = dev.dbttriage.Triage.plan(report);
    assertThat(plan.steps()).noneMatch(s -> s.kind() == dev.dbttriage.plan.StepKind.RESUME);
  }

  @org.junit.jupiter.api.Test
  void aSourcesJsonFromAnotherDayIsContextNotARoot() {
    Path target = ARTIFACTS.resolve("DucAnhNTT_dbt-hands-on-Airbnb-Analysis/1.6.6_bb6a2d2");
    assumeTrue(Files.isDirectory(target), "fixture corpus not present");
    TargetArtifacts artifacts = Artifacts.readTarget(target);
    assertThat(artifacts.sources()).isPresent();

    TriageReport report = TriageEngine.builder().build().triage(TriageInput.of(artifacts));

    assertThat(report.hasWarning(ReportWarning.STALE_SOURCES)).isTrue();
    assertThat(report.roots()).noneMatch(r -> r.kind() == RootKind.SOURCE_FRESHNESS);
  }

  @org.junit.jupiter.api.Test
  void resultsThatLostTheirStatusAreNeverAQuietCleanRun() throws java.io.IOException {
    Path target = ARTIFACTS.resolve("2moonyo_global-trade-intelligence-pipeline/1.11.7_7454878");
    assumeTrue(Files.isDirectory(target), "fixture corpus not present");
    // Damage the file as the fuzzing campaign did: drop every result's status and the schema version.
    String json = Files.readString(target.resolve("run_results.json"))
        .replaceAll("\"status\":\\s*\"[a-z ]+\",?", "").replaceAll("\"dbt_schema_version\":\\s*\"[^\"]*\",?", "");
    dev.dbttriage.artifact.RunResults damaged = Artifacts.readRunResults(
        new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "run_results.json");
    TriageReport report = TriageEngine.builder().build().triage(
        TriageInput.of(Artifacts.readManifest(target.resolve("manifest.json")), damaged));

    assertThat(report.hasWarning(ReportWarning.RESULTS_INCOMPLETE)).isTrue();
    assertThat(ReportFormat.TEXT.render(report)).doesNotContain("nothing to triage")
        .contains("RESULTS_INCOMPLETE");
  }
}
