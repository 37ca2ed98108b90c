package dev.dbttriage.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Version quirks of {@code manifest.json}, one per test. */
class ManifestReaderTest {
  static final String V12 = "{\"metadata\":{\"dbt_schema_version\":"
      + "\"https://schemas.getdbt.com/dbt/manifest/v12.json\",\"dbt_version\":\"1.9.4\","
      + "\"project_name\":\"shop\",\"adapter_type\":\"snowflake\",\"invocation_id\":\"abc\","
      + "\"generated_at\":\"2025-01-01T00:00:00Z\"},";

  static Manifest read(String json) {
    return Artifacts.readManifest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        "manifest.json");
  }

  static Path corpusFile(String relative) {
    String shared = System.getProperty("dbttriage.shared");
    assumeTrue(shared != null, "dbttriage.shared not set");
    Path file = Path.of(shared, "fixtures", "artifacts", relative);
    assumeTrue(Files.isRegularFile(file), "corpus absent");
    return file;
  }

  @Test
  void v12ModelKeepsConfigDependenciesCodeColumnsAndContract() {
    Manifest m = read(V12 + "\"nodes\":{\"model.shop.orders\":{\"unique_id\":\"model.shop.orders\","
        + "\"resource_type\":\"model\",\"name\":\"orders\",\"package_name\":\"shop\","
        + "\"fqn\":[\"shop\",\"marts\",\"orders\"],\"path\":\"marts/orders.sql\","
        + "\"original_file_path\":\"models/marts/orders.sql\",\"patch_path\":\"shop://models/schema.yml\","
        + "\"database\":\"db\",\"schema\":\"marts\",\"alias\":\"orders\",\"relation_name\":\"db.marts.orders\","
        + "\"tags\":[\"daily\"],\"config\":{\"enabled\":true,\"materialized\":\"incremental\","
        + "\"unique_key\":[\"id\",\"day\"],\"meta\":{\"owner\":\"ana\"},\"contract\":{\"enforced\":true},"
        + "\"alias\":null},\"unrendered_config\":{\"materialized\":\"incremental\"},\"meta\":{\"owner\":\"ana\"},"
        + "\"depends_on\":{\"macros\":[\"macro.dbt.is_incremental\"],\"nodes\":[\"model.shop.stg_orders\"]},"
        + "\"raw_code\":\"select 1\",\"compiled_code\":\"select 1 -- compiled\",\"language\":\"sql\","
        + "\"checksum\":{\"name\":\"sha256\",\"checksum\":\"ab12\"},\"columns\":{\"id\":{\"name\":\"id\","
        + "\"data_type\":\"int\",\"description\":\"key\",\"constraints\":[{\"type\":\"not_null\"},"
        + "{\"type\":\"primary_key\"}],\"meta\":{\"pii\":false},\"tags\":[]}},\"version\":2,"
        + "\"latest_version\":2.0,\"group\":\"finance\",\"access\":\"public\","
        + "\"contract\":{\"enforced\":true,\"alias_types\":true,\"checksum\":null},"
        + "\"constraints\":[],\"deprecation_date\":null,\"extra_ctes\":[{\"id\":\"x\",\"sql\":\"y\"}]}}}");
    Node n = m.nodes().get("model.shop.orders");
    assertThat(n.resourceType()).isEqualTo(ResourceType.MODEL);
    assertThat(n.fqn()).containsExactly("shop", "marts", "orders");
    assertThat(n.patchPath()).contains("shop://models/schema.yml");
    assertThat(n.relationName()).contains("db.marts.orders");
    assertThat(n.config().isIncremental()).isTrue();
    assertThat(n.config().uniqueKey()).containsExactly("id", "day");
    assertThat(n.config().contractEnforced()).isTrue();
    assertThat(n.config().values()).containsEntry("alias", null);
    assertThat(n.config().values().keySet()).containsExactly("enabled", "materialized", "unique_key", "meta",
        "contract", "alias");
    assertThat(n.unrenderedConfig()).isEqualTo(Map.of("materialized", "incremental"));
    assertThat(n.dependsOnNodes()).containsExactly("model.shop.stg_orders");
    assertThat(n.dependsOnMacros()).containsExactly("macro.dbt.is_incremental");
    assertThat(n.rawCode()).isEqualTo("select 1");
    assertThat(n.compiledCode()).contains("select 1 -- compiled");
    assertThat(n.checksum()).isEqualTo(new Checksum("sha256", "ab12"));
    Column id = n.columns().get("id");
    assertThat(id.dataType()).contains("int");
    assertThat(id.description()).isEqualTo("key");
    assertThat(id.constraints()).containsExactly("not_null", "primary_key");
    assertThat(id.meta()).isEqualTo(Map.of("pii", false));
    assertThat(n.version()).contains("2");
    assertThat(n.latestVersion()).contains("2.0");
    assertThat(n.group()).contains("finance");
    assertThat(n.access()).contains("public");
    assertThat(n.attributes()).containsOnlyKeys("contract", "constraints", "deprecation_date");
    assertThat(n.attribute("contract")).contains(mapOf("enforced", true, "alias_types", true, "checksum", null));
    assertThat(m.metadata().schemaVersion()).isEqualTo(12);
    assertThat(m.metadata().dbtVersion()).contains("1.9.4");
    assertThat(m.projectName()).contains("shop");
    assertThat(m.adapterType()).contains("snowflake");
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void genericTestKeepsTestMetadataAttachedNodeAndColumnName() {
    Manifest m = read(V12 + "\"nodes\":{\"test.shop.not_null_orders_id.abc\":{\"resource_type\":\"test\","
        + "\"unique_id\":\"test.shop.not_null_orders_id.abc\",\"name\":\"not_null_orders_id\","
        + "\"package_name\":\"shop\",\"test_metadata\":{\"name\":\"not_null\",\"namespace\":null,"
        + "\"kwargs\":{\"column_name\":\"id\",\"model\":\"{{ get_where_subquery(ref('orders')) }}\"}},"
        + "\"attached_node\":\"model.shop.orders\",\"column_name\":\"id\",\"config\":{\"severity\":\"warn\"},"
        + "\"checksum\":{\"name\":\"none\",\"checksum\":\"\"}}}}");
    Node t = m.nodes().get("test.shop.not_null_orders_id.abc");
    assertThat(t.isGenericTest()).isTrue();
    assertThat(t.testMetadata().orElseThrow().name()).isEqualTo("not_null");
    assertThat(t.testMetadata().orElseThrow().namespace()).isEmpty();
    assertThat(t.testMetadata().orElseThrow().kwargs()).containsEntry("column_name", "id");
    assertThat(t.attachedNode()).contains("model.shop.orders");
    assertThat(t.columnName()).contains("id");
    assertThat(t.config().severity()).contains("WARN");
  }

  @Test
  void sourceIdentifierBecomesAliasAndTypeFieldsAreAttributes() {
    Manifest m = read(V12 + "\"nodes\":{},\"sources\":{\"source.shop.raw.orders\":{\"resource_type\":\"source\","
        + "\"unique_id\":\"source.shop.raw.orders\",\"name\":\"orders\",\"source_name\":\"raw\","
        + "\"identifier\":\"ORDERS_V2\",\"loader\":\"fivetran\",\"source_description\":\"raw data\","
        + "\"loaded_at_field\":\"_loaded\",\"freshness\":{\"warn_after\":{\"count\":1,\"period\":\"hour\"}},"
        + "\"quoting\":{\"identifier\":true},\"external\":null,\"fqn\":[\"shop\",\"raw\",\"orders\"]}}}");
    Node s = m.sources().get("source.shop.raw.orders");
    assertThat(s.alias()).contains("ORDERS_V2");
    assertThat(s.sourceName()).contains("raw");
    assertThat(s.attributes()).containsOnlyKeys("identifier", "loader", "source_description",
        "loaded_at_field", "freshness", "quoting", "external");
    assertThat(s.attribute("loader")).contains("fivetran");
    assertThat(s.attributes()).containsEntry("external", null);
  }

  @Test
  void exposuresMetricsUnitTestsAndGroupsKeepTheirTypeFields() {
    Manifest m = read(V12 + "\"nodes\":{},\"exposures\":{\"exposure.shop.dash\":{\"resource_type\":\"exposure\","
        + "\"unique_id\":\"exposure.shop.dash\",\"name\":\"dash\",\"type\":\"dashboard\","
        + "\"owner\":{\"name\":\"Ana\",\"email\":\"a@x\"},\"maturity\":\"high\",\"url\":\"https://x\","
        + "\"label\":\"Dash\",\"depends_on\":{\"nodes\":[\"model.shop.orders\"]}}},"
        + "\"metrics\":{\"metric.shop.rev\":{\"resource_type\":\"metric\",\"unique_id\":\"metric.shop.rev\","
        + "\"type\":\"simple\",\"label\":\"Revenue\",\"type_params\":{\"measure\":{\"name\":\"rev\"}},"
        + "\"filter\":null}},\"unit_tests\":{\"unit_test.shop.orders.t1\":{\"resource_type\":\"unit_test\","
        + "\"unique_id\":\"unit_test.shop.orders.t1\",\"model\":\"orders\",\"given\":[{\"input\":\"ref('a')\","
        + "\"rows\":[{\"id\":1}]}],\"expect\":{\"rows\":[{\"id\":1}]},\"checksum\":\"deadbeef\"}},"
        + "\"groups\":{\"group.shop.finance\":{\"resource_type\":\"group\",\"unique_id\":\"group.shop.finance\","
        + "\"name\":\"finance\",\"owner\":{\"name\":\"Fin\"}}},"
        + "\"selectors\":{\"nightly\":{\"name\":\"nightly\",\"definition\":{\"method\":\"tag\",\"value\":\"n\"}}}}");
    Node e = m.exposures().get("exposure.shop.dash");
    assertThat(e.owner()).contains("Ana");
    assertThat(e.attributes()).containsOnlyKeys("type", "owner", "maturity", "url", "label");
    assertThat(e.dependsOnNodes()).containsExactly("model.shop.orders");
    Node metric = m.metrics().get("metric.shop.rev");
    assertThat(metric.attributes()).containsOnlyKeys("type", "label", "type_params", "filter");
    Node ut = m.unitTests().get("unit_test.shop.orders.t1");
    assertThat(ut.checksum()).isEqualTo(new Checksum("sha256", "deadbeef"));
    assertThat(ut.attribute("model")).contains("orders");
    assertThat(ut.attributes()).containsOnlyKeys("model", "given", "expect");
    assertThat(m.groups().get("group.shop.finance").resourceType()).isEqualTo(ResourceType.GROUP);
    assertThat(m.selectors()).containsOnlyKeys("nightly");
    assertThat(m.countsByResourceType()).containsEntry(ResourceType.GROUP, 1)
        .containsEntry(ResourceType.UNIT_TEST, 1).containsEntry(ResourceType.EXPOSURE, 1);
  }

  @Test
  void macrosKeepSqlAndMacroDependencies() {
    Manifest m = read(V12 + "\"nodes\":{},\"macros\":{\"macro.shop.cents\":{\"unique_id\":\"macro.shop.cents\","
        + "\"name\":\"cents\",\"package_name\":\"shop\",\"original_file_path\":\"macros/cents.sql\","
        + "\"macro_sql\":\"{% macro cents(x) %}{{ x }}/100{% endmacro %}\","
        + "\"depends_on\":{\"macros\":[\"macro.dbt.round\"]},\"arguments\":[]}}}");
    Macro macro = m.macros().get("macro.shop.cents");
    assertThat(macro.macroSql()).isEqualTo("{% macro cents(x) %}{{ x }}/100{% endmacro %}");
    assertThat(macro.dependsOnMacros()).containsExactly("macro.dbt.round");
    assertThat(macro.originalFilePath()).isEqualTo("macros/cents.sql");
  }

  @Test
  void v1DisabledListAndRawSqlAreNormalised() {
    Manifest m = read("{\"metadata\":{\"dbt_schema_version\":\"https://schemas.getdbt.com/dbt/manifest/v1.json\","
        + "\"project_id\":\"0b9b3fdb5a4e8b8b4c6e5c0e0fd3fbb1\"},\"nodes\":{\"model.shop.a\":{\"resource_type\":"
        + "\"model\",\"unique_id\":\"model.shop.a\",\"raw_sql\":\"select 2\",\"compiled_sql\":\"select 2\","
        + "\"package_name\":\"shop\"}},\"disabled\":[{\"resource_type\":\"model\",\"unique_id\":\"model.shop.b\","
        + "\"config\":{\"enabled\":false}},{\"resource_type\":\"model\",\"unique_id\":\"model.shop.b\"}]}");
    assertThat(m.nodes().get("model.shop.a").rawCode()).isEqualTo("select 2");
    assertThat(m.nodes().get("model.shop.a").compiledCode()).contains("select 2");
    assertThat(m.disabled()).containsOnlyKeys("model.shop.b");
    assertThat(m.disabled().get("model.shop.b")).hasSize(2);
    assertThat(m.disabled().get("model.shop.b").get(0).enabled()).isFalse();
    assertThat(m.metadata().schemaLabel()).isEqualTo("v1");
  }

  @Test
  void projectNameIsDerivedFromProjectIdBeforeV10() {
    // ba4084a3... is the md5 of "crm_wordpress" (the project id the pre-v1 wordpress corpus manifest records)
    Manifest m = read("{\"metadata\":{\"dbt_schema_version\":\"https://schemas.getdbt.com/dbt/manifest/v9.json\","
        + "\"project_id\":\"ba4084a31291ddd70dcc2fc45f443ec7\"},\"nodes\":{"
        + "\"model.dbt_utils.x\":{\"resource_type\":\"model\",\"package_name\":\"dbt_utils\"},"
        + "\"model.crm_wordpress.y\":{\"resource_type\":\"model\",\"package_name\":\"crm_wordpress\"}}}");
    assertThat(m.projectName()).contains("crm_wordpress");
  }

  @Test
  void preV1ManifestMovesSourcesOutOfNodes() {
    Manifest m = Artifacts.readManifest(
        corpusFile("PadmavathyNagarajan_dbt_wordpress/pre-0.19_2f830d8/manifest.json"));
    assertThat(m.metadata().schemaVersion()).isZero();
    assertThat(m.metadata().schemaLabel()).isEqualTo("pre-v1");
    assertThat(m.nodes()).hasSize(10);
    assertThat(m.sources()).hasSize(8);
    Node src = m.sources().get("source.crm_wordpress.wordpress_sources.categories");
    assertThat(src.sourceName()).contains("wordpress_sources");
    assertThat(src.alias()).contains("categories");
    assertThat(m.projectName()).contains("crm_wordpress");
    assertThat(m.adapterType()).contains("snowflake");
    assertThat(m.metadata().generatedAt()).isPresent();
    assertThat(m.nodes().get("model.crm_wordpress.categories").rawCode()).contains("incremental_logic()");
  }

  @Test
  void fusionV20ManifestLoadsWithoutWarnings() {
    Manifest m = Artifacts.readManifest(
        corpusFile("eluzuriaga83_dbt_fundamentals/2.0.0-preview.92_10c0706/manifest.json"));
    assertThat(m.metadata().schemaVersion()).isEqualTo(20);
    assertThat(m.projectName()).contains("jaffle_shop");
    assertThat(m.warnings()).isEmpty();
    Node dim = m.nodes().get("model.jaffle_shop.dim_customers");
    assertThat(dim.dependsOnNodes()).containsExactly("model.jaffle_shop.stg_jaffle_shop_customers",
        "model.jaffle_shop.fct_orders");
    assertThat(dim.columns().get("CUSTOMER_ID").dataType()).contains("NUMBER(38,0)");
  }

  @Test
  void versionedModelsKeepVersionsAsStrings() {
    Manifest m = Artifacts.readManifest(corpusFile("cosmos/manifest_model_version.json"));
    Node v2 = m.nodes().get("model.jaffle_shop.customers.v2");
    assertThat(v2.version()).contains("2");
    assertThat(v2.latestVersion()).contains("2");
    assertThat(m.nodes().get("model.jaffle_shop.customers.v1").version()).contains("1");
  }

  @Test
  void futureSchemaVersionLoadsWithAWarning() {
    Manifest m = read("{\"metadata\":{\"dbt_schema_version\":\"https://schemas.getdbt.com/dbt/manifest/v13.json\"},"
        + "\"nodes\":{\"model.shop.a\":{\"resource_type\":\"model\",\"new_field\":{\"x\":[1,2]}}}}");
    assertThat(m.nodes()).containsOnlyKeys("model.shop.a");
    assertThat(m.metadata().schemaVersion()).isEqualTo(13);
    assertThat(m.warnings()).extracting(ArtifactWarning::toString).containsExactly(
        "manifest.json: manifest schema v13 is newer than this library knows (v12); read best-effort"
            + " at $.metadata.dbt_schema_version");
  }

  @Test
  void unknownResourceTypeIsOtherWithTheRawName() {
    Manifest m = read(V12 + "\"nodes\":{\"widget.shop.a\":{\"resource_type\":\"widget\"}}}");
    Node n = m.nodes().get("widget.shop.a");
    assertThat(n.resourceType()).isEqualTo(ResourceType.OTHER);
    assertThat(n.resourceTypeName()).isEqualTo("widget");
    assertThat(n.name()).isEqualTo("a");
    assertThat(n.packageName()).isEqualTo("shop");
    assertThat(n.fqn()).isEqualTo(List.of("shop", "a"));
    assertThat(n.patchPath()).isEqualTo(Optional.empty());
  }

  private static Map<String, Object> mapOf(Object... kv) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      map.put((String) kv[i], kv[i + 1]);
    }
    return map;
  }
}
