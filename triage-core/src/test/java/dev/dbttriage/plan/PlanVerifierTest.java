package dev.dbttriage.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbttriage.TriageException;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.internal.lineage.ProjectCore;
import dev.dbttriage.lineage.Project;
import dev.dbttriage.triage.HandMadeRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plan's verifier and its lineage view, apart from the planner that drives them. */
class PlanVerifierTest {
  private static final String STG = "model.shop.stg_orders";
  private static final String ORDERS = "model.shop.orders";
  private static final String REVENUE = "model.shop.revenue";
  private static final String OTHER = "model.shop.other";

  private final Manifest manifest = new HandMadeRun().model("stg_orders").model("orders", "stg_orders")
      .model("revenue", "orders").model("other").manifest();
  private final PlanLineage lineage =
      new PlanLineage(ProjectCore.of(Project.of(manifest)).index(), "run", Set.of());

  private static String command(List<String> select, List<String> exclude) {
    return "dbt run --select " + String.join(" ", select)
        + (exclude.isEmpty() ? "" : " --exclude " + String.join(" ", exclude));
  }

  @Test
  void theGivenSelectionStandsWhenItSelectsExactlyTheStepsNodes() {
    List<String> problems = new ArrayList<>();
    PlanVerifier verifier = new PlanVerifier(Optional.of(new ToySelector(manifest)), "run", lineage, problems);

    PlanVerifier.Selection chosen = verifier.choose(1, Set.of(STG, ORDERS, REVENUE), List.of("stg_orders+"),
        List.of(), PlanVerifierTest::command);

    assertThat(chosen).isEqualTo(new PlanVerifier.Selection(List.of("stg_orders+"), List.of(), true));
    assertThat(problems).isEmpty();
  }

  @Test
  void aSelectionThatReachesTooFarIsRepairedWithAnExclusionOrReplacedByAShorterExactOne() {
    List<String> problems = new ArrayList<>();
    PlanVerifier verifier = new PlanVerifier(Optional.of(new ToySelector(manifest)), "run", lineage, problems);

    // stg_orders+ also reaches revenue; the candidates that execute exactly {stg_orders, orders} are the repair
    // (stg_orders+ --exclude revenue) and every node by name, in unique-id order: the shorter command wins.
    PlanVerifier.Selection chosen = verifier.choose(1, Set.of(STG, ORDERS), List.of("stg_orders+"), List.of(),
        PlanVerifierTest::command);

    assertThat(chosen.verified()).isTrue();
    assertThat(command(chosen.select(), chosen.exclude())).isEqualTo("dbt run --select orders stg_orders");
    assertThat(problems).isEmpty();
  }

  @Test
  void withoutAnEvaluatorNothingIsVerified() {
    List<String> problems = new ArrayList<>();
    PlanVerifier verifier = new PlanVerifier(Optional.empty(), "run", lineage, problems);

    PlanVerifier.Selection chosen = verifier.choose(1, Set.of(STG), List.of("stg_orders+"), List.of(),
        PlanVerifierTest::command);

    assertThat(verifier.active()).isFalse();
    assertThat(chosen).isEqualTo(new PlanVerifier.Selection(List.of("stg_orders+"), List.of(), false));
    assertThat(problems).isEmpty();
  }

  @Test
  void whenNoSelectionEvaluatesTheStepListsItsNodesByNameUnverified() {
    List<String> problems = new ArrayList<>();
    SelectionEvaluator broken = (command, select, exclude) -> {
      throw new TriageException("no selector here");
    };
    PlanVerifier verifier = new PlanVerifier(Optional.of(broken), "run", lineage, problems);

    PlanVerifier.Selection chosen = verifier.choose(3, Set.of(ORDERS, STG), List.of("stg_orders+"), List.of(),
        PlanVerifierTest::command);

    assertThat(chosen).isEqualTo(new PlanVerifier.Selection(List.of("orders", "stg_orders"), List.of(), false));
    assertThat(problems).contains("selection stg_orders+ did not evaluate: no selector here",
        "step 3: no selection found that executes exactly its 2 node(s); listing them by name");
  }

  @Test
  void coverageNamesWhatNoStepRebuildsWhatTwoStepsRebuildAndWhatShouldNotBeRebuilt() {
    List<PlanStep> steps = List.of(
        new PlanStep(1, StepKind.DEPS, "dbt deps", List.of(), List.of(), false, List.of(), false, "packages"),
        new PlanStep(2, StepKind.RESCUE, "dbt run --select stg_orders orders", List.of("stg_orders", "orders"),
            List.of(), false, List.of(ORDERS, STG), true, "rescue"),
        new PlanStep(3, StepKind.RESCUE, "dbt run --select orders other", List.of("orders", "other"), List.of(),
            false, List.of(ORDERS, OTHER), true, "rescue"));

    assertThat(PlanVerifier.coverage(steps, Set.of(STG, ORDERS, REVENUE))).containsExactlyInAnyOrder(
        "no step rebuilds " + REVENUE,
        ORDERS + " is rebuilt by 2 steps",
        OTHER + " is rebuilt but did not fail, skip or go missing");
  }

  @Test
  void theLineageViewNamesTopsOfASetAndItsOwnTests() {
    assertThat(lineage.tokensFor(new java.util.TreeSet<>(Set.of(STG, ORDERS, REVENUE))))
        .containsExactly("stg_orders+");
    assertThat(lineage.tokensFor(Set.of(REVENUE))).containsExactly("revenue");
    assertThat(lineage.descendants(STG)).containsExactlyInAnyOrder(ORDERS, REVENUE);
    assertThat(lineage.ancestors(REVENUE)).containsExactlyInAnyOrder(STG, ORDERS);
    assertThat(lineage.parents(ORDERS)).containsExactly(STG);
    assertThat(lineage.executes("model.shop.not_in_manifest")).isFalse();
    assertThat(lineage.selectorName("model.shop.not_in_manifest")).isEqualTo("model.shop.not_in_manifest");
  }
}
