package dev.dbttriage.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbttriage.Triage;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.classify.Classification;
import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.classify.FixLayer;
import dev.dbttriage.classify.MessageObjects;
import dev.dbttriage.classify.Subclass;
import dev.dbttriage.classify.Transience;
import dev.dbttriage.plan.RescuePlan;
import dev.dbttriage.plan.StepKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each resource type judged as dbt treats it (issue 11, section 3). */
class ResourceTypeJudgmentTest {
  /** A diagnoser that classifies every message as the given class and subclass, naming a relation. */
  private static TriageEngine engine(ErrorClass cls, Subclass sub, Optional<String> relation) {
    return TriageEngine.builder().selectionResolver((m, r) -> Optional.empty()).diagnoser((message, result, node,
        adapter) -> Diagnosis.of(new Classification(cls, sub, FixLayer.YOUR_CODE, Transience.PERSISTENT,
            message.lines().findFirst().orElse(""), new MessageObjects(relation, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
            "advice", Optional.of("test.rule"), List.of(), List.of()))).build();
  }

  @Test
  void aMissingSourceTableIsUpstreamNotACodeFix() {
    HandMadeRun run = new HandMadeRun().source("raw", "orders");
    run.node(Node.builder("model.shop.stg_orders", ResourceType.MODEL).name("stg_orders")
        .dependsOnNodes(List.of("source.shop.raw.orders")).rawCode("select * from {{ source('raw', 'orders') }}")
        .build());
    run.result("stg_orders", RunStatus.ERROR,
        "Database Error in model stg_orders (models/stg_orders.sql)\n  relation \"raw.orders\" does not exist");

    TriageReport report = engine(ErrorClass.DATABASE, Subclass.MISSING_RELATION, Optional.of("\"raw\".\"orders\""))
        .triage(TriageInput.of(run.manifest(), run.run("run")));

    TriageRecord record = report.root("model.shop.stg_orders").orElseThrow().record();
    assertThat(record.resolution()).isEqualTo(ResolutionKind.UPSTREAM);
    assertThat(record.resolutionDetail()).contains("dbt does not build sources");
    assertThat(record.recoveryCommand()).isEqualTo("dbt run --select stg_orders+");
  }

  @Test
  void aMissingModelTableIsStillACodeFix() {
    HandMadeRun run = new HandMadeRun().source("raw", "orders");
    run.model("stg_orders");
    run.result("stg_orders", RunStatus.ERROR, "Database Error in model stg_orders\n  relation \"x.y\" does not exist");

    TriageReport report = engine(ErrorClass.DATABASE, Subclass.MISSING_RELATION, Optional.of("x.y"))
        .triage(TriageInput.of(run.manifest(), run.run("run")));

    assertThat(report.root("model.shop.stg_orders").orElseThrow().record().resolution())
        .isEqualTo(ResolutionKind.CODE_FIX);
  }

  @Test
  void aTestThatErroredBecauseItsModelIsMissingRebuildsTheModelAndGetsNoStoreFailures() {
    HandMadeRun run = new HandMadeRun().model("orders").test("not_null_orders_id", "not_null", "orders");
    run.result("orders", RunStatus.SUCCESS);
    run.result("test.shop.not_null_orders_id", RunStatus.ERROR,
        "Database Error in test not_null_orders_id\n  relation \"analytics.orders\" does not exist");

    TriageReport report = engine(ErrorClass.DATABASE, Subclass.MISSING_RELATION, Optional.of("analytics.orders"))
        .triage(TriageInput.of(run.manifest(), run.run("build")));

    assertThat(report.root("test.shop.not_null_orders_id").orElseThrow().record().recoveryCommand())
        .isEqualTo("dbt build --select orders");
  }

  @Test
  void anErroredTestGetsNoStoreFailuresButAFailingOneDoes() {
    HandMadeRun run = new HandMadeRun().model("orders").test("unique_orders_id", "unique", "orders")
        .test("not_null_orders_id", "not_null", "orders");
    run.result("orders", RunStatus.SUCCESS);
    run.result("test.shop.unique_orders_id", RunStatus.FAIL, "Got 3 results, configured to fail if != 0");
    run.result("test.shop.not_null_orders_id", RunStatus.ERROR, "Database Error in test not_null_orders_id\n  boom");

    TriageReport report = engine(ErrorClass.TEST, Subclass.UNIQUE, Optional.empty())
        .triage(TriageInput.of(run.manifest(), run.run("test")));

    assertThat(report.root("test.shop.unique_orders_id").orElseThrow().record().recoveryCommand())
        .isEqualTo("dbt test --select unique_orders_id --store-failures");
    assertThat(report.root("test.shop.not_null_orders_id").orElseThrow().record().recoveryCommand())
        .isEqualTo("dbt test --select not_null_orders_id");
  }

  @Test
  void aMissingPackagePutsDbtDepsFirstInThePlan() {
    HandMadeRun run = new HandMadeRun().model("stg").model("mart", "stg");
    run.result("stg", RunStatus.ERROR, "Compilation Error in model stg\n  'dbt_utils' is undefined.");
    run.result("mart", RunStatus.SKIPPED);

    TriageReport report = engine(ErrorClass.DEPENDENCY, Subclass.PACKAGE_MISSING, Optional.empty())
        .triage(TriageInput.of(run.manifest(), run.run("run")));
    RescuePlan plan = Triage.plan(report);

    assertThat(plan.steps().get(0).kind()).isEqualTo(StepKind.DEPS);
    assertThat(plan.steps().get(0).command()).isEqualTo("dbt deps");
    assertThat(plan.steps().get(1).command()).isEqualTo("dbt run --select stg+");
    assertThat(plan.verified()).isTrue();
  }

  @Test
  void theReportSaysWhereTheCompiledSqlIsAndWhetherToPage() throws Exception {
    HandMadeRun run = new HandMadeRun().model("stg").model("mart", "stg");
    run.result("stg", RunStatus.ERROR, "Database Error in model stg\n  boom");
    run.result("mart", RunStatus.SKIPPED);

    TriageReport report = engine(ErrorClass.DATABASE, Subclass.SQL_SYNTAX, Optional.empty())
        .triage(TriageInput.of(run.manifest(), run.run("run")));

    assertThat(ReportFormat.TEXT.render(report)).contains("   compiled SQL: target/compiled/shop/models/stg.sql")
        .contains("   action: handle it alone, no page: minor blast radius");
    com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(ReportFormat.JSON.render(report)).get("roots").get(0);
    assertThat(root.get("compiled_path").asText()).endsWith("models/stg.sql");
    assertThat(root.get("action").asText()).startsWith("handle it alone");
  }
}
