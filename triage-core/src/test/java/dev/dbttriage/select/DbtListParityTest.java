package dev.dbttriage.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.lineage.LineageCorpusTestAccess;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * dbt-core's tests/functional/list/test_list.py expectations, checked on the manifest of the same "happy path"
 * project that dbt-core ships as tests/functional/defer_state/data/manifest.json (in the shared corpus).
 */
class DbtListParityTest {
  private static Manifest manifest;
  private static SelectorEngine engine;

  @BeforeAll
  static void load() {
    var file = LineageCorpusTestAccess.corpus().resolve("dbt-core/defer_state_manifest_v12.json");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(file), "fixture absent");
    manifest = Artifacts.readManifest(file);
    engine = SelectorEngine.of(manifest);
  }

  private static Set<String> ls(SelectionRequest.Builder b) {
    return new HashSet<>(ListOutput.lines(manifest, engine.select(b.build()).ids(), "selector", List.of()));
  }

  private static final Set<String> DEFAULT = Set.of("exposure:test.weekly_jaffle_metrics", "test.ephemeral",
      "test.incremental", "test.snapshot.my_snapshot", "test.snapshot_2", "test.snapshot_3", "test.sub.inner",
      "test.outer", "test.snapshot_source", "test.seed", "source:test.my_source.my_table", "test.not_null_outer_id",
      "test.unique_outer_id", "test.metricflow_time_spine", "test.metricflow_time_spine_second",
      "test.model_to_unit_test", "test.model_with_lots_of_schema_configs",
      "test.unique_model_with_lots_of_schema_configs_id", "test.t", "test.my_favorite_test",
      "test.my_second_favorite_test", "test.area_of_circle", "semantic_model:test.my_sm", "metric:test.total_outer",
      "metric:test.conversion_metric", "metric:test.cumulative_metric", "metric:test.cumulative_metric_2",
      "metric:test.derived_metric", "metric:test.filtered_ratio_metric", "metric:test.simple_ratio_metric",
      "metric:test.discrete_order_value_p99", "saved_query:test.my_saved_query",
      "test.expression_is_true_seed_b_2", "test.not_null_seed__a_", "test.not_null_seed__b_",
      "unit_test:test.test_model_to_unit_test", "unit_test:test.test_model_to_unit_test_2");

  @Test
  void expectAllOutput() {
    assertThat(ls(SelectionRequest.builder().select("*", "source:*"))).isEqualTo(DEFAULT);
    assertThat(ls(SelectionRequest.builder().resourceTypes(List.of("default")).select("*", "source:*")))
        .isEqualTo(DEFAULT);
    Set<String> all = new HashSet<>(DEFAULT);
    all.add("test.analysis.a");
    assertThat(ls(SelectionRequest.builder().resourceTypes(List.of("all")).select("*", "source:*"))).isEqualTo(all);
  }

  @Test
  void expectSelect() {
    assertThat(ls(SelectionRequest.builder().resourceTypes(List.of("test")).select("outer")))
        .containsExactlyInAnyOrder("test.not_null_outer_id", "test.unique_outer_id");
    assertThat(ls(SelectionRequest.builder().resourceTypes(List.of("test")).select("+inner")))
        .containsExactlyInAnyOrder("test.not_null_outer_id", "test.unique_outer_id");
    assertThat(ls(SelectionRequest.builder().resourceTypes(List.of("semantic_model"))))
        .containsExactly("semantic_model:test.my_sm");
    assertThat(ls(SelectionRequest.builder().resourceTypes(List.of("saved_query"))))
        .containsExactly("saved_query:test.my_saved_query");
    assertThat(ls(SelectionRequest.builder().resourceTypes(List.of("model")).select("outer+")))
        .containsExactlyInAnyOrder("test.outer", "test.sub.inner");
    assertThat(ls(SelectionRequest.builder().resourceTypes(List.of("model")).exclude("inner")))
        .containsExactlyInAnyOrder("test.ephemeral", "test.outer", "test.snapshot_source",
            "test.metricflow_time_spine", "test.metricflow_time_spine_second", "test.model_to_unit_test",
            "test.model_with_lots_of_schema_configs", "test.incremental");
    assertThat(ls(SelectionRequest.builder().select("config.incremental_strategy:delete+insert")))
        .containsExactly("test.incremental");
  }

  @Test
  void expectResourceTypeMultiple() {
    assertThat(ls(SelectionRequest.builder().resourceTypes(List.of("test", "model")).select("+inner", "outer+")
        .exclude("inner"))).containsExactlyInAnyOrder("test.ephemeral", "test.not_null_outer_id",
            "test.unique_outer_id", "test.outer");
    assertThat(ls(SelectionRequest.builder().excludeResourceTypes(
        List.of("test saved_query metric source semantic_model snapshot seed")))).containsExactlyInAnyOrder(
            "exposure:test.weekly_jaffle_metrics", "test.area_of_circle", "test.ephemeral", "test.incremental",
            "test.outer", "test.snapshot_source", "test.sub.inner", "test.metricflow_time_spine",
            "test.metricflow_time_spine_second", "test.model_to_unit_test",
            "test.model_with_lots_of_schema_configs", "unit_test:test.test_model_to_unit_test",
            "unit_test:test.test_model_to_unit_test_2");
  }

  @Test
  void expectSourceAndSnapshotOutputs() {
    List<String> ids = engine.select(SelectionRequest.builder().resourceTypes(List.of("source"))
        .select("source:*").build()).ids();
    assertThat(ListOutput.lines(manifest, ids, "name", List.of())).containsExactly("my_source.my_table");
    assertThat(ListOutput.lines(manifest, ids, "path", List.of())).containsExactly("models/schema.yml");
    List<String> snapshots = engine.select(SelectionRequest.builder().resourceTypes(List.of("snapshot")).build())
        .ids();
    assertThat(ListOutput.lines(manifest, snapshots, "name", List.of())).containsExactly("my_snapshot",
        "snapshot_2", "snapshot_3");
    assertThat(ListOutput.lines(manifest, snapshots, "selector", List.of())).containsExactly(
        "test.snapshot.my_snapshot", "test.snapshot_2", "test.snapshot_3");
  }

  @Test
  void expectSelectedKeysForTests() {
    List<String> ids = engine.select(SelectionRequest.builder().resourceTypes(List.of("test")).build()).ids();
    assertThat(ListOutput.lines(manifest, ids, "json", List.of("name", "column_name"))).containsExactlyInAnyOrder(
        "{\"name\": \"expression_is_true_seed_b_2\", \"column_name\": null}",
        "{\"name\": \"my_favorite_test\", \"column_name\": \"id\"}",
        "{\"name\": \"my_second_favorite_test\", \"column_name\": \"created_at\"}",
        "{\"name\": \"not_null_outer_id\", \"column_name\": \"id\"}",
        "{\"name\": \"not_null_seed__a_\", \"column_name\": \"\\\"a\\\"\"}",
        "{\"name\": \"not_null_seed__b_\", \"column_name\": \"\\\"b\\\"\"}",
        "{\"name\": \"t\"}",
        "{\"name\": \"unique_model_with_lots_of_schema_configs_id\", \"column_name\": \"id\"}",
        "{\"name\": \"unique_outer_id\", \"column_name\": \"id\"}");
    List<String> models = engine.select(SelectionRequest.builder().select("inner outer").models(true).build()).ids();
    assertThat(ListOutput.lines(manifest, models, "json", List.of("non_existent_key"))).containsExactly("{}", "{}");
  }
}
