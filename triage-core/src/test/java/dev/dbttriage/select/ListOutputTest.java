package dev.dbttriage.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** dbt ls ordering, resource types and output formats (section 7). */
class ListOutputTest {
  private static Manifest manifest() {
    TestManifest t = new TestManifest("test");
    t.add(t.modelBuilder("inner").fqn(List.of("test", "sub", "inner")).originalFilePath("models/sub/inner.sql")
        .alias("inner").config(ordered()).build());
    t.add(t.modelBuilder("versioned").fqn(List.of("test", "versioned", "v2")).version("2").latestVersion("2")
        .build());
    t.add(t.modelBuilder("eph").config(Map.of("materialized", "ephemeral")).build());
    t.add(t.modelBuilder("blank").rawCode("  \n").build());
    t.source("raw", "orders");
    t.add(Node.builder("exposure.test.dash", ResourceType.EXPOSURE).packageName("test").build());
    t.add(Node.builder("analysis.test.an", ResourceType.ANALYSIS).packageName("test").fqn(List.of("test",
        "analysis", "an")).rawCode("select 1").build());
    t.add(Node.builder("unit_test.test.versioned.ut", ResourceType.UNIT_TEST).packageName("test").name("ut")
        .version("2").dependsOnNodes(List.of("model.test.versioned")).build());
    return t.build();
  }

  private static Map<String, Object> ordered() {
    Map<String, Object> config = new java.util.LinkedHashMap<>();
    config.put("enabled", true);
    config.put("materialized", "view");
    return config;
  }

  private static Selection ls(SelectionRequest.Builder b) {
    return SelectorEngine.of(manifest()).select(b.build());
  }

  @Test
  void sortsByUniqueIdAndPrintsSelectors() {
    Selection s = ls(SelectionRequest.builder());
    assertThat(s.ids()).containsExactly("exposure.test.dash", "model.test.blank", "model.test.eph",
        "model.test.inner", "model.test.versioned", "source.test.raw.orders", "unit_test.test.versioned.ut");
    assertThat(ListOutput.lines(manifest(), s.ids(), "selector", List.of())).containsExactly("exposure:test.dash",
        "test.blank", "test.eph", "test.sub.inner", "test.versioned.v2", "source:test.raw.orders",
        "unit_test:test.ut_v2");
  }

  @Test
  void namesAndPaths() {
    Selection s = ls(SelectionRequest.builder().select("source:* versioned").indirectSelection(IndirectSelection.EMPTY));
    assertThat(ListOutput.lines(manifest(), s.ids(), "name", List.of())).containsExactly("versioned.v2",
        "raw.orders");
    assertThat(ListOutput.lines(manifest(), s.ids(), "path", List.of())).containsExactly("models/versioned.sql",
        "models/sources.yml");
  }

  @Test
  void jsonWithDefaultAndChosenKeys() {
    Manifest m = manifest();
    assertThat(ListOutput.lines(m, List.of("model.test.inner"), "json", List.of())).containsExactly(
        "{\"name\": \"inner\", \"resource_type\": \"model\", \"package_name\": \"test\", \"original_file_path\": "
            + "\"models/sub/inner.sql\", \"unique_id\": \"model.test.inner\", \"alias\": \"inner\", \"config\": "
            + "{\"enabled\": true, \"materialized\": \"view\"}, \"tags\": [], \"depends_on\": {\"macros\": [], "
            + "\"nodes\": []}, \"direct_parents\": []}");
    assertThat(ListOutput.lines(m, List.of("model.test.versioned"), "json", List.of("direct_parents", "unique_id")))
        .containsExactly("{\"direct_parents\": [], \"unique_id\": \"model.test.versioned\"}");
    assertThat(ListOutput.lines(m, List.of("model.test.inner"), "json", List.of("name", "config.materialized",
        "nope"))).containsExactly("{\"name\": \"inner\", \"config.materialized\": \"view\"}");
  }

  @Test
  void directParentsAndColumnNameAsDbtListsThem() {
    TestManifest t = TestManifest.expansionProject();
    t.add(dev.dbttriage.artifact.Node.builder("test.test.not_null_model_a_id.abc", ResourceType.TEST)
        .packageName("test").name("not_null_model_a_id").columnName("id").rawCode("x")
        .testMetadata(new dev.dbttriage.artifact.TestMetadata("not_null", java.util.Optional.empty(), Map.of()))
        .dependsOnNodes(List.of("model.test.model_a")).build());
    Manifest m = t.build();
    assertThat(ListOutput.lines(m, List.of("model.test.model_a"), "json", List.of("direct_parents")))
        .containsExactly("{\"direct_parents\": [\"model.test.model_b\"]}");
    // generic tests carry column_name (null when none); singular tests have no such key
    assertThat(ListOutput.lines(m, List.of("test.test.not_null_model_a_id.abc",
        "test.test.unique_model_a_fun.0123456789", "test.test.just_a"), "json", List.of("name", "column_name")))
        .containsExactly("{\"name\": \"not_null_model_a_id\", \"column_name\": \"id\"}",
            "{\"name\": \"unique_model_a_fun\", \"column_name\": null}", "{\"name\": \"just_a\"}");
  }

  @Test
  void allAddsAnalysesAndExcludeResourceTypeRemoves() {
    assertThat(ls(SelectionRequest.builder().resourceTypes(List.of("all"))).ids()).contains("analysis.test.an");
    assertThat(ls(SelectionRequest.builder().resourceTypes(List.of("default")).excludeResourceTypes(
        List.of("model", "unit_test"))).ids()).containsExactly("exposure.test.dash", "source.test.raw.orders");
  }

  @Test
  void modelsFlagImpliesModelType() {
    assertThat(ls(SelectionRequest.builder().select("versioned").models(true)).ids())
        .containsExactly("model.test.versioned");
  }

  @Test
  void runDropsEmptyAndEphemeralModels() {
    assertThat(ls(SelectionRequest.builder().command(SelectionCommand.RUN)).ids())
        .containsExactly("model.test.inner", "model.test.versioned");
    assertThat(ls(SelectionRequest.builder().command(SelectionCommand.TEST)).ids())
        .containsExactly("unit_test.test.versioned.ut");
    assertThat(ls(SelectionRequest.builder().command(SelectionCommand.FRESHNESS)).ids())
        .containsExactly("source.test.raw.orders");
  }

  @Test
  void emptyResultWarnsNoNodesSelected() {
    Selection s = ls(SelectionRequest.builder().select("nothing_here"));
    assertThat(s.ids()).isEmpty();
    assertThat(s.warnings()).containsExactly(
        "The selection criterion 'nothing_here' does not match any enabled nodes", "No nodes selected!");
  }

  @Test
  void fromInvocationReadsTheRecordedArgs() {
    dev.dbttriage.artifact.InvocationArgs args = new dev.dbttriage.artifact.InvocationArgs(
        java.util.Optional.of("run"), List.of("inner+"), List.of("eph"), java.util.Optional.empty(), List.of(),
        List.of(), java.util.Optional.of("cautious"), false, false, java.util.Optional.empty(), false, Map.of());
    SelectionRequest r = SelectionRequest.fromInvocation(args);
    assertThat(r.command()).isEqualTo(SelectionCommand.RUN);
    assertThat(r.indirectSelection()).isEqualTo(IndirectSelection.CAUTIOUS);
    assertThat(SelectorEngine.of(manifest()).select(r).ids()).containsExactly("model.test.inner");
  }
}
