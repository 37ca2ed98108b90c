package dev.dbttriage.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per selector method of section 5. */
class MethodsTest {
  /** Direct matches only: indirect selection off, so attached tests do not blur what the method matched. */
  private static List<String> ls(SelectorEngine e, String select) {
    return e.select(SelectionRequest.builder().select(select).indirectSelection(IndirectSelection.EMPTY).build())
        .ids();
  }

  private static Map<String, Object> cfg(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Packages: root {@code test} with folders, a package {@code pkg} with the same folder layout. */
  private static SelectorEngine project() {
    TestManifest t = new TestManifest("test");
    t.add(t.modelBuilder("table_model").fqn(List.of("test", "table_model"))
        .originalFilePath("models/table_model.sql").tags(List.of("nightly", "finance"))
        .config(cfg("enabled", true, "materialized", "table", "meta", cfg("owner", "alice", "flags", List.of(true)),
            "tags", List.of("nightly", "finance"), "limit", 10, "group", "finance_team", "contract",
            cfg("enforced", true)))
        .build());
    t.add(t.modelBuilder("table_model_py").fqn(List.of("test", "table_model_py"))
        .originalFilePath("models/table_model_py.py").config(cfg("materialized", "incremental",
            "incremental_strategy", "delete+insert")).build());
    t.add(t.modelBuilder("inner").fqn(List.of("test", "sub", "inner")).originalFilePath("models/sub/inner.sql")
        .patchPath("test://models/sub/schema.yml").access("public").build());
    t.add(t.modelBuilder("union_model").fqn(List.of("test", "sub", "union_model"))
        .originalFilePath("models/sub/union_model.sql").build());
    t.add(t.modelBuilder("alternative.users").fqn(List.of("test", "alternative.users"))
        .originalFilePath("models/alternative.users.sql").build());
    t.add(Node.builder("model.pkg.union_model", ResourceType.MODEL).packageName("pkg")
        .fqn(List.of("pkg", "staging", "union_model")).originalFilePath("models/staging/union_model.sql")
        .rawCode("select 1").build());
    t.add(Node.builder("model.pkg.table_model", ResourceType.MODEL).packageName("pkg")
        .fqn(List.of("pkg", "table_model")).originalFilePath("models/table_model.sql").rawCode("select 1").build());
    t.add(Node.builder("seed.test.countries", ResourceType.SEED).packageName("test")
        .fqn(List.of("test", "countries")).originalFilePath("seeds/countries.csv").build());
    t.source("raw", "orders");
    t.source("raw", "customers");
    t.genericTest("unique_inner_id", "unique", "model.test.inner");
    t.add(Node.builder("test.test.not_null_inner_id.abc", ResourceType.TEST).packageName("test")
        .name("not_null_inner_id").fqn(List.of("test", "sub", "not_null_inner_id"))
        .originalFilePath("models/sub/schema.yml").rawCode("{{ test_not_null() }}")
        .config(cfg("severity", "WARN"))
        .testMetadata(new dev.dbttriage.artifact.TestMetadata("not_null", java.util.Optional.empty(), Map.of()))
        .dependsOnNodes(List.of("model.test.inner")).build());
    t.singularTest("assert_positive", "model.test.table_model");
    t.add(Node.builder("exposure.test.dashboard", ResourceType.EXPOSURE).packageName("test")
        .fqn(List.of("test", "dashboard")).originalFilePath("models/sub/schema.yml").tags(List.of("bi"))
        .dependsOnNodes(List.of("model.test.inner")).build());
    t.add(Node.builder("metric.test.revenue", ResourceType.METRIC).packageName("test")
        .fqn(List.of("test", "revenue")).originalFilePath("models/metrics.yml")
        .config(cfg("group", "finance_team")).build());
    t.add(Node.builder("semantic_model.test.orders_sm", ResourceType.SEMANTIC_MODEL).packageName("test")
        .fqn(List.of("test", "orders_sm")).originalFilePath("models/metrics.yml").tags(List.of("nightly")).build());
    t.add(Node.builder("saved_query.test.weekly", ResourceType.SAVED_QUERY).packageName("test")
        .fqn(List.of("test", "weekly")).originalFilePath("models/metrics.yml").build());
    t.unitTest("table_model", "unit_test_table_model");
    t.add(Node.builder("model.test.disabled_one", ResourceType.MODEL).packageName("test")
        .config(cfg("enabled", false)).tags(List.of("nightly")).build());
    return SelectorEngine.of(t.build());
  }

  @Test
  void fqnMatchesNameFolderAndPackagePrefixes() {
    SelectorEngine e = project();
    assertThat(ls(e, "table_model")).containsExactly("model.pkg.table_model", "model.test.table_model",
        "unit_test.test.table_model.unit_test_table_model");
    assertThat(ls(e, "sub")).containsExactly("model.test.inner",
        "model.test.union_model", "test.test.not_null_inner_id.abc");
    assertThat(ls(e, "test.sub.inner")).containsExactly("model.test.inner");
    assertThat(ls(e, "pkg")).containsExactly("model.pkg.table_model", "model.pkg.union_model");
  }

  @Test
  void fqnGlobSpansDots() {
    assertThat(ls(project(), "test.t*")).containsExactly("model.test.table_model", "model.test.table_model_py",
        "unit_test.test.table_model.unit_test_table_model");
  }

  @Test
  void fqnStarMatchesEverythingButSources() {
    assertThat(ls(project(), "fqn:*")).doesNotContain("source.test.raw.orders").hasSize(16);
  }

  @Test
  void fqnSplitsDottedNames() {
    assertThat(ls(project(), "alternative")).containsExactly("model.test.alternative.users");
    assertThat(ls(project(), "alternative.users")).containsExactly("model.test.alternative.users");
  }

  @Test
  void fqnNeedsEnoughParts() {
    assertThat(ls(project(), "*.*.*_model")).containsExactly("model.pkg.union_model", "model.test.union_model",
        "unit_test.test.table_model.unit_test_table_model");
  }

  @Test
  void versionedModelsMatchByNameDotVAndUnderscore() {
    TestManifest t = new TestManifest("test");
    t.add(t.modelBuilder("versioned").fqn(List.of("test", "versioned", "v1")).version("1").latestVersion("2")
        .build());
    t.add(Node.builder("model.test.versioned.v2", ResourceType.MODEL).packageName("test").name("versioned")
        .fqn(List.of("test", "versioned", "v2")).version("2").latestVersion("2").rawCode("x").build());
    t.add(Node.builder("model.test.versioned.v3", ResourceType.MODEL).packageName("test").name("versioned")
        .fqn(List.of("test", "versioned", "v3")).version("3").latestVersion("2").rawCode("x").build());
    t.model("plain");
    SelectorEngine e = SelectorEngine.of(t.build());
    assertThat(ls(e, "versioned")).containsExactly("model.test.versioned", "model.test.versioned.v2",
        "model.test.versioned.v3");
    assertThat(ls(e, "versioned.v2")).containsExactly("model.test.versioned.v2");
    assertThat(ls(e, "versioned_v2")).containsExactly("model.test.versioned.v2");
    assertThat(ls(e, "version:latest")).containsExactly("model.test.versioned.v2");
    assertThat(ls(e, "version:old")).containsExactly("model.test.versioned");
    assertThat(ls(e, "version:prerelease")).containsExactly("model.test.versioned.v3");
    assertThat(ls(e, "version:none")).containsExactly("model.test.plain");
    assertThatThrownBy(() -> ls(e, "version:newest")).hasMessage("Invalid version type selector newest: expected "
        + "one of: \"latest\", \"prerelease\", \"old\", or \"none\"");
  }

  @Test
  void versionComparesAsStringsWhenNotNumeric() {
    TestManifest t = new TestManifest("test");
    t.add(t.modelBuilder("m").fqn(List.of("test", "m", "vtest")).version("test").latestVersion("2").build());
    assertThat(ls(SelectorEngine.of(t.build()), "version:prerelease")).containsExactly("model.test.m");
  }

  @Test
  void unitTestsMatchTheirModelNameThroughFqnEvenWithEmpty() {
    Selection s = project().select(SelectionRequest.builder().select("table_model")
        .indirectSelection(IndirectSelection.EMPTY).build());
    assertThat(s.ids()).contains("unit_test.test.table_model.unit_test_table_model");
  }

  @Test
  void tagGlobsAndSkipsDisabledAndSemanticModels() {
    assertThat(ls(project(), "tag:night*")).containsExactly("model.test.table_model");
    assertThat(ls(project(), "tag:bi")).containsExactly("exposure.test.dashboard");
  }

  @Test
  void groupReadsConfigOfNodesAndMetrics() {
    assertThat(ls(project(), "group:finance_*")).containsExactly("metric.test.revenue", "model.test.table_model");
  }

  @Test
  void accessDefaultsToProtected() {
    assertThat(ls(project(), "access:public")).containsExactly("model.test.inner");
    assertThat(ls(project(), "access:protected")).hasSize(6).doesNotContain("model.test.inner");
  }

  @Test
  void sourceMatchesOneTwoOrThreeParts() {
    SelectorEngine e = project();
    assertThat(ls(e, "source:raw")).containsExactly("source.test.raw.customers", "source.test.raw.orders");
    assertThat(ls(e, "source:raw.orders")).containsExactly("source.test.raw.orders");
    assertThat(ls(e, "source:test.raw.cust*")).containsExactly("source.test.raw.customers");
    assertThat(ls(e, "source:*")).hasSize(2);
    assertThatThrownBy(() -> ls(e, "source:a.b.c.d")).hasMessage("Invalid source selector value \"a.b.c.d\". "
        + "Sources must be of the form `${source_name}`, `${source_name}.${target_name}`, or "
        + "`${package_name}.${source_name}.${target_name}");
  }

  @Test
  void namedMethodsTakeNameOrPackageDotName() {
    SelectorEngine e = project();
    assertThat(ls(e, "exposure:dashboard")).containsExactly("exposure.test.dashboard");
    assertThat(ls(e, "metric:test.rev*")).containsExactly("metric.test.revenue");
    assertThat(ls(e, "semantic_model:orders_sm")).containsExactly("semantic_model.test.orders_sm");
    assertThat(ls(e, "saved_query:*")).containsExactly("saved_query.test.weekly");
    assertThat(ls(e, "unit_test:unit_test_*")).containsExactly("unit_test.test.table_model.unit_test_table_model");
    assertThatThrownBy(() -> ls(e, "exposure:a.b.c")).hasMessage("Invalid exposure selector value \"a.b.c\". "
        + "Exposures must be of the form ${exposure_name} or ${exposure_package.exposure_name}");
  }

  @Test
  void pathMatchesDirectoriesFilesGlobsAndPatchPaths() {
    SelectorEngine e = project();
    assertThat(ls(e, "path:models/sub")).containsExactly("exposure.test.dashboard", "model.test.inner",
        "model.test.union_model", "test.test.not_null_inner_id.abc");
    assertThat(ls(e, "models/sub/")).hasSize(4);
    assertThat(ls(e, "path:models/*.py")).containsExactly("model.test.table_model_py");
    assertThat(ls(e, "path:models/sub/schema.yml")).containsExactly("exposure.test.dashboard",
        "model.test.inner", "test.test.not_null_inner_id.abc");
    assertThat(ls(e, "path:models/**/*.sql")).contains("model.test.inner", "model.test.table_model")
        .doesNotContain("model.test.table_model_py");
  }

  @Test
  void pathGlobsOnlyTheRootProjectButMatchesPackageNodesWithTheSamePath() {
    SelectorEngine e = project();
    // the root project has models/table_model.sql, so the package's model of the same path matches too
    assertThat(ls(e, "path:models/table_model.sql")).containsExactly("model.pkg.table_model",
        "model.test.table_model");
    // models/staging exists only in the package: nothing in the root project globs to it
    assertThat(ls(e, "path:models/staging")).isEmpty();
    assertThat(ls(e, "path:models")).contains("model.pkg.union_model");
  }

  @Test
  void pathRejectsAbsolutePatterns() {
    assertThatThrownBy(() -> ls(project(), "path:/abs")).hasMessage("Non-relative patterns are unsupported");
  }

  @Test
  void fileMatchesBasenameOrStem() {
    SelectorEngine e = project();
    assertThat(ls(e, "file:union_model")).containsExactly("model.pkg.union_model", "model.test.union_model");
    assertThat(ls(e, "union_model.sql")).containsExactly("model.pkg.union_model", "model.test.union_model");
    assertThat(ls(e, "file:metrics.yml")).containsExactly("metric.test.revenue", "saved_query.test.weekly",
        "semantic_model.test.orders_sm");
  }

  @Test
  void packageGlobsAndThisIsTheRootProject() {
    assertThat(ls(project(), "package:this")).hasSize(16);
    assertThat(ls(project(), "package:p?g")).containsExactly("model.pkg.table_model", "model.pkg.union_model");
  }

  @Test
  void configComparesStringsExactly() {
    SelectorEngine e = project();
    assertThat(ls(e, "config.materialized:table")).containsExactly("model.test.table_model");
    assertThat(ls(e, "config.materialized:TABLE")).isEmpty();
    assertThat(ls(e, "config.incremental_strategy:delete+insert")).containsExactly("model.test.table_model_py");
  }

  @Test
  void configNumbersNeverMatch() {
    assertThat(ls(project(), "config.limit:10")).isEmpty();
  }

  @Test
  void configBooleansListsAndMeta() {
    SelectorEngine e = project();
    assertThat(ls(e, "config.contract.enforced:True")).containsExactly("model.test.table_model");
    assertThat(ls(e, "config.meta.owner:alice")).containsExactly("model.test.table_model");
    assertThat(ls(e, "config.meta.flags:true")).containsExactly("model.test.table_model");
    assertThat(ls(e, "config.tags:finance")).containsExactly("model.test.table_model");
    assertThat(ls(e, "config.tags:fin*")).isEmpty();
  }

  @Test
  void configSeverityIsCaseInsensitive() {
    assertThat(ls(project(), "config.severity:warn")).containsExactly("test.test.not_null_inner_id.abc");
  }

  @Test
  void configSearchesOnlyNodesAndSources() {
    assertThat(ls(project(), "config.group:finance_team")).containsExactly("model.test.table_model");
  }

  @Test
  void testNameIsTheGenericMacroName() {
    SelectorEngine e = project();
    assertThat(ls(e, "test_name:unique")).containsExactly("test.test.unique_inner_id.0123456789");
    assertThat(ls(e, "test_name:unique_inner_id")).isEmpty();
    assertThat(ls(e, "test_name:unit_test_table_model"))
        .containsExactly("unit_test.test.table_model.unit_test_table_model");
  }

  @Test
  void testTypeValues() {
    SelectorEngine e = project();
    assertThat(ls(e, "test_type:generic")).containsExactly("test.test.not_null_inner_id.abc",
        "test.test.unique_inner_id.0123456789");
    assertThat(ls(e, "test_type:singular")).containsExactly("test.test.assert_positive");
    assertThat(ls(e, "test_type:data")).hasSize(3);
    assertThat(ls(e, "test_type:unit")).containsExactly("unit_test.test.table_model.unit_test_table_model");
    assertThatThrownBy(() -> ls(e, "test_type:bogus")).hasMessage("Invalid test type selector bogus: expected "
        + "\"generic\", \"singular\", \"unit\", or \"data\"");
  }

  @Test
  void resourceTypeMethod() {
    SelectorEngine e = project();
    assertThat(ls(e, "resource_type:seed")).containsExactly("seed.test.countries");
    assertThatThrownBy(() -> ls(e, "resource_type:table")).hasMessage("Invalid resource_type selector \"table\"");
  }

  @Test
  void disabledNodesAreNeverSelected() {
    assertThat(ls(project(), "disabled_one")).isEmpty();
  }
}
