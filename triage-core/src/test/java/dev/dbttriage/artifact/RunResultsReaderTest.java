package dev.dbttriage.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Version quirks of {@code run_results.json}, {@code sources.json} and {@code catalog.json}. */
class RunResultsReaderTest {
  static final String V6 = "{\"metadata\":{\"dbt_schema_version\":"
      + "\"https://schemas.getdbt.com/dbt/run-results/v6.json\",\"dbt_version\":\"1.9.0\","
      + "\"generated_at\":\"2025-01-01T00:00:00Z\",\"invocation_id\":\"i-1\"},";

  static RunResults read(String json) {
    return Artifacts.readRunResults(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        "run_results.json");
  }

  static String result(String id, String status) {
    return "{\"unique_id\":\"" + id + "\",\"status\":\"" + status + "\",\"timing\":[],\"thread_id\":\"T1\","
        + "\"execution_time\":1.5,\"adapter_response\":{},\"message\":null,\"failures\":null}";
  }

  @Test
  void everyDbtStatusParsesAndUnknownOnesAreKeptRawWithAWarning() {
    List<String> statuses = List.of("success", "error", "fail", "warn", "pass", "skipped", "runtime error",
        "no-op", "partial success", "reused", "Pass", "exploded");
    StringBuilder json = new StringBuilder(V6 + "\"results\":[");
    for (int i = 0; i < statuses.size(); i++) {
      json.append(i == 0 ? "" : ",").append(result("model.a.m" + i, statuses.get(i)));
    }
    RunResults r = read(json.append("],\"elapsed_time\":3.0}").toString());
    assertThat(r.results()).extracting(RunResult::status).containsExactly(RunStatus.SUCCESS, RunStatus.ERROR,
        RunStatus.FAIL, RunStatus.WARN, RunStatus.PASS, RunStatus.SKIPPED, RunStatus.RUNTIME_ERROR,
        RunStatus.NO_OP, RunStatus.PARTIAL_SUCCESS, RunStatus.REUSED, RunStatus.PASS, RunStatus.UNKNOWN);
    assertThat(r.results().get(11).rawStatus()).isEqualTo("exploded");
    assertThat(r.results().get(10).rawStatus()).isEqualTo("Pass");
    assertThat(r.warnings()).extracting(ArtifactWarning::toString)
        .containsExactly("run_results.json: unknown status 'exploded' kept raw at $.results[11].status");
    assertThat(r.elapsedTime().getAsDouble()).isEqualTo(3.0);
  }

  @Test
  void resultKeepsTimingAdapterResponseFailuresCodeAndBatches() {
    RunResults r = read(V6 + "\"results\":[{\"unique_id\":\"model.a.events\",\"status\":\"partial success\","
        + "\"timing\":[{\"name\":\"compile\",\"started_at\":\"t0\",\"completed_at\":\"t1\"}],"
        + "\"thread_id\":\"Thread-2\",\"execution_time\":12.25,\"adapter_response\":{\"rows_affected\":42,"
        + "\"query_id\":\"q1\"},\"message\":\"1 of 2 batches failed\",\"failures\":3,"
        + "\"compiled_code\":\"select 1\",\"relation_name\":\"db.s.events\",\"batch_results\":{"
        + "\"successful\":[[\"2025-01-01\",\"2025-01-02\"]],\"failed\":[[\"2025-01-02\",\"2025-01-03\"]]}}]}");
    RunResult x = r.results().get(0);
    assertThat(x.status()).isEqualTo(RunStatus.PARTIAL_SUCCESS);
    assertThat(x.timing()).containsExactly(new Timing("compile", Optional.of("t0"), Optional.of("t1")));
    assertThat(x.threadId()).contains("Thread-2");
    assertThat(x.executionTime()).isEqualTo(12.25);
    assertThat(x.rowsAffected().getAsLong()).isEqualTo(42);
    assertThat(x.failures().getAsLong()).isEqualTo(3);
    assertThat(x.message()).contains("1 of 2 batches failed");
    assertThat(x.compiledCode()).contains("select 1");
    assertThat(x.relationName()).contains("db.s.events");
    assertThat(x.batchResults().orElseThrow().failed()).containsExactly(List.of("2025-01-02", "2025-01-03"));
    assertThat(r.metadata().invocationId()).contains("i-1");
    assertThat(r.args()).isEqualTo(InvocationArgs.NONE);
  }

  @Test
  void argsBecomeInvocationArgs() {
    RunResults r = read(V6 + "\"results\":[],\"args\":{\"which\":\"build\",\"select\":[\"tag:daily+\","
        + "\"orders\"],\"exclude\":[\"stg_x\"],\"selector\":null,\"resource_types\":[\"model\"],"
        + "\"exclude_resource_types\":[],\"indirect_selection\":\"eager\",\"full_refresh\":true,"
        + "\"fail_fast\":false,\"state\":\"prod-artifacts\",\"defer\":true,\"vars\":{}}}");
    InvocationArgs a = r.args();
    assertThat(a.command()).contains("build");
    assertThat(a.select()).containsExactly("tag:daily+", "orders");
    assertThat(a.exclude()).containsExactly("stg_x");
    assertThat(a.selector()).isEmpty();
    assertThat(a.resourceTypes()).containsExactly("model");
    assertThat(a.indirectSelection()).contains("eager");
    assertThat(a.fullRefresh()).isTrue();
    assertThat(a.failFast()).isFalse();
    assertThat(a.state()).contains("prod-artifacts");
    assertThat(a.defer()).isTrue();
    assertThat(a.raw()).containsKeys("which", "vars");
  }

  @Test
  void olderArgsKeepModelsAsOneSpaceSeparatedString() {
    RunResults r = read("{\"metadata\":{\"dbt_schema_version\":"
        + "\"https://schemas.getdbt.com/dbt/run-results/v1.json\"},\"results\":[],"
        + "\"args\":{\"which\":\"run\",\"models\":\"orders  customers+\",\"exclude\":\"stg_a\"}}");
    assertThat(r.args().select()).containsExactly("orders", "customers+");
    assertThat(r.args().exclude()).containsExactly("stg_a");
  }

  @Test
  void dbtBefore15RecordsTheSelectorAsSelectorName() {
    // dbt 1.0-1.4 parsed --selector with argparse dest="selector_name", and run_results args keep that name;
    // read as no selector, the triage re-evaluated the default selection and called unselected nodes lost.
    RunResults r = read(V6 + "\"results\":[],\"args\":{\"which\":\"build\",\"selector_name\":\"nightly\","
        + "\"resource_type\":[\"model\"],\"full_refresh\":\"true\",\"indirect_selection\":\"Cautious\","
        + "\"models\":[[\"a\", \"b c\"]]}}");
    InvocationArgs a = r.args();
    assertThat(a.selector()).contains("nightly");
    assertThat(a.resourceTypes()).containsExactly("model");
    assertThat(a.fullRefresh()).isTrue();
    assertThat(a.indirectSelection()).contains("cautious");
    assertThat(a.select()).containsExactly("a", "b", "c");
    assertThat(a.raw()).containsOnlyKeys("which", "selector_name", "resource_type", "full_refresh",
        "indirect_selection", "models");
  }

  @Test
  void dbtFusionNestsTheArgsUnderOther() {
    RunResults r = read(V6 + "\"results\":[],\"args\":{\"__other__\":{\"which\":\"run\",\"select\":"
        + "[\"orders+\"],\"fail_fast\":true}}}");
    assertThat(r.args().command()).contains("run");
    assertThat(r.args().select()).containsExactly("orders+");
    assertThat(r.args().failFast()).isTrue();
  }

  @Test
  void aRealFusionRunResultsKeepsItsCommand() {
    Path file = ManifestReaderTest.corpusFile(
        "npbeard_procurement-intelligence/2.0.0-preview.183_f795f31/run_results.json");
    RunResults r = Artifacts.readRunResults(file);
    assertThat(r.args().command()).contains("run");
    assertThat(r.args().select()).isEmpty();
    assertThat(r.args().raw()).containsKey("__other__");
  }

  @Test
  void preV1ResultsTakeTheOutcomeFromBooleansAndTheMessageFromStatus() {
    RunResults r = read("{\"results\":["
        + "{\"node\":{\"unique_id\":\"model.a.m\",\"resource_type\":\"model\",\"compiled_sql\":\"select 1\"},"
        + "\"error\":null,\"status\":\"CREATE VIEW\",\"execution_time\":0.5,\"thread_id\":\"Thread-1\","
        + "\"timing\":[],\"fail\":null,\"warn\":null,\"skip\":false},"
        + "{\"node\":{\"unique_id\":\"test.a.t\",\"resource_type\":\"test\"},\"error\":null,\"status\":0.0,"
        + "\"fail\":null,\"warn\":null,\"skip\":false},"
        + "{\"node\":{\"unique_id\":\"test.a.u\",\"resource_type\":\"test\"},\"error\":null,\"status\":4,"
        + "\"fail\":true,\"warn\":null,\"skip\":false},"
        + "{\"node\":{\"unique_id\":\"model.a.n\",\"resource_type\":\"model\"},"
        + "\"error\":\"Database Error in model n\",\"status\":null,\"fail\":null,\"warn\":null,\"skip\":false},"
        + "{\"node\":{\"unique_id\":\"model.a.o\",\"resource_type\":\"model\"},\"error\":null,\"status\":null,"
        + "\"fail\":null,\"warn\":null,\"skip\":true}],"
        + "\"generated_at\":\"2020-06-10T09:34:04Z\",\"elapsed_time\":10.0}");
    assertThat(r.metadata().schemaLabel()).isEqualTo("pre-v1");
    assertThat(r.metadata().generatedAt()).contains("2020-06-10T09:34:04Z");
    assertThat(r.results()).extracting(RunResult::status).containsExactly(RunStatus.SUCCESS, RunStatus.PASS,
        RunStatus.FAIL, RunStatus.ERROR, RunStatus.SKIPPED);
    assertThat(r.results().get(0).message()).contains("CREATE VIEW");
    assertThat(r.results().get(0).compiledCode()).contains("select 1");
    assertThat(r.results().get(1).failures().getAsLong()).isZero();
    assertThat(r.results().get(2).failures().getAsLong()).isEqualTo(4);
    assertThat(r.results().get(3).message()).contains("Database Error in model n");
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void sourcesV3AndFusionCapitalisedStatuses() {
    SourceFreshness s = Artifacts.readSources(new ByteArrayInputStream(("{\"metadata\":{\"dbt_schema_version\":"
        + "\"https://schemas.getdbt.com/dbt/sources/v3.json\"},\"results\":["
        + "{\"unique_id\":\"source.a.raw.o\",\"max_loaded_at\":\"m\",\"snapshotted_at\":\"s\","
        + "\"max_loaded_at_time_ago_in_s\":60.0,\"status\":\"Warn\",\"criteria\":{\"warn_after\":{\"count\":1,"
        + "\"period\":\"minute\"}},\"adapter_response\":{},\"timing\":[],\"thread_id\":\"T\","
        + "\"execution_time\":0.2},{\"unique_id\":\"source.a.raw.p\",\"status\":\"runtime error\","
        + "\"error\":\"Database Error: no column\"}],\"elapsed_time\":1.0}").getBytes(StandardCharsets.UTF_8)),
        "sources.json");
    assertThat(s.results()).extracting(FreshnessResult::status)
        .containsExactly(FreshnessStatus.WARN, FreshnessStatus.RUNTIME_ERROR);
    assertThat(s.results().get(0).rawStatus()).isEqualTo("Warn");
    assertThat(s.results().get(0).ageSeconds().getAsDouble()).isEqualTo(60.0);
    assertThat(s.results().get(0).criteria()).containsKey("warn_after");
    assertThat(s.results().get(1).error()).contains("Database Error: no column");
  }

  @Test
  void preV1SourcesInMetaSourcesShape() {
    SourceFreshness s = Artifacts.readSources(new ByteArrayInputStream(("{\"meta\":{\"generated_at\":\"g\","
        + "\"elapsed_time\":4.0},\"sources\":{\"source.a.raw.o\":{\"max_loaded_at\":\"m\","
        + "\"snapshotted_at\":\"s\",\"max_loaded_at_time_ago_in_s\":8646.5,\"state\":\"warn\","
        + "\"criteria\":{}}}}").getBytes(StandardCharsets.UTF_8)), "sources.json");
    assertThat(s.metadata().schemaLabel()).isEqualTo("pre-v1");
    assertThat(s.metadata().generatedAt()).contains("g");
    assertThat(s.elapsedTime().getAsDouble()).isEqualTo(4.0);
    assertThat(s.results()).singleElement().satisfies(r -> {
      assertThat(r.uniqueId()).isEqualTo("source.a.raw.o");
      assertThat(r.status()).isEqualTo(FreshnessStatus.WARN);
    });
  }

  @Test
  void catalogKeepsColumnsInWarehouseOrderAndStatValues() {
    Catalog c = Artifacts.readCatalog(new ByteArrayInputStream(("{\"metadata\":{\"dbt_schema_version\":"
        + "\"https://schemas.getdbt.com/dbt/catalog/v1.json\"},\"nodes\":{\"model.a.o\":{\"metadata\":{"
        + "\"type\":\"BASE TABLE\",\"schema\":\"S\",\"name\":\"O\",\"database\":\"D\",\"comment\":null,"
        + "\"owner\":\"me\"},\"columns\":{\"ID\":{\"type\":\"NUMBER\",\"index\":1,\"name\":\"ID\","
        + "\"comment\":null},\"AMOUNT\":{\"type\":\"FLOAT\",\"index\":2,\"name\":\"AMOUNT\",\"comment\":\"c\"}},"
        + "\"stats\":{\"row_count\":{\"id\":\"row_count\",\"label\":\"Row Count\",\"value\":12,"
        + "\"include\":true}},\"unique_id\":\"model.a.o\"}},\"sources\":{},\"errors\":null}")
        .getBytes(StandardCharsets.UTF_8)), "catalog.json");
    CatalogTable t = c.table("model.a.o").orElseThrow();
    assertThat(t.type()).isEqualTo("BASE TABLE");
    assertThat(t.owner()).contains("me");
    assertThat(t.columns().keySet()).containsExactly("ID", "AMOUNT");
    assertThat(t.column("amount").orElseThrow().comment()).contains("c");
    assertThat(t.rowCount()).contains(12L);
    assertThat(c.errors()).isEmpty();
  }

  @Test
  void readTargetReadsWhatTheDirectoryHas() {
    Path dir = ManifestReaderTest.corpusFile("mmorganfield_dbt-ondemand/pre-0.19_5d85dff/manifest.json")
        .getParent();
    TargetArtifacts t = Artifacts.readTarget(dir);
    assertThat(t.manifest().nodes()).hasSize(14);
    assertThat(t.runResults().orElseThrow().results()).hasSize(5);
    assertThat(t.sources().orElseThrow().results()).extracting(FreshnessResult::status)
        .containsExactly(FreshnessStatus.ERROR);
    assertThat(t.catalog().orElseThrow().nodes()).hasSize(5);
    assertThat(t.directory()).contains(dir);
  }
}
