package dev.dbttriage.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.ArtifactMetadata;
import dev.dbttriage.artifact.InvocationArgs;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** What a run lost is what its own selection would have run, read from the args as the run's dbt wrote them. */
class NeverRanTest {
  private final HandMadeRun project = new HandMadeRun().model("orders").model("customers").model("other");

  private Manifest manifestWithSelector() {
    Manifest m = project.manifest();
    // selectors.yml's `nightly` (union: [orders, customers]), as the manifest keeps a selector
    Map<String, Object> selectors = Map.of("nightly", Map.of("name", "nightly", "definition",
        Map.of("union", List.of("orders", "customers"))));
    return new Manifest(m.metadata(), m.nodes(), m.sources(), m.exposures(), Map.of(), Map.of(), Map.of(),
        m.unitTests(), Map.of(), m.groups(), Map.of(), Map.of(), selectors, List.of());
  }

  private static RunResults run(String dbtVersion, Map<String, Object> args, List<RunResult> results) {
    ArtifactMetadata meta = new ArtifactMetadata(ArtifactKind.RUN_RESULTS, 4,
        "https://schemas.getdbt.com/dbt/run-results/v4.json", Optional.of(dbtVersion),
        Optional.of("2026-11-20T03:00:00Z"), Optional.of("inv-1"), Optional.empty(), Optional.empty(),
        Optional.empty());
    return new RunResults(meta, InvocationArgs.of(args), OptionalDouble.empty(), results, List.of());
  }

  @Test
  void aDbt14RunWithSelectorNameLostOnlyWhatTheSelectorChose() {
    // dbt 1.4 wrote --selector under argparse's dest, selector_name. The run selected orders and customers and
    // crashed after orders: customers is lost, `other` was never selected.
    RunResults crashed = run("1.4.9", Map.of("which", "run", "selector_name", "nightly"),
        List.of(RunResult.of("model.shop.orders", RunStatus.SUCCESS, null)));

    TriageReport report = TriageEngine.builder().build().triage(TriageInput.of(manifestWithSelector(), crashed));

    assertThat(report.neverRan()).containsExactly("model.shop.customers");
    assertThat(report.warnings()).extracting(ReportWarning::code).doesNotContain(ReportWarning.SELECTION_NOT_EVALUATED);
  }

  @Test
  void aFusionRunKeepsItsSelectionUnderOther() {
    RunResults crashed = run("2.0.0-preview.183",
        Map.of("__other__", Map.of("which", "run", "select", List.of("orders", "customers"))),
        List.of(RunResult.of("model.shop.orders", RunStatus.SUCCESS, null)));

    TriageReport report = TriageEngine.builder().build().triage(TriageInput.of(project.manifest(), crashed));

    assertThat(report.neverRan()).containsExactly("model.shop.customers");
  }
}
