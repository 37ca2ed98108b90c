package dev.dbttriage.plan;

import static dev.dbttriage.artifact.RunStatus.ERROR;
import static dev.dbttriage.artifact.RunStatus.FAIL;
import static dev.dbttriage.artifact.RunStatus.PASS;
import static dev.dbttriage.artifact.RunStatus.SKIPPED;
import static dev.dbttriage.artifact.RunStatus.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbttriage.artifact.Column;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.triage.HandMadeRun;
import dev.dbttriage.triage.TriageEngine;
import dev.dbttriage.triage.TriageInput;
import dev.dbttriage.triage.TriageReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RescuePlannerTest {

  private static RescuePlan plan(HandMadeRun run, String command, RescuePlanner.Builder builder) {
    TriageReport report = run.triage(command);
    return builder.evaluator(new ToySelector(run.manifest())).build().plan(report, run.manifest());
  }

  /** The plan's property: every failed, skipped and never-ran node executed exactly once, nothing else. */
  private static void assertExact(RescuePlan plan, HandMadeRun run) {
    ToySelector selector = new ToySelector(run.manifest());
    List<String> executed = new ArrayList<>();
    for (PlanStep step : plan.steps()) {
      if (step.kind() == StepKind.FRESHNESS_CHECK || step.kind() == StepKind.UPSTREAM_LAYER) {
        continue;
      }
      executed.addAll(selector.evaluate(plan.command(), step.select(), step.exclude()));
    }
    assertThat(executed).doesNotHaveDuplicates();
    assertThat(new HashSet<>(executed)).isEqualTo(new HashSet<>(plan.intended()));
    assertThat(plan.problems()).isEmpty();
    assertThat(plan.verified()).isTrue();
  }

  @Test
  void oneRootIsItsSubtreeMatchingTheOriginalCommand() {
    HandMadeRun run = new HandMadeRun().model("stg_orders").model("orders", "stg_orders").model("other")
        .result("stg_orders", ERROR, "Database Error").result("orders", SKIPPED).result("other", SUCCESS);

    RescuePlan plan = plan(run, "run", RescuePlanner.builder());

    assertThat(plan.steps()).extracting(PlanStep::command).containsExactly("dbt run --select stg_orders+");
    assertThat(plan.intended()).containsExactly("model.shop.orders", "model.shop.stg_orders");
    assertThat(plan.retry().recommended()).isTrue();
    assertExact(plan, run);
  }

  @Test
  void anOutageGoesIntoOneRunWithEveryRoot() {
    HandMadeRun run = new HandMadeRun().model("a").model("b").model("c").model("a1", "a").model("bc", "b", "c")
        .result("a", ERROR, "x").result("b", ERROR, "x").result("c", ERROR, "x")
        .result("a1", SKIPPED).result("bc", SKIPPED);

    RescuePlan plan = plan(run, "run", RescuePlanner.builder());

    assertThat(plan.steps()).singleElement().extracting(PlanStep::command)
        .isEqualTo("dbt run --select a+ b+ c+");
    assertExact(plan, run);
  }

  @Test
  void aBigOutageIsGroupedByLineageIntoSeveralRuns() {
    HandMadeRun run = new HandMadeRun();
    for (String src : List.of("x", "y")) {
      run.model("hub_" + src);
      for (int i = 0; i < 3; i++) {
        run.model(src + i, "hub_" + src).model(src + i + "_mart", src + i);
        run.result(src + i, ERROR, "boom").result(src + i + "_mart", SKIPPED);
      }
    }

    RescuePlan plan = plan(run, "run", RescuePlanner.builder().maxRootsPerRun(3));

    assertThat(plan.steps()).hasSize(2).allSatisfy(s -> assertThat(s.kind()).isEqualTo(StepKind.RESCUE));
    assertThat(plan.steps().get(0).command()).isEqualTo("dbt run --select x0+ x1+ x2+");
    assertThat(plan.steps().get(1).command()).isEqualTo("dbt run --select y0+ y1+ y2+");
    assertExact(plan, run);
  }

  @Test
  void buildRescueKeepsTestsAndTakesTheConsumersOfAFailingTest() {
    HandMadeRun run = new HandMadeRun().model("orders").model("revenue", "orders")
        .test("unique_orders_id", "unique", "orders").test("not_null_revenue_id", "not_null", "revenue")
        .result("orders", SUCCESS).result("test.shop.unique_orders_id", FAIL, "Got 2 results, configured to fail if != 0")
        .result("revenue", SKIPPED).result("test.shop.not_null_revenue_id", SKIPPED);

    RescuePlan plan = plan(run, "build", RescuePlanner.builder());

    assertThat(plan.command()).isEqualTo("build");
    assertThat(plan.intended()).containsExactly("model.shop.revenue", "test.shop.not_null_revenue_id",
        "test.shop.unique_orders_id");
    assertThat(plan.steps()).singleElement().extracting(PlanStep::command)
        .isEqualTo("dbt build --select revenue+ unique_orders_id");
    assertExact(plan, run);
  }

  @Test
  void aKilledRunResumesWithTheOriginalSelectionMinusWhatSucceeded() {
    HandMadeRun run = new HandMadeRun().model("int_model").model("dep_1", "int_model").model("dep_2", "int_model")
        .model("dep_3", "dep_2").model("dep_4", "dep_3")
        .args(List.of("int_model+"), List.of())
        .result("int_model", SUCCESS).result("dep_1", SUCCESS).result("dep_2", SUCCESS);
    TriageEngine engine = TriageEngine.builder().selectionResolver((m, r) -> Optional.of(
        new ToySelector(m).evaluate("run", r.args().select(), r.args().exclude()))).build();
    TriageReport report = engine.triage(TriageInput.of(run.manifest(), run.run("run")));

    RescuePlan plan = RescuePlanner.builder().evaluator(new ToySelector(run.manifest())).build()
        .plan(report, run.manifest());

    assertThat(report.neverRan()).containsExactly("model.shop.dep_3", "model.shop.dep_4");
    PlanStep step = plan.steps().get(0);
    assertThat(step.kind()).isEqualTo(StepKind.RESUME);
    // The original selection minus what succeeded holds, but the shorter equivalent wins.
    assertThat(step.command()).isEqualTo("dbt run --select dep_3+");
    assertThat(plan.retry().recommended()).isFalse();
    assertThat(plan.retry().reasons()).first().asString().contains("cannot see the 2 node(s) that never ran");
    assertExact(plan, run);
  }

  @Test
  void fullRefreshIsScopedToExactlyTheModelsThatNeedItInTheirOwnStep() {
    HandMadeRun run = new HandMadeRun()
        .model("events", Map.of("materialized", "incremental", "unique_key", "id")).model("daily", "events")
        .test("not_null_events_id", "not_null", "events")
        .result("events", ERROR, "The source and target schemas on this incremental model are out of sync!")
        .result("test.shop.not_null_events_id", SKIPPED).result("daily", SKIPPED);

    RescuePlan plan = plan(run, "build", RescuePlanner.builder().fullRefresh(List.of("model.shop.events")));

    assertThat(plan.steps()).extracting(PlanStep::kind).containsExactly(StepKind.FULL_REFRESH, StepKind.RESCUE);
    PlanStep refresh = plan.steps().get(0);
    assertThat(refresh.command()).isEqualTo("dbt build --select events --full-refresh");
    assertThat(refresh.nodes()).containsExactly("model.shop.events", "test.shop.not_null_events_id");
    assertThat(plan.steps().get(1).nodes()).containsExactly("model.shop.daily");
    assertThat(plan.retry().recommended()).isFalse();
    assertExact(plan, run);
  }

  @Test
  void aHeavyTargetIsRebuiltInLayersUpstreamFirstWhenItWasFixed() {
    HandMadeRun run = new HandMadeRun().model("raw_orders").model("fct_orders", "raw_orders")
        .model("mart_a", "fct_orders").model("mart_b", "fct_orders")
        .result("raw_orders", SUCCESS).result("fct_orders", ERROR, "timeout")
        .result("mart_a", SKIPPED).result("mart_b", SKIPPED);
    RunResults lastWeek = new HandMadeRun()
        .result("fct_orders", SUCCESS).run("run", "2026-11-13T03:00:00Z");
    List<RunResult> timed = new ArrayList<>();
    for (RunResult r : lastWeek.results()) {
      timed.add(r.withExecutionTime(1800));
    }
    RunResults history = new RunResults(lastWeek.metadata(), lastWeek.args(), lastWeek.elapsedTime(), timed,
        List.of());

    RescuePlan plan = plan(run, "run", RescuePlanner.builder().history(List.of(history))
        .upstreamFixed(List.of("model.shop.fct_orders")));

    assertThat(plan.steps()).extracting(PlanStep::kind)
        .containsExactly(StepKind.UPSTREAM_LAYER, StepKind.TARGET_LAYER, StepKind.DOWNSTREAM_LAYER);
    assertThat(plan.steps()).extracting(PlanStep::command).containsExactly(
        "dbt run --select +fct_orders --exclude fct_orders",
        "dbt run --select fct_orders",
        "dbt run --select mart_a mart_b");
    assertThat(plan.steps().get(1).reason()).contains("normal runtime 1800 s");
    assertExact(plan, run);
  }

  @Test
  void aHeavyTargetsDownstreamLayerLeavesNodesBelowAnotherFailureToTheRescueStep() {
    HandMadeRun run = new HandMadeRun().model("fct_orders").model("stg_other")
        .model("mart_a", "fct_orders").model("mart_shared", "fct_orders", "stg_other")
        .result("fct_orders", ERROR, "timeout").result("stg_other", ERROR, "boom")
        .result("mart_a", SKIPPED).result("mart_shared", SKIPPED);
    RunResults lastWeek = new HandMadeRun().result("fct_orders", SUCCESS).run("run", "2026-11-13T03:00:00Z");
    RunResults history = new RunResults(lastWeek.metadata(), lastWeek.args(), lastWeek.elapsedTime(),
        List.of(lastWeek.results().get(0).withExecutionTime(1800)), List.of());

    RescuePlan plan = plan(run, "run", RescuePlanner.builder().history(List.of(history)));

    assertThat(plan.steps()).extracting(PlanStep::kind)
        .containsExactly(StepKind.TARGET_LAYER, StepKind.DOWNSTREAM_LAYER, StepKind.RESCUE);
    assertThat(plan.steps().get(1).nodes()).containsExactly("model.shop.mart_a");
    // mart_shared also reads stg_other, which only the last step rebuilds: it waits for it.
    assertThat(plan.steps().get(2).nodes()).containsExactly("model.shop.mart_shared", "model.shop.stg_other");
    assertExact(plan, run);
  }

  @Test
  void markdownPlansCarryTheirWarnings() {
    HandMadeRun run = new HandMadeRun().model("a").result("a", ERROR, "x");
    RescuePlan plan = plan(run, "run", RescuePlanner.builder().scheduled("bogus:x"));

    assertThat(plan.problems()).isNotEmpty();
    assertThat(PlanFormat.MARKDOWN.render(plan)).contains("## Warnings\n\n- scheduled selection 'bogus:x'");
  }

  @Test
  void contentionNamesTheScheduledRunsThatWriteTheSameTables() {
    HandMadeRun run = new HandMadeRun().model("a").model("b", "a").model("c")
        .result("a", ERROR, "x").result("b", SKIPPED).result("c", SUCCESS);

    RescuePlan plan = plan(run, "run", RescuePlanner.builder().scheduled("b+").scheduled("c"));

    assertThat(plan.contention()).singleElement().satisfies(c -> {
      assertThat(c.step()).isEqualTo(1);
      assertThat(c.scheduledSelection()).isEqualTo("b+");
      assertThat(c.overlap()).containsExactly("model.shop.b");
    });
  }

  @Test
  void postRunChecksCoverTestsRowCountsAndExposures() {
    HandMadeRun run = new HandMadeRun()
        .node(Node.builder("model.shop.orders", ResourceType.MODEL).relationName("analytics.marts.orders")
            .rawCode("select * from {{ ref('stg_orders') }}")
            .columns(Map.of("ordered_at", new Column("ordered_at", Optional.of("timestamp"), "", List.of(), Map.of())))
            .config(Map.of("materialized", "table")).build())
        .exposure("board", "Dana", "dana@example.com", "orders")
        .result("orders", ERROR, "x");

    RescuePlan plan = plan(run, "run", RescuePlanner.builder());

    assertThat(plan.checks()).extracting(PostRunCheck::kind).containsExactly(PostRunCheck.Kind.TESTS_PASSED,
        PostRunCheck.Kind.ROW_COUNT_AND_MAX_DATE, PostRunCheck.Kind.EXPOSURE);
    assertThat(plan.checks().get(0).detail()).isEqualTo("dbt test --select orders");
    assertThat(plan.checks().get(1).detail())
        .isEqualTo("select count(*) as row_count, max(ordered_at) as max_date from analytics.marts.orders");
    assertThat(plan.checks().get(2).detail()).contains("owner Dana <dana@example.com>");
  }

  @Test
  void retryIsRightWhenNothingIsLostOrRefreshed() {
    HandMadeRun run = new HandMadeRun().model("a").model("b", "a").result("a", ERROR, "x").result("b", SKIPPED);
    RescuePlan plan = plan(run, "build", RescuePlanner.builder());
    assertThat(plan.retry().recommended()).isTrue();
    assertThat(plan.retry().reasons()).singleElement().asString().startsWith("`dbt retry` re-runs exactly");
  }

  @Test
  void theSelectionPropertyHoldsOnRandomGraphs() {
    java.util.Random random = new java.util.Random(7);
    for (int trial = 0; trial < 40; trial++) {
      HandMadeRun run = new HandMadeRun();
      int n = 8 + random.nextInt(25);
      List<String> names = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        List<String> parents = new ArrayList<>();
        for (String p : names) {
          if (random.nextInt(5) == 0) {
            parents.add(p);
          }
        }
        String name = "m" + i;
        run.model(name, parents.toArray(new String[0]));
        if (random.nextBoolean()) {
          run.test("t" + i, "not_null", name);
        }
        names.add(name);
      }
      String command = random.nextBoolean() ? "build" : "run";
      Set<String> failed = new HashSet<>();
      for (String name : names) {
        boolean skipped = run.nodes.get("model.shop." + name).dependsOnNodes().stream()
            .anyMatch(p -> failed.contains(p));
        if (skipped) {
          failed.add("model.shop." + name);
          run.result(name, SKIPPED);
        } else if (random.nextInt(6) == 0) {
          failed.add("model.shop." + name);
          run.result(name, ERROR, "x");
        } else {
          run.result(name, SUCCESS);
        }
        if (command.equals("build") && run.nodes.containsKey("test.shop.t" + name.substring(1))) {
          RunStatus status = failed.contains("model.shop." + name) ? SKIPPED : PASS;
          run.result("test.shop.t" + name.substring(1), status);
        }
      }
      RescuePlan plan = plan(run, command, RescuePlanner.builder().maxRootsPerRun(1 + random.nextInt(3)));
      assertExact(plan, run);
    }
  }
}
