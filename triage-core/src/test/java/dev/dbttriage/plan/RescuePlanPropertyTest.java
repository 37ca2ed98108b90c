package dev.dbttriage.plan;

import static dev.dbttriage.artifact.RunStatus.ERROR;
import static dev.dbttriage.artifact.RunStatus.FAIL;
import static dev.dbttriage.artifact.RunStatus.PASS;
import static dev.dbttriage.artifact.RunStatus.SKIPPED;
import static dev.dbttriage.artifact.RunStatus.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.TargetArtifacts;
import dev.dbttriage.select.SelectorEngine;
import dev.dbttriage.triage.HandMadeRun;
import dev.dbttriage.triage.TriageEngine;
import dev.dbttriage.triage.TriageInput;
import dev.dbttriage.triage.TriageReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The planner's promise, checked with the library's own selector engine: the rescue steps together execute every
 * failed, skipped and never-ran node exactly once, and nothing else.
 */
class RescuePlanPropertyTest {
  private static final Path ARTIFACTS =
      Path.of(System.getProperty("dbttriage.shared", "../../shared")).resolve("fixtures/artifacts");

  static Stream<String> failingRuns() {
    return Stream.of(
        "2moonyo_global-trade-intelligence-pipeline/1.11.7_7454878",
        "3fid_DBT-Hackathon-2024/1.7.14_931c268",
        "Barsik-sus_nba-monte-carlo/1.4.5_d84c03a",
        "DucAnhNTT_dbt-hands-on-Airbnb-Analysis/1.6.6_bb6a2d2",
        "Nigel-Brown_learn-dbt/1.3.0_80b47f7",
        "WillaneJaures_snow_dbt/1.9.4_00f8baf",
        "lalithadurgempudi_gcp-hospital-medallion/1.12.2_70dc255",
        "lalithadurgempudi_gcp-hospital-medallion/1.12.2_efc920f",
        "medsidd_whyline-denver/1.8.5_bcaf495",
        "openlineage/fail",
        "samuelzhang1201_customer_case/1.7.2_486e4aa",
        "Anas-REBAI_football-data-pipeline-Dagster/1.9.4_85cbdc6",
        "9161517284b-png_dbt-datavault-postgres/1.4.0_774ee37",
        "jazzDung_financial/1.5.1_75a995f");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failingRuns")
  void holdsOnEveryRealFailingRun(String dir) {
    Path target = ARTIFACTS.resolve(dir);
    assumeTrue(Files.isRegularFile(target.resolve("manifest.json")), "fixture corpus not present");
    TargetArtifacts artifacts = Artifacts.readTarget(target);
    TriageReport report = TriageEngine.builder().build().triage(TriageInput.of(artifacts));
    for (int maxRoots : new int[] {50, 1}) {
      assertExact(report, artifacts.manifest(), maxRoots);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void holdsOnGeneratedRuns(int seed) {
    Random random = new Random(seed);
    HandMadeRun run = new HandMadeRun();
    int n = 20 + random.nextInt(60);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> parents = new ArrayList<>();
      for (String p : names) {
        if (random.nextInt(Math.max(3, names.size() / 2)) == 0) {
          parents.add(p);
        }
      }
      String name = "m" + i;
      run.model(name, parents.toArray(new String[0]));
      if (random.nextInt(3) > 0) {
        run.test("not_null_" + name + "_id", "not_null", name);
      }
      if (!parents.isEmpty() && random.nextInt(4) == 0) {
        run.test("relationships_" + name + "_" + parents.get(0), "relationships", name, parents.get(0));
      }
      names.add(name);
    }
    String command = random.nextBoolean() ? "build" : "run";
    // Simulate dbt: a node is skipped below a failure (and, in build, below a failing test).
    Set<String> broken = new HashSet<>();
    for (String name : names) {
      String id = "model.shop." + name;
      boolean skipped = run.nodes.get(id).dependsOnNodes().stream().anyMatch(broken::contains);
      if (skipped) {
        run.result(name, SKIPPED);
        broken.add(id);
      } else if (random.nextInt(7) == 0) {
        run.result(name, ERROR, "Database Error in model " + name + " (models/" + name + ".sql)\n  boom");
        broken.add(id);
      } else {
        run.result(name, SUCCESS);
      }
      if (command.equals("build")) {
        for (String testId : List.copyOf(run.nodes.keySet())) {
          if (!testId.startsWith("test.") || !run.nodes.get(testId).dependsOnNodes().contains(id)) {
            continue;
          }
          // A test runs after the last of its parents (the tested model comes after the one it refers to).
          List<String> deps = run.nodes.get(testId).dependsOnNodes();
          String last = deps.stream().max(java.util.Comparator.comparingInt(
              d -> Integer.parseInt(d.substring("model.shop.m".length())))).orElseThrow();
          if (last.equals(id)) {
            if (deps.stream().anyMatch(broken::contains)) {
              run.result(testId, SKIPPED);
            } else if (random.nextInt(9) == 0) {
              run.result(testId, FAIL, "Got 1 result, configured to fail if != 0");
              broken.add(id);
            } else {
              run.result(testId, PASS);
            }
          }
        }
      }
    }
    Manifest manifest = run.manifest();
    TriageReport report = TriageEngine.builder().build().triage(TriageInput.of(manifest, run.run(command)));
    for (int maxRoots : new int[] {50, 2}) {
      assertExact(report, manifest, maxRoots);
    }
  }

  private static void assertExact(TriageReport report, Manifest manifest, int maxRoots) {
    SelectorEngine selector = SelectorEngine.of(manifest);
    RescuePlan plan = RescuePlanner.builder().evaluator(selector::evaluate).maxRootsPerRun(maxRoots).build()
        .plan(report, manifest);
    List<String> executed = new ArrayList<>();
    for (PlanStep step : plan.steps()) {
      if (step.kind() == StepKind.FRESHNESS_CHECK || step.kind() == StepKind.UPSTREAM_LAYER) {
        continue;
      }
      executed.addAll(selector.evaluate(plan.command(), step.select(), step.exclude()));
    }
    assertThat(plan.problems()).isEmpty();
    assertThat(executed).doesNotHaveDuplicates();
    assertThat(new HashSet<>(executed)).isEqualTo(new HashSet<>(plan.intended()));
    assertThat(plan.verified()).isEqualTo(!plan.steps().isEmpty() || plan.intended().isEmpty());
    assertThat(IntStream.range(0, plan.steps().size()).allMatch(i -> plan.steps().get(i).number() == i + 1))
        .isTrue();
  }
}
