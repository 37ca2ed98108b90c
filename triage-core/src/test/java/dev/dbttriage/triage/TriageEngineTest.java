package dev.dbttriage.triage;

import static dev.dbttriage.artifact.RunStatus.ERROR;
import static dev.dbttriage.artifact.RunStatus.FAIL;
import static dev.dbttriage.artifact.RunStatus.PARTIAL_SUCCESS;
import static dev.dbttriage.artifact.RunStatus.PASS;
import static dev.dbttriage.artifact.RunStatus.SKIPPED;
import static dev.dbttriage.artifact.RunStatus.SUCCESS;
import static dev.dbttriage.artifact.RunStatus.WARN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.ArtifactMetadata;
import dev.dbttriage.artifact.FreshnessResult;
import dev.dbttriage.artifact.FreshnessStatus;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunState;
import dev.dbttriage.artifact.SourceFreshness;
import dev.dbttriage.classify.Classifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TriageEngineTest {

  @Test
  void runSkipsEveryDescendantOfAnErroredModel() {
    HandMadeRun run = new HandMadeRun()
        .model("stg_orders").model("orders", "stg_orders").model("revenue", "orders").model("customers")
        .result("stg_orders", ERROR, "Database Error in model stg_orders (models/stg_orders.sql)\n  boom")
        .result("orders", SKIPPED).result("revenue", SKIPPED).result("customers", SUCCESS);

    TriageReport report = run.triage("run");

    assertThat(report.failures()).extracting(RootCause::uniqueId).containsExactly("model.shop.stg_orders");
    RootCause root = report.roots().get(0);
    assertThat(root.kind()).isEqualTo(RootKind.FAILED_NODE);
    assertThat(root.skipped()).containsExactly("model.shop.orders", "model.shop.revenue");
    // dbt's header names the node; the line after it says what went wrong.
    assertThat(root.firstLine()).isEqualTo("boom");
    assertThat(report.skippedBy()).containsEntry("model.shop.revenue", List.of("model.shop.stg_orders"));
    assertThat(root.record().recoveryCommand()).isEqualTo("dbt run --select stg_orders+");
  }

  @Test
  void theLineThatMattersSkipsDbtsHeaderAndJoinsADanglingColon() {
    String snowflake = "Database Error in model fct_tickets (models/marts/fct_tickets.sql)\n"
        + "  003001 (42501): SQL access control error:\n  Insufficient privileges to operate on table 'FCT_TICKETS'\n"
        + "  compiled code at target/run/x.sql";
    assertThat(Classifier.lineThatMatters(snowflake))
        .isEqualTo("003001 (42501): SQL access control error: Insufficient privileges to operate on table 'FCT_TICKETS'");
    assertThat(Classifier.lineThatMatters("Got 3 results, configured to fail if != 0"))
        .isEqualTo("Got 3 results, configured to fail if != 0");
    assertThat(Classifier.lineThatMatters("Failure in test unique_x (models/schema.yml)\n  Got 3 results"))
        .isEqualTo("Got 3 results");
    // With timestamps and log levels as a console log has them, and with a custom diagnoser (no classification):
    assertThat(Classifier.lineThatMatters("12:00:01  Database Error in model m (models/m.sql)\n"
        + "12:00:01    relation \"raw.orders\" does not exist")).isEqualTo("relation \"raw.orders\" does not exist");
  }

  @Test
  void aResultForANodeTheManifestLacksIsARootWithNoReach() {
    HandMadeRun run = new HandMadeRun().model("a").result("macro.shop.check_schema", ERROR, "Runtime Error\n  boom");

    TriageReport report = run.triage("run-operation");

    RootCause root = report.root("macro.shop.check_schema").orElseThrow();
    assertThat(root.blastRadius().downstream()).isEmpty();
    assertThat(root.record().recoveryCommand()).isEqualTo("dbt run-operation check_schema");
  }

  @Test
  void partialSuccessSkipsChildrenLikeAnError() {
    HandMadeRun run = new HandMadeRun().model("events_mb").model("sessions", "events_mb")
        .result("events_mb", PARTIAL_SUCCESS).result("sessions", SKIPPED);

    TriageReport report = run.triage("run");

    assertThat(report.root("model.shop.events_mb")).get().extracting(RootCause::skipped)
        .isEqualTo(List.of("model.shop.sessions"));
  }

  @Test
  void buildSkipsTheConsumersOfAFailingTestButNotItsSiblingTests() {
    HandMadeRun run = new HandMadeRun()
        .model("orders").model("revenue", "orders")
        .test("unique_orders_id", "unique", "orders").test("not_null_orders_id", "not_null", "orders")
        .test("not_null_revenue_id", "not_null", "revenue")
        .result("orders", SUCCESS)
        .result("test.shop.unique_orders_id", FAIL, "Got 3 results, configured to fail if != 0")
        .result("test.shop.not_null_orders_id", PASS)
        .result("revenue", SKIPPED).result("test.shop.not_null_revenue_id", SKIPPED);

    TriageReport report = run.triage("build");

    RootCause root = report.root("test.shop.unique_orders_id").orElseThrow();
    assertThat(root.kind()).isEqualTo(RootKind.FAILED_TEST);
    assertThat(root.skipped()).containsExactly("model.shop.revenue", "test.shop.not_null_revenue_id");
    assertThat(report.skippedBy()).doesNotContainKey("test.shop.not_null_orders_id");
    assertThat(root.record().recoveryCommand()).isEqualTo("dbt test --select unique_orders_id --store-failures");
  }

  @Test
  void aFailingTestSkipsNothingUnderDbtRun() {
    HandMadeRun run = new HandMadeRun().model("orders").model("revenue", "orders")
        .test("unique_orders_id", "unique", "orders")
        .result("test.shop.unique_orders_id", FAIL, "Got 3 results, configured to fail if != 0")
        .result("revenue", SKIPPED);

    TriageReport report = run.triage("run");

    assertThat(report.root("test.shop.unique_orders_id").orElseThrow().skipped()).isEmpty();
    assertThat(report.skippedBy()).containsEntry("model.shop.revenue", List.of("unexplained-skip"));
    assertThat(report.root("unexplained-skip")).isPresent();
  }

  @Test
  void aChildOfAMultiParentTestIsSkippedOnlyWhenItDependsOnAllParents() {
    HandMadeRun run = new HandMadeRun()
        .model("customers").model("orders")
        .model("orders_only", "orders")
        .model("customer_orders", "customers", "orders")
        .test("relationships_orders_customer", "relationships", "orders", "customers")
        .result("test.shop.relationships_orders_customer", FAIL, "Got 1 result, configured to fail if != 0")
        .result("orders_only", SUCCESS)
        .result("customer_orders", SKIPPED);

    TriageReport report = run.triage("build");

    RootCause root = report.root("test.shop.relationships_orders_customer").orElseThrow();
    assertThat(root.skipped()).containsExactly("model.shop.customer_orders");
    assertThat(root.blastRadius().downstream()).containsExactly("model.shop.customer_orders");
  }

  @Test
  void aFailingUnitTestSkipsItsModelAndBelow() {
    HandMadeRun run = new HandMadeRun().model("orders").model("revenue", "orders")
        .unitTest("test_discount", "orders")
        .result("unit_test.shop.orders.test_discount", FAIL, "actual differs from expected")
        .result("orders", SKIPPED).result("revenue", SKIPPED);

    TriageReport report = run.triage("build");

    RootCause root = report.root("unit_test.shop.orders.test_discount").orElseThrow();
    assertThat(root.kind()).isEqualTo(RootKind.FAILED_UNIT_TEST);
    assertThat(root.skipped()).containsExactly("model.shop.orders", "model.shop.revenue");
  }

  @Test
  void onErrorContinueStopsPropagationButSkipChildrenWins() {
    HandMadeRun run = new HandMadeRun()
        .model("tolerant", Map.of("materialized", "table", "on_error", "continue"))
        .model("strict")
        .model("only_tolerant", "tolerant")
        .model("both", "tolerant", "strict")
        .result("tolerant", ERROR, "Database Error in model tolerant").result("strict", ERROR, "Database Error")
        .result("only_tolerant", SUCCESS).result("both", SKIPPED);

    TriageReport report = run.triage("run");

    assertThat(report.root("model.shop.tolerant").orElseThrow().skipped()).isEmpty();
    assertThat(report.skippedBy()).containsEntry("model.shop.both", List.of("model.shop.strict"));
  }

  @Test
  void aContinueModelSkipsNothingButItsBlastRadiusIsStillItsDownstream() {
    HandMadeRun run = new HandMadeRun()
        .model("tolerant", Map.of("materialized", "table", "on_error", "continue"))
        .model("child", "tolerant").model("grandchild", "child")
        .result("tolerant", ERROR, "Database Error in model tolerant").result("child", SUCCESS)
        .result("grandchild", SUCCESS);

    RootCause root = run.triage("run").root("model.shop.tolerant").orElseThrow();

    assertThat(root.skipped()).isEmpty();
    assertThat(root.blastRadius().downstream()).containsExactly("model.shop.child", "model.shop.grandchild");
  }

  @Test
  void theCurrentRunPassedAgainAsHistoryIsCountedOnce() {
    HandMadeRun run = new HandMadeRun().model("a").result("a", ERROR, "x");
    RunResults current = run.run("run", "2026-11-20T03:00:00Z");

    TriageReport report = TriageEngine.builder().selectionResolver((m, r) -> Optional.empty()).build()
        .triage(TriageInput.of(run.manifest(), current).withPreviousRuns(List.of(current)));

    FailureHistory h = report.root("model.shop.a").orElseThrow().history().orElseThrow();
    assertThat(h.runsObserved()).isEqualTo(1);
    assertThat(h.pattern()).isEqualTo(HistoryPattern.NEW);
  }

  @Test
  void aPreviousRunIsOlderThanTheCurrentOneWhateverItsClockSays() {
    HandMadeRun today = new HandMadeRun().model("a").result("a", ERROR, "x");
    RunResults earlierButSkewed = new HandMadeRun().result("a", SUCCESS).run("run", "2026-11-21T09:00:00Z");

    TriageReport report = TriageEngine.builder().selectionResolver((m, r) -> Optional.empty()).build()
        .triage(TriageInput.of(today.manifest(), today.run("run", "2026-11-20T03:00:00Z"))
            .withPreviousRuns(List.of(earlierButSkewed)));

    FailureHistory h = report.root("model.shop.a").orElseThrow().history().orElseThrow();
    assertThat(h.consecutiveFailures()).isEqualTo(1);
    assertThat(h.firstSeen()).contains("2026-11-20T03:00:00Z");
  }

  @Test
  void aStaleSourceTheManifestLacksGetsAValidFreshnessSelector() {
    assertThat(TriageEngine.sourceSelectorName("source.shop.stripe.payments")).isEqualTo("stripe.payments");
    assertThat(TriageEngine.sourceSelectorName("model.shop.x")).isEqualTo("model.shop.x");
  }

  @Test
  void anEphemeralParentsErrorIsOneRootForEveryChildItBreaks() {
    HandMadeRun run = new HandMadeRun()
        .model("base", Map.of("materialized", "ephemeral"))
        .model("a", "base").model("b", "base").model("a_child", "a")
        .result("a", ERROR, "Database Error in model a (models/a.sql)\n  invalid identifier 'X' in __dbt__cte__base")
        .result("b", ERROR, "Database Error in model b (models/b.sql)\n  syntax error near __dbt__cte__base")
        .result("a_child", SKIPPED);

    TriageReport report = run.triage("run");

    assertThat(report.failures()).extracting(RootCause::uniqueId).containsExactly("model.shop.base");
    RootCause root = report.roots().get(0);
    assertThat(root.kind()).isEqualTo(RootKind.EPHEMERAL_PARENT);
    assertThat(root.relatedFailures()).containsExactly("model.shop.a", "model.shop.b");
    assertThat(root.skipped()).containsExactly("model.shop.a_child");
  }

  @Test
  void failFastSkipsAreAttributedToTheFirstFailure() {
    HandMadeRun run = new HandMadeRun().model("broken").model("unrelated")
        .result("broken", ERROR, "Database Error in model broken")
        .result("unrelated", SKIPPED, "Skipping due to fail_fast");

    TriageReport report = run.triage("run");

    assertThat(report.skippedBy()).containsEntry("model.shop.unrelated", List.of("model.shop.broken"));
    assertThat(report.root("model.shop.broken").orElseThrow().skipped()).containsExactly("model.shop.unrelated");
  }

  @Test
  void aNodeBelowTwoFailuresIsListedUnderEach() {
    HandMadeRun run = new HandMadeRun().model("a").model("b").model("ab", "a", "b")
        .result("a", ERROR, "Database Error").result("b", ERROR, "Database Error").result("ab", SKIPPED);

    TriageReport report = run.triage("run");

    assertThat(report.skippedBy()).containsEntry("model.shop.ab", List.of("model.shop.a", "model.shop.b"));
    assertThat(report.root("model.shop.a").orElseThrow().skipped()).containsExactly("model.shop.ab");
    assertThat(report.root("model.shop.b").orElseThrow().skipped()).containsExactly("model.shop.ab");
  }

  @Test
  void severityFollowsTheRunbookThresholdsAndRootsAreOrderedByIt() {
    HandMadeRun run = new HandMadeRun().model("leaf").model("hub");
    for (int i = 0; i < 51; i++) {
      run.model("mart_" + i, "hub");
    }
    run.model("small").model("s1", "small").model("s2", "small").model("s3", "small");
    run.result("leaf", ERROR, "x").result("hub", ERROR, "x").result("small", ERROR, "x");

    TriageReport report = run.triage("run");

    assertThat(report.roots()).extracting(RootCause::uniqueId)
        .containsExactly("model.shop.hub", "model.shop.small", "model.shop.leaf");
    assertThat(report.roots()).extracting(RootCause::severity)
        .containsExactly(Severity.MAJOR, Severity.MODERATE, Severity.MINOR);
    assertThat(report.maxSeverity()).contains(Severity.MAJOR);

    TriageReport strict = TriageEngine.builder().majorThreshold(2).minorThreshold(0).build()
        .triage(TriageInput.of(run.manifest(), run.run("run")));
    assertThat(strict.root("model.shop.small").orElseThrow().severity()).isEqualTo(Severity.MAJOR);
  }

  @Test
  void blastRadiusNamesExposuresAndOwners() {
    HandMadeRun run = new HandMadeRun().model("orders")
        .node(Node.builder("model.shop.revenue", ResourceType.MODEL).dependsOnNodes(List.of("model.shop.orders"))
            .meta(Map.of("owner", "finance-analytics")).config(Map.of("materialized", "table")).build())
        .exposure("exec_dashboard", "Dana", "dana@example.com", "revenue")
        .result("orders", ERROR, "Database Error");

    RootCause root = run.triage("run").roots().get(0);

    assertThat(root.blastRadius().downstream())
        .containsExactly("exposure.shop.exec_dashboard", "model.shop.revenue");
    assertThat(root.blastRadius().countsByResourceType())
        .containsEntry(ResourceType.MODEL, 1).containsEntry(ResourceType.EXPOSURE, 1);
    assertThat(root.blastRadius().exposures()).singleElement().satisfies(e -> {
      assertThat(e.owner()).contains("Dana <dana@example.com>");
      assertThat(e.type()).contains("dashboard");
    });
    assertThat(root.blastRadius().owners()).containsExactly("finance-analytics");
    assertThat(root.record().blastRadius()).isEqualTo("2 downstream nodes (1 model, 1 exposure), 1 exposure");
  }

  @Test
  void historyTellsPersistentFromFlaky() {
    HandMadeRun today = new HandMadeRun().model("p").model("f")
        .result("p", ERROR, "x").result("f", ERROR, "x");
    RunResults d1 = new HandMadeRun().result("p", ERROR).result("f", ERROR).run("run", "2026-11-17T03:00:00Z");
    RunResults d2 = new HandMadeRun().result("p", ERROR).result("f", SUCCESS).run("run", "2026-11-18T03:00:00Z");
    RunResults d3 = new HandMadeRun().result("p", ERROR).result("f", ERROR).run("run", "2026-11-19T03:00:00Z");

    TriageInput input = TriageInput.of(today.manifest(), today.run("run", "2026-11-20T03:00:00Z"))
        .withPreviousRuns(List.of(d3, d1, d2));
    TriageReport report = TriageEngine.builder().build().triage(input);

    FailureHistory p = report.root("model.shop.p").orElseThrow().history().orElseThrow();
    assertThat(p.pattern()).isEqualTo(HistoryPattern.PERSISTENT);
    assertThat(p.consecutiveFailures()).isEqualTo(4);
    assertThat(p.firstSeen()).contains("2026-11-17T03:00:00Z");
    FailureHistory f = report.root("model.shop.f").orElseThrow().history().orElseThrow();
    assertThat(f.pattern()).isEqualTo(HistoryPattern.FLAKY);
    assertThat(f.consecutiveFailures()).isEqualTo(2);
    assertThat(f.firstSeen()).contains("2026-11-19T03:00:00Z");
  }

  @Test
  void historyGivesTheNodesNormalExecutionTime() {
    HandMadeRun today = new HandMadeRun().model("p").result("p", ERROR, "x");
    RunResults d1 = timed(new HandMadeRun().result("p", SUCCESS).run("run", "2026-11-17T03:00:00Z"), 2.0);
    RunResults d2 = timed(new HandMadeRun().result("p", SUCCESS).run("run", "2026-11-18T03:00:00Z"), 4.0);
    RunResults d3 = timed(new HandMadeRun().result("p", SUCCESS).run("run", "2026-11-19T03:00:00Z"), 3.0);
    RunResults d4 = timed(new HandMadeRun().result("p", ERROR).run("run", "2026-11-19T04:00:00Z"), 600.0);
    RunResults now = timed(today.run("run", "2026-11-20T03:00:00Z"), 40.0);

    TriageReport report = TriageEngine.builder().build()
        .triage(TriageInput.of(today.manifest(), now).withPreviousRuns(List.of(d1, d2, d3, d4)));

    // the median of the good previous runs: the failed one and today's do not count
    FailureHistory h = report.root("model.shop.p").orElseThrow().history().orElseThrow();
    assertThat(h.normalExecutionTime()).hasValue(3.0);
    assertThat(ReportFormat.TEXT.render(report)).contains("ran 40.0 s (usually 3.0 s)");
    assertThat(ReportFormat.JSON.render(report)).contains("\"normal_execution_time\" : 3.0");
  }

  private static RunResults timed(RunResults run, double seconds) {
    return new RunResults(run.metadata(), run.args(), run.elapsedTime(),
        run.results().stream().map(r -> r.withExecutionTime(seconds)).toList(), run.warnings());
  }

  @Test
  void staleSourcesAreRootsWithTheirReaders() {
    HandMadeRun run = new HandMadeRun().source("stripe", "payments").model("stg_payments", "source.shop.stripe.payments")
        .result("stg_payments", SUCCESS);
    ArtifactMetadata meta = new ArtifactMetadata(ArtifactKind.SOURCES, 3, "", Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    SourceFreshness sources = new SourceFreshness(meta, OptionalDouble.empty(), List.of(
        new FreshnessResult("source.shop.stripe.payments", FreshnessStatus.ERROR, "error",
            Optional.of("2026-11-18T00:00:00Z"), Optional.empty(), OptionalDouble.of(172800), Map.of(),
            Optional.empty(), 0.1)), List.of());
    TriageInput input = new TriageInput(run.manifest(), RunState.of(List.of(run.run("build"))), List.of(),
        Optional.of(sources), Optional.empty());

    TriageReport report = TriageEngine.builder().build().triage(input);

    RootCause root = report.root("source.shop.stripe.payments").orElseThrow();
    assertThat(root.kind()).isEqualTo(RootKind.SOURCE_FRESHNESS);
    assertThat(root.blastRadius().downstream()).containsExactly("model.shop.stg_payments");
    assertThat(root.firstLine()).isEqualTo(
        "ERROR STALE freshness of stripe.payments: max_loaded_at 2026-11-18T00:00:00Z (48.0 hours ago)");
    assertThat(root.record().recoveryCommand()).isEqualTo("dbt source freshness --select source:stripe.payments");
    assertThat(root.record().resolution()).isEqualTo(ResolutionKind.UPSTREAM);
  }

  @Test
  void warningsAreInfoAndComeLast() {
    HandMadeRun run = new HandMadeRun().model("orders").test("accepted_values_status", "accepted_values", "orders")
        .model("x").result("test.shop.accepted_values_status", WARN, "Got 2 results, configured to warn if != 0")
        .result("x", ERROR, "Database Error");

    TriageReport report = run.triage("build");

    assertThat(report.roots()).extracting(RootCause::kind).containsExactly(RootKind.FAILED_NODE, RootKind.WARNING);
    assertThat(report.roots().get(1).severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void byDefaultTheInvocationsOwnSelectionIsReEvaluatedWithTheSelector() {
    HandMadeRun run = new HandMadeRun().model("stg_a").model("a", "stg_a").model("b", "a").model("other")
        .model("eph", Map.of("materialized", "ephemeral"), "stg_a")
        .args(List.of("stg_a+"), List.of())
        .result("stg_a", SUCCESS).result("a", SUCCESS);

    TriageReport report = TriageEngine.builder().build().triage(TriageInput.of(run.manifest(), run.run("run")));

    // stg_a+ selects stg_a, a, b and the ephemeral eph; eph never runs, b was lost; "other" was never selected.
    assertThat(report.neverRan()).containsExactly("model.shop.b");
    assertThat(report.root("never-ran").orElseThrow().record().recoveryCommand()).isEqualTo("dbt run --select b");
  }

  @Test
  void nodesTheInvocationSelectedButNeverRanAreOneRoot() {
    HandMadeRun run = new HandMadeRun().model("a").model("b").model("c", "b")
        .model("eph", Map.of("materialized", "ephemeral"))
        .result("a", SUCCESS);
    TriageEngine engine = TriageEngine.builder()
        .selectionResolver((m, r) -> Optional.of(Set.of("model.shop.a", "model.shop.b", "model.shop.c",
            "model.shop.eph")))
        .build();

    TriageReport report = engine.triage(TriageInput.of(run.manifest(), run.run("run")));

    assertThat(report.neverRan()).containsExactly("model.shop.b", "model.shop.c");
    RootCause root = report.root("never-ran").orElseThrow();
    assertThat(root.relatedFailures()).containsExactly("model.shop.b", "model.shop.c");
    assertThat(root.record().recoveryCommand()).isEqualTo("dbt run --select b c");
  }
}
