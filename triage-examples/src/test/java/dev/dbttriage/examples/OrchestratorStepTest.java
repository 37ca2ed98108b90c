package dev.dbttriage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbttriage.Triage;
import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.ArtifactMetadata;
import dev.dbttriage.artifact.InvocationArgs;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.artifact.TargetArtifacts;
import dev.dbttriage.plan.RescuePlan;
import dev.dbttriage.triage.TriageInput;
import dev.dbttriage.triage.TriageReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrchestratorStepTest {
  private static final String CONNECTION_RESET = "Database Error in model stg_orders (models/stg_orders.sql)\n"
      + "  250001 (08001): Failed to connect to DB: xy12345.snowflakecomputing.com:443. "
      + "Could not connect to Snowflake backend after 0 attempt(s).Aborting";

  @Test
  void theSampleRunNeedsAPersonSoItStopsAndPagesTheOwners() {
    TargetArtifacts sample = SampleRun.load();
    TriageReport report = Triage.triage(sample);

    OrchestratorStep.Decision d = OrchestratorStep.afterStep(report, Triage.plan(report, sample.manifest()));

    assertThat(d.action()).isEqualTo(OrchestratorStep.Action.STOP_AND_PAGE);
    assertThat(d.reasons()).contains(
        "fct_tickets failed with DATABASE/PERMISSION_DENIED, which a retry will not fix: Permissions");
    assertThat(d.page()).contains("cx-analytics", "Data Science <ds@jaffle-ops.example>");
    assertThat(d.commands()).isNotEmpty();
  }

  @Test
  void aDroppedConnectionIsTransientSoTheStepRetriesAsIs() {
    Run run = new Run().model("stg_orders").model("orders", "stg_orders")
        .result("stg_orders", RunStatus.ERROR, CONNECTION_RESET).result("orders", RunStatus.SKIPPED);
    TriageReport report = Triage.engine().build().triage(TriageInput.of(run.manifest(), run.results()));

    OrchestratorStep.Decision d = OrchestratorStep.afterStep(report, Triage.plan(report, run.manifest()));

    assertThat(report.failures().get(0).diagnosis().subclass()).isEqualTo(dev.dbttriage.classify.Subclass.CONNECTION_FAILED);
    assertThat(report.failures().get(0).diagnosis().retryable()).isTrue();
    assertThat(d.action()).isEqualTo(OrchestratorStep.Action.RETRY_AS_IS);
    assertThat(d.commands()).containsExactly("dbt retry");
  }

  @Test
  void theSameFailureAsAMissingGrantIsNotRetried() {
    Run run = new Run().model("stg_orders").model("orders", "stg_orders")
        .result("stg_orders", RunStatus.ERROR, "Database Error in model stg_orders (models/stg_orders.sql)\n"
            + "  003001 (42501): SQL access control error:\n  Insufficient privileges to operate on table 'RAW_ORDERS'")
        .result("orders", RunStatus.SKIPPED);
    TriageReport report = Triage.engine().build().triage(TriageInput.of(run.manifest(), run.results()));

    OrchestratorStep.Decision d = OrchestratorStep.afterStep(report, Triage.plan(report, run.manifest()));

    assertThat(d.action()).isEqualTo(OrchestratorStep.Action.STOP_AND_PAGE);
    assertThat(d.reasons()).containsExactly(
        "stg_orders failed with DATABASE/PERMISSION_DENIED, which a retry will not fix: Permissions");
    assertThat(d.commands()).containsExactly("dbt build --select stg_orders+");
  }

  @Test
  void aKilledStepWithNodesThatNeverRanRunsTheRescuePlan() {
    Run run = new Run().model("a").model("b", "a").model("c", "b").result("a", RunStatus.SUCCESS);
    TriageReport report = Triage.engine()
        .selectionResolver((m, r) -> Optional.of(Set.of("model.shop.a", "model.shop.b", "model.shop.c")))
        .build().triage(TriageInput.of(run.manifest(), run.results()));
    RescuePlan plan = Triage.plan(report, run.manifest());

    OrchestratorStep.Decision d = OrchestratorStep.afterStep(report, plan);

    assertThat(d.action()).isEqualTo(OrchestratorStep.Action.RUN_RESCUE_PLAN);
    assertThat(d.reasons()).containsExactly("2 selected node(s) never ran: the step was cut short");
    assertThat(plan.retry().recommended()).isFalse();
    assertThat(d.commands()).hasSize(1);
  }

  @Test
  void aCleanStepContinues() {
    Run run = new Run().model("a").result("a", RunStatus.SUCCESS);
    TriageReport report = Triage.engine().build().triage(TriageInput.of(run.manifest(), run.results()));
    assertThat(OrchestratorStep.afterStep(report, Triage.plan(report, run.manifest())).action())
        .isEqualTo(OrchestratorStep.Action.CONTINUE);
  }

  /** A tiny hand-made project and run. */
  private static final class Run {
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<RunResult> results = new ArrayList<>();

    Run model(String name, String... parents) {
      List<String> deps = new ArrayList<>();
      for (String p : parents) {
        deps.add("model.shop." + p);
      }
      nodes.put("model.shop." + name, Node.builder("model.shop." + name, ResourceType.MODEL)
          .config(Map.of("materialized", "table")).dependsOnNodes(deps)
          .rawCode("select * from " + (deps.isEmpty() ? "raw." + name : "{{ ref('" + parents[0] + "') }}")).build());
      return this;
    }

    Run result(String name, RunStatus status, String message) {
      results.add(RunResult.of("model.shop." + name, status, message));
      return this;
    }

    Run result(String name, RunStatus status) {
      return result(name, status, null);
    }

    Manifest manifest() {
      return new Manifest(new ArtifactMetadata(ArtifactKind.MANIFEST, 12, "", Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.of("snowflake"), Optional.of("shop"), Optional.empty()), nodes, Map.of(),
          Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
          List.of());
    }

    RunResults results() {
      InvocationArgs args = new InvocationArgs(Optional.of("build"), List.of(), List.of(), Optional.empty(),
          List.of(), List.of(), Optional.empty(), false, false, Optional.empty(), false, Map.of());
      return new RunResults(new ArtifactMetadata(ArtifactKind.RUN_RESULTS, 6, "", Optional.empty(),
          Optional.of("2026-11-20T03:00:00Z"), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty()), args, OptionalDouble.empty(), results, List.of());
    }
  }
}
