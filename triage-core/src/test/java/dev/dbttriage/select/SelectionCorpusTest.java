package dev.dbttriage.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.lineage.LineageCorpusTestAccess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs selections on every manifest of the shared corpus and checks dbt's invariants: the default selection is
 * every enabled resource of the default types; a manifest compared with itself has nothing new or modified;
 * every method and operator evaluates without error on every schema version.
 */
class SelectionCorpusTest {
  private static final Set<String> DEFAULT_TYPES = Set.of("model", "snapshot", "seed", "test", "source", "exposure",
      "metric", "saved_query", "semantic_model", "unit_test", "function");

  @TestFactory
  Stream<DynamicTest> invariantsHoldOnEveryManifest() throws Exception {
    Path dir = LineageCorpusTestAccess.corpus();
    return LineageCorpusTestAccess.manifests(dir).stream().map(f -> DynamicTest.dynamicTest(
        dir.relativize(f).toString(), () -> check(Artifacts.readManifest(f))));
  }

  /**
   * dbt-core's tests/functional/artifacts/test_previous_version_state.py: the same project's manifest compared
   * with its state written by older dbt versions; {@code dbt list --resource-types model --select state:modified}
   * lists one model against schema v4 to v9 and none against v10 and later.
   */
  @TestFactory
  Stream<DynamicTest> stateModifiedAgainstPreviousVersionsOfTheSameProject() {
    Path dir = LineageCorpusTestAccess.corpus().resolve("dbt-core");
    Manifest current = Artifacts.readManifest(dir.resolve("manifest_v12.json"));
    return java.util.stream.IntStream.rangeClosed(4, 12).mapToObj(v -> DynamicTest.dynamicTest("v" + v, () -> {
      Manifest previous = Artifacts.readManifest(dir.resolve("manifest_v" + v + ".json"));
      SelectorEngine engine = SelectorEngine.of(current, SelectionContext.builder().previousManifest(previous)
          .build());
      List<String> ids = engine.select(SelectionRequest.builder().select("state:modified")
          .resourceTypes(List.of("model")).build()).ids();
      assertThat(ids).hasSize(v < 10 ? 1 : 0);
    }));
  }

  private static void check(Manifest m) {
    Set<String> expected = new TreeSet<>();
    List<Map<String, Node>> cols = m.graphCollections();
    for (int c = 0; c < cols.size(); c++) {
      for (Node n : cols.get(c).values()) {
        if ((n.enabled() || c == 2) && DEFAULT_TYPES.contains(n.resourceTypeName())) {
          expected.add(n.uniqueId());
        }
      }
    }
    SelectorEngine engine = SelectorEngine.of(m, SelectionContext.builder().previousManifest(m).build());
    assertThat(engine.select("")).containsExactlyElementsOf(expected);
    assertThat(engine.select(SelectionRequest.builder().select("state:modified").build()).ids()).isEmpty();
    assertThat(engine.select(SelectionRequest.builder().select("state:new").build()).ids()).isEmpty();
    assertThat(engine.select(SelectionRequest.builder().select("state:unmodified")
        .indirectSelection(IndirectSelection.EMPTY).build()).ids()).containsExactlyElementsOf(expected);
    List<String> all = new ArrayList<>();
    for (String s : List.of("+tag:*+", "@package:this", "path:models", "path:**/*.sql", "file:*.yml",
        "config.materialized:view+1", "test_type:data", "test_name:not_null", "resource_type:model,access:public",
        "source:*+", "version:latest", "1+exposure:*", "state:modified.configs", "state:modified.macros",
        "*.*.*")) {
      for (IndirectSelection mode : IndirectSelection.values()) {
        all.addAll(engine.select(SelectionRequest.builder().select(s).indirectSelection(mode).build()).ids());
      }
    }
    assertThat(expected).containsAll(all);
  }
}
