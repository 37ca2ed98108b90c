package dev.dbttriage.select;

import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.ArtifactMetadata;
import dev.dbttriage.artifact.Macro;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.TestMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-made manifests for selector tests. */
final class TestManifest {
  final String pkg;
  final Map<String, Node> nodes = new LinkedHashMap<>();
  final Map<String, Node> sources = new LinkedHashMap<>();
  final Map<String, Node> exposures = new LinkedHashMap<>();
  final Map<String, Node> metrics = new LinkedHashMap<>();
  final Map<String, Node> semanticModels = new LinkedHashMap<>();
  final Map<String, Node> savedQueries = new LinkedHashMap<>();
  final Map<String, Node> unitTests = new LinkedHashMap<>();
  final Map<String, Node> functions = new LinkedHashMap<>();
  final Map<String, Macro> macros = new LinkedHashMap<>();
  final Map<String, List<Node>> disabled = new LinkedHashMap<>();
  Map<String, Object> selectors = Map.of();

  TestManifest(String pkg) {
    this.pkg = pkg;
  }

  static String m(String pkg, String name) {
    return "model." + pkg + "." + name;
  }

  Node.Builder modelBuilder(String name, String... deps) {
    List<String> d = new ArrayList<>();
    for (String dep : deps) {
      d.add(dep.contains(".") ? dep : "model." + pkg + "." + dep);
    }
    return Node.builder("model." + pkg + "." + name, ResourceType.MODEL).packageName(pkg)
        .fqn(List.of(pkg, name)).originalFilePath("models/" + name + ".sql").path(name + ".sql")
        .rawCode("select 1").dependsOnNodes(d).config(Map.of("enabled", true, "materialized", "view"));
  }

  TestManifest model(String name, String... deps) {
    return add(modelBuilder(name, deps).build());
  }

  TestManifest add(Node n) {
    switch (n.resourceType()) {
      case SOURCE: sources.put(n.uniqueId(), n); break;
      case EXPOSURE: exposures.put(n.uniqueId(), n); break;
      case METRIC: metrics.put(n.uniqueId(), n); break;
      case SEMANTIC_MODEL: semanticModels.put(n.uniqueId(), n); break;
      case SAVED_QUERY: savedQueries.put(n.uniqueId(), n); break;
      case UNIT_TEST: unitTests.put(n.uniqueId(), n); break;
      case FUNCTION: functions.put(n.uniqueId(), n); break;
      default: nodes.put(n.uniqueId(), n);
    }
    return this;
  }

  TestManifest source(String source, String table) {
    return add(Node.builder("source." + pkg + "." + source + "." + table, ResourceType.SOURCE).packageName(pkg)
        .name(table).sourceName(source).fqn(List.of(pkg, source, table)).originalFilePath("models/sources.yml")
        .build());
  }

  TestManifest singularTest(String name, String... deps) {
    return add(Node.builder("test." + pkg + "." + name, ResourceType.TEST).packageName(pkg)
        .fqn(List.of(pkg, name)).originalFilePath("tests/" + name + ".sql").rawCode("select 1 where false")
        .dependsOnNodes(List.of(deps)).build());
  }

  TestManifest genericTest(String name, String macro, String... deps) {
    return add(Node.builder("test." + pkg + "." + name + ".0123456789", ResourceType.TEST).packageName(pkg)
        .name(name).fqn(List.of(pkg, name)).originalFilePath("models/schema.yml")
        .rawCode("{{ test_" + macro + "(**_dbt_generic_test_kwargs) }}")
        .testMetadata(new TestMetadata(macro, Optional.empty(), Map.of())).dependsOnNodes(List.of(deps)).build());
  }

  TestManifest unitTest(String model, String name) {
    return add(Node.builder("unit_test." + pkg + "." + model + "." + name, ResourceType.UNIT_TEST).packageName(pkg)
        .name(name).fqn(List.of(pkg, model, name)).originalFilePath("models/unit.yml")
        .dependsOnNodes(List.of("model." + pkg + "." + model)).build());
  }

  Manifest build() {
    ArtifactMetadata meta = new ArtifactMetadata(ArtifactKind.MANIFEST, 12,
        "https://schemas.getdbt.com/dbt/manifest/v12.json", Optional.of("1.10.0"), Optional.empty(),
        Optional.empty(), Optional.of("postgres"), Optional.of(pkg), Optional.empty());
    return new Manifest(meta, nodes, sources, exposures, metrics, semanticModels, savedQueries, unitTests, functions,
        Map.of(), macros, disabled, selectors, List.of());
  }

  /**
   * The project of dbt's tests/functional/test_selection/test_selection_expansion.py: model_a selects from
   * model_b; singular tests cf_a_b (a, b), cf_a_src (a, source), just_a (a); generic tests on model_a (unique)
   * and a relationship from model_a to model_b; plus a unit test on model_a.
   */
  static TestManifest expansionProject() {
    TestManifest t = new TestManifest("test");
    t.source("my_src", "my_tbl");
    t.model("model_b");
    t.model("model_a", "model_b");
    t.singularTest("cf_a_b", "model.test.model_a", "model.test.model_b");
    t.singularTest("cf_a_src", "model.test.model_a", "source.test.my_src.my_tbl");
    t.singularTest("just_a", "model.test.model_a");
    t.genericTest("unique_model_a_fun", "unique", "model.test.model_a");
    t.genericTest("relationships_model_a_fun__fun__ref_model_b_", "relationships", "model.test.model_b",
        "model.test.model_a");
    return t;
  }
}
