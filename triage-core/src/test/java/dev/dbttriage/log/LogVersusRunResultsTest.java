package dev.dbttriage.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbttriage.Triage;
import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.TargetArtifacts;
import dev.dbttriage.triage.ReportWarning;
import dev.dbttriage.triage.RootCause;
import dev.dbttriage.triage.TriageReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two real incidents for which the corpus holds both the {@code target/} (manifest and run_results of invocation
 * X) and the {@code logs/dbt.log} that names X: a triage from the log alone, standing in for run_results.json,
 * must find what the triage from run_results.json finds.
 */
class LogVersusRunResultsTest {
  static Path shared() {
    return Path.of(System.getProperty("dbttriage.shared", "../shared")).resolve("fixtures");
  }

  @ParameterizedTest
  @CsvSource({
      "DucAnhNTT_dbt-hands-on-Airbnb-Analysis/1.6.6_bb6a2d2, DucAnhNTT_dbt-hands-on-Airbnb-Analysis__1.6.6.log",
      "Nigel-Brown_learn-dbt/1.3.0_80b47f7, Nigel-Brown_learn-dbt__1.3.0.log"})
  void theLogsResultsTriageAsTheRunResultsDo(String targetDir, String logFile) {
    Path dir = shared().resolve("artifacts").resolve(targetDir);
    Path logPath = shared().resolve("logs").resolve(logFile);
    assumeTrue(Files.isDirectory(dir) && Files.isRegularFile(logPath), "fixture corpus absent: " + dir);
    TargetArtifacts target = Artifacts.readTarget(dir);
    RunResults file = target.runResults().orElseThrow();
    DbtLog log = LogReader.read(logPath);
    LogInvocation inv = log.incident(target.manifest().metadata().invocationId()).orElseThrow();
    assertThat(inv.invocationId()).isEqualTo(file.metadata().invocationId());

    // both at hand and the same invocation: run_results.json wins
    RunResults chosen = LogRuns.choose(Optional.of(file), log, target.manifest());
    assertThat(LogRuns.fromLog(chosen)).isFalse();
    assertThat(chosen.results()).hasSameSizeAs(file.results());

    // the log alone: the same statuses node by node
    RunResults fromLog = LogRuns.toRunResults(log, inv, target.manifest(), "test");
    Map<String, String> expected = statuses(file.results());
    assertThat(statuses(fromLog.results())).isEqualTo(expected);

    TriageReport byFile = Triage.triage(target);
    TargetArtifacts withoutResults = new TargetArtifacts(target.directory(), target.manifest(), Optional.empty(),
        target.sources(), target.catalog());
    TriageReport byLog = Triage.triage(withoutResults, log);
    assertThat(byLog.warnings()).extracting(ReportWarning::code).contains("LOG_RESULTS");
    assertThat(roots(byLog)).isEqualTo(roots(byFile));
    assertThat(byLog.skippedBy()).isEqualTo(byFile.skippedBy());
  }

  private static Map<String, String> statuses(List<RunResult> results) {
    return results.stream().filter(r -> !r.uniqueId().startsWith("operation."))
        .collect(Collectors.toMap(RunResult::uniqueId, r -> r.status().dbtName(), (a, b) -> b, TreeMap::new));
  }

  private static List<String> roots(TriageReport r) {
    return r.roots().stream().map(RootCause::uniqueId).sorted().toList();
  }
}
