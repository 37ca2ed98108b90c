package dev.dbttriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Path cwd, String... args) {
    CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), false, cwd);
    return Main.run(List.of(args), context);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static Path corpus(String relative) {
    String shared = System.getProperty("dbttriage.shared");
    assumeTrue(shared != null, "dbttriage.shared not set");
    Path p = Path.of(shared, "fixtures", "artifacts", relative);
    assumeTrue(Files.exists(p), "corpus absent");
    return p;
  }

  @Test
  void inspectsATargetDirectoryAsText(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("manifest.json"), "{\"metadata\": {\"dbt_schema_version\": "
        + "\"https://schemas.getdbt.com/dbt/manifest/v12.json\", \"dbt_version\": \"1.9.4\", "
        + "\"adapter_type\": \"postgres\", \"project_name\": \"shop\"}, \"nodes\": {"
        + "\"model.shop.a\": {\"resource_type\": \"model\"}, \"model.shop.b\": {\"resource_type\": \"model\"},"
        + "\"test.shop.t\": {\"resource_type\": \"test\"}}, \"sources\": {\"source.shop.r.x\": "
        + "{\"resource_type\": \"source\"}}, \"macros\": {}}");
    Files.writeString(dir.resolve("run_results.json"), "{\"metadata\": {\"dbt_schema_version\": "
        + "\"https://schemas.getdbt.com/dbt/run-results/v6.json\", \"dbt_version\": \"1.9.4\"}, "
        + "\"results\": [{\"unique_id\": \"model.shop.a\", \"status\": \"error\"}, "
        + "{\"unique_id\": \"model.shop.b\", \"status\": \"skipped\"}, "
        + "{\"unique_id\": \"test.shop.t\", \"status\": \"exploded\"}], \"elapsed_time\": 2.5, "
        + "\"args\": {\"which\": \"build\"}}");
    assertThat(run(dir, "inspect", ".")).isZero();
    assertThat(out()).isEqualTo("manifest.json: manifest v12 (dbt 1.9.4, adapter postgres, project shop)\n"
        + "  resources: 4 (model 2, source 1, test 1)\n"
        + "  macros 0, disabled 0\n"
        + "  warnings: none\n"
        + "run_results.json: run-results v6 (dbt 1.9.4)\n"
        + "  results: 3 (error 1, exploded 1, skipped 1)\n"
        + "  command build, elapsed time 2.50 s\n"
        + "  warnings: 1\n"
        + "    $.results[2].status: unknown status 'exploded' kept raw\n");
    assertThat(err()).isEmpty();
  }

  @Test
  void inspectsAPreV1RunResultsFileAsJson() {
    Path file = corpus("AIGUL-AIDA_vertica_test_project/pre-0.19_1d83166/run_results.json");
    assertThat(run(Path.of(""), "inspect", file.toString(), "--format", "json")).isZero();
    assertThat(out()).contains("\"kind\" : \"run-results\"", "\"schema\" : \"pre-v1\"", "\"schema_version\" : 0",
        "\"total\" : 14", "\"success\" : 10", "\"pass\" : 4", "\"warnings\" : [ ]");
  }

  @Test
  void detectsTheKindOfAFileFromItsContent(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("freshness-copy.json");
    Files.copy(corpus("prasidan_dbt-learn-pnewman/pre-0.19_c78363f/sources.json"), file);
    assertThat(run(dir, "inspect", file.toString())).isZero();
    assertThat(out()).startsWith(file + ": sources pre-v1\n  results: 1 (warn 1)\n");
  }

  @Test
  void badInputExitsTwoWithTheMessageOnStderr(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("manifest.json");
    Files.writeString(file, "{\"metadata\": {\"dbt_schema_version\": "
        + "\"https://schemas.getdbt.com/dbt/manifest/v12.json\"}, \"nodes\": []}");
    assertThat(run(dir, "inspect", file.toString())).isEqualTo(2);
    assertThat(err()).isEqualTo("dbt-triage inspect: " + file
        + ": expected an object at $.nodes but found an array (line 1, column 99; schema v12)\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void badUsageExitsTwo(@TempDir Path dir) {
    assertThat(run(dir, "inspect", "x", "--format", "yaml")).isEqualTo(2);
    assertThat(err()).isEqualTo("dbt-triage inspect: 'yaml' is not a format; valid formats: text, json\n");
  }
}
