package dev.dbttriage.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbttriage.Triage;
import dev.dbttriage.artifact.ArtifactException;
import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.RunState;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.artifact.TargetArtifacts;
import dev.dbttriage.internal.graph.DbtNodes;
import dev.dbttriage.internal.lineage.LineageIndex;
import dev.dbttriage.plan.RescuePlan;
import dev.dbttriage.select.SelectorEngine;
import dev.dbttriage.triage.HandMadeRun;
import dev.dbttriage.triage.RootCause;
import dev.dbttriage.triage.RootKind;
import dev.dbttriage.triage.TriageEngine;
import dev.dbttriage.triage.TriageInput;
import dev.dbttriage.triage.TriageReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one loaded project: built once, shared by every engine, and the same answer from each. */
class ProjectTest {
  private static final Path ARTIFACTS =
      Path.of(System.getProperty("dbttriage.shared", "../../shared")).resolve("fixtures/artifacts");

  @Test
  void triagePlanAndSelectionShareOneGraphBuildOnATenThousandModelProject() {
    HandMadeRun run = new HandMadeRun();
    for (int i = 0; i < 10_000; i++) {
      run.model("m" + i, i == 0 ? new String[0] : new String[] {"m" + ((i - 1) / 3)});
    }
    run.result("m0", RunStatus.ERROR, "Database Error in model m0 (models/m0.sql)\n  boom");
    for (int i = 1; i < 10_000; i++) {
      run.result("m" + i, RunStatus.SKIPPED);
    }
    Manifest manifest = run.manifest();
    long before = LineageIndex.buildCount();

    Project project = Project.of(manifest);
    TriageReport report = TriageEngine.builder().build().triage(TriageInput.of(project, run.run("run")));
    RescuePlan plan = Triage.plan(report);
    Set<String> selected = SelectorEngine.of(project).select("m0+");
    Set<String> viaLineage = project.lineage().downstream("model.shop.m0");

    assertThat(LineageIndex.buildCount() - before).as("graph builds").isEqualTo(1);
    assertThat(report.project()).isSameAs(project);
    assertThat(SelectorEngine.of(project)).isSameAs(SelectorEngine.of(project));
    RootCause root = report.root("model.shop.m0").orElseThrow();
    assertThat(root.blastRadius().downstream()).hasSize(9_999).hasSize(selected.size() - 1)
        .hasSize(viaLineage.size());
    assertThat(report.skippedBy()).hasSize(9_999);
    assertThat(plan.verified()).isTrue();
    assertThat(plan.steps()).singleElement().satisfies(s -> assertThat(s.select()).containsExactly("m0+"));
  }

  @Test
  void aChainThroughADisabledNodeEndsAtItInTriageAsInDbtLs() {
    // a -> b (disabled) -> c: dbt draws no edge through a disabled node, so c is not downstream of a.
    HandMadeRun run = new HandMadeRun();
    run.model("a");
    run.model("b", Map.of("enabled", false), "a");
    run.model("c", "b");
    run.result("a", RunStatus.ERROR, "Database Error in model a (models/a.sql)\n  boom");
    Project project = Project.of(run.manifest());

    TriageReport report = TriageEngine.builder().build().triage(TriageInput.of(project, run.run("run")));

    assertThat(SelectorEngine.of(project).select("a+")).containsExactly("model.shop.a");
    assertThat(report.root("model.shop.a").orElseThrow().blastRadius().downstream()).isEmpty();
    // the disabled member still resolves by id, for results that name it
    assertThat(project.node("model.shop.b")).map(Node::enabled).contains(false);
    assertThat(project.lineage().contains("model.shop.b")).isFalse();
  }

  @Test
  void aDanglingDependencyIsRefusedBySelectionButTriagedWithAWarning() {
    HandMadeRun run = new HandMadeRun();
    run.model("a");
    run.model("b", "a", "gone");
    run.result("a", RunStatus.ERROR, "Database Error in model a (models/a.sql)\n  boom");
    run.result("b", RunStatus.SKIPPED);
    Project project = Project.of(run.manifest());

    assertThat(project.graphProblem()).hasValueSatisfying(p -> assertThat(p).contains("'model.shop.b' depends on"));
    assertThatThrownBy(() -> SelectorEngine.of(project)).isInstanceOf(ArtifactException.class);
    assertThatThrownBy(project::lineage).isInstanceOf(ArtifactException.class);
    TriageReport report = TriageEngine.builder().build().triage(TriageInput.of(project, run.run("run")));
    assertThat(report.skippedBy()).containsEntry("model.shop.b", List.of("model.shop.a"));
    assertThat(report.warnings()).anySatisfy(w -> assertThat(w.code()).isEqualTo("GRAPH_REFUSED"));
    RescuePlan plan = Triage.plan(report);
    assertThat(plan.verified()).isFalse();
    assertThat(plan.problems()).anySatisfy(p -> assertThat(p).contains("depends on"));
  }

  /**
   * On every real run of the corpus that failed, each root's blast radius is exactly what
   * {@code dbt ls --select <root>+} lists, less the root: the same lineage answers both.
   */
  @Test
  void everyRealFailingRunsBlastRadiusIsWhatLsSelectsBelowTheRoot() throws IOException {
    assumeTrue(Files.isDirectory(ARTIFACTS), "fixture corpus not present at " + ARTIFACTS);
    List<Path> dirs;
    try (Stream<Path> walk = Files.walk(ARTIFACTS)) {
      dirs = walk.filter(p -> Files.isRegularFile(p.resolve("manifest.json"))
          && Files.isRegularFile(p.resolve("run_results.json"))).sorted().toList();
    }
    int runs = 0;
    int roots = 0;
    List<String> mismatches = new ArrayList<>();
    for (Path dir : dirs) {
      TargetArtifacts target;
      try {
        target = Artifacts.readTarget(dir);
      } catch (RuntimeException e) {
        continue;
      }
      if (target.runResults().isEmpty() || target.runResults().get().results().stream()
          .noneMatch(r -> r.status() == RunStatus.ERROR || r.status() == RunStatus.FAIL)) {
        continue;
      }
      Project project = Project.of(target.manifest());
      if (project.graphProblem().isPresent()) {
        continue;
      }
      runs++;
      TriageReport report = TriageEngine.builder().build().triage(new TriageInput(project,
          RunState.of(List.of(target.runResults().get())), List.of(), target.sources(), target.catalog()));
      SelectorEngine ls = SelectorEngine.of(project);
      for (RootCause root : report.roots()) {
        if ((root.kind() != RootKind.FAILED_NODE && root.kind() != RootKind.EPHEMERAL_PARENT)
            || root.node().isEmpty() || !project.lineage().contains(root.uniqueId())) {
          continue;
        }
        String name = DbtNodes.selectorName(root.node().get());
        if (!ls.select(name).equals(Set.of(root.uniqueId()))) {
          continue; // a name two packages share: ls would select both
        }
        roots++;
        Set<String> expected = new TreeSet<>(ls.select(name + "+"));
        expected.remove(root.uniqueId());
        if (!new TreeSet<>(root.blastRadius().downstream()).equals(expected)) {
          mismatches.add(dir + " " + root.uniqueId());
        }
      }
    }
    assertThat(mismatches).isEmpty();
    // the corpus's failing runs with a graph dbt accepts, and their roots with a name of their own
    assertThat(runs).as("failing runs").isGreaterThanOrEqualTo(10);
    assertThat(roots).as("roots compared").isGreaterThanOrEqualTo(21);
  }
}
