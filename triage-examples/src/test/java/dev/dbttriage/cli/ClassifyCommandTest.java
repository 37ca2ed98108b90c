package dev.dbttriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private record Run(int code, String out, String err) {}

  private Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), false, tmp);
    List<String> all = new ArrayList<>();
    all.add("classify");
    all.addAll(List.of(args));
    int code = Main.run(all, ctx);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static final String SNOWFLAKE = "Database Error in model base_stock (models/base_stock.sql)\n"
      + "  000904 (42000): SQL compilation error: error line 6 at position 7\n"
      + "  invalid identifier '\"Company Symbol\"'\n";

  @Test
  void classifiesAMessageFromStdinAsText() {
    Run r = run(SNOWFLAKE, "-");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("class:        DATABASE / MISSING_COLUMN")
        .contains("fix lives in: YOUR_SQL_OR_PERMISSIONS")
        .contains("first line:   000904 (42000): SQL compilation error: error line 6 at position 7 invalid identifier")
        .contains("objects:      column=Company Symbol, error_code=000904, sql_state=42000")
        .contains("evidence:     snowflake.invalid-identifier (600) DATABASE/MISSING_COLUMN");
  }

  @Test
  void classifiesAMessageFileAsJsonWithAdapterAndTestName() throws IOException {
    Path f = tmp.resolve("msg.txt");
    Files.writeString(f, "Got 3 results, configured to fail if != 0");

    Run r = run("", "--message-file", "msg.txt", "--adapter", "bigquery", "--test-name",
        "accepted_values_orders_status__placed__shipped", "--format", "json");

    assertThat(r.code()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("class").asText()).isEqualTo("TEST");
    assertThat(j.get("subclass").asText()).isEqualTo("ACCEPTED_VALUES");
    assertThat(j.get("fix_layer").asText()).isEqualTo("DATA_QUALITY");
    assertThat(j.get("rule_id").asText()).isEqualTo("dbt.test-failure");
    assertThat(j.get("advice").asText()).contains("--store-failures");
    assertThat(j.get("evidence").get(0).get("rule_id").asText()).isEqualTo("dbt.test-failure");
  }

  @Test
  void secretsAreRedactedInTheOutput() {
    Run r = run("Database Error\n  could not connect to server: postgresql://dbt:Sup3rS3cret@db.prod:5432/x "
        + "password=hunter2", "--message-file", "-", "--format", "json");

    assertThat(r.out()).doesNotContain("Sup3rS3cret").doesNotContain("hunter2").contains("dbt:***@db.prod");
  }

  @Test
  void batchWritesOneJsonObjectPerLineAndFlagsBadLines() throws IOException {
    Path f = tmp.resolve("batch.jsonl");
    Files.writeString(f, String.join("\n",
        "{\"text\": \"Runtime Error\\n  Could not find profile named 'dbtlearn'\", \"adapter\": \"snowflake\"}",
        "not json",
        "{\"text\": \"Got 1 result, configured to fail if != 0\", \"adapter\": \"unknown\", "
            + "\"resource_type\": \"test\", \"test_name\": \"not_null_orders_id\", \"id\": \"x-1\"}",
        ""));

    Run r = run("", "--batch", "batch.jsonl");

    assertThat(r.code()).isEqualTo(2);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(3);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.get("line").asInt()).isEqualTo(1);
    assertThat(first.get("class").asText()).isEqualTo("RUNTIME");
    assertThat(first.get("subclass").asText()).isEqualTo("PROFILE_NOT_FOUND");
    assertThat(JSON.readTree(lines.get(1)).get("error").asText())
        .isEqualTo("line 2 is not a JSON object with a string \"text\"");
    JsonNode third = JSON.readTree(lines.get(2));
    assertThat(third.get("id").asText()).isEqualTo("x-1");
    assertThat(third.get("subclass").asText()).isEqualTo("NOT_NULL");
    assertThat(r.err()).contains("--batch line 2 is not a JSON object");
  }

  @Test
  void badUsageExitsTwo() {
    assertThat(run("", "--format", "yaml").code()).isEqualTo(2);
    assertThat(run("", "--resource-type", "widget").err())
        .contains("'widget' is not a resource type; valid types: model, test");
    assertThat(run("", "--batch", "missing.jsonl").err())
        .isEqualTo("dbt-triage classify: --batch 'missing.jsonl' is not a readable file\n");
    assertThat(run("", "--frobnicate").err())
        .isEqualTo("dbt-triage classify: No such option: --frobnicate (see 'dbt-triage classify --help')\n");
    assertThat(run("", "no-such-dir").err()).contains("'no-such-dir' is not a directory");
  }

  @Test
  void helpDescribesTheModes() {
    Run r = run("", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--batch FILE").contains("--message-file FILE").contains("TARGET_DIR");
  }

  private static Path shared() {
    String s = System.getProperty("dbttriage.shared");
    assumeTrue(s != null, "dbttriage.shared not set");
    return Path.of(s);
  }

  @Test
  void classifiesEveryFailedResultOfATargetDirectory() throws IOException {
    // medsidd/whyline-denver (MIT): dbt 1.8.5 on DuckDB, 9 errors (INDEX.md)
    Path target = shared().resolve("fixtures/artifacts/medsidd_whyline-denver/1.8.5_bcaf495");
    assumeTrue(Files.isDirectory(target));

    Run r = run("", target.toString(), "--format", "json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    Map<String, String> byId = new HashMap<>();
    for (JsonNode c : j.get("classifications")) {
      if (c.get("unique_id").asText().startsWith("model.")) {
        byId.put(c.get("unique_id").asText(), c.get("class").asText() + "/" + c.get("subclass").asText());
      }
    }
    assertThat(byId).hasSize(9);
    assertThat(byId.get("model.whylinedenver_dbt.stg_acs_geo")).isEqualTo("DATABASE/MISSING_RELATION");
    assertThat(byId.get("model.whylinedenver_dbt.stg_gtfs_stops")).isEqualTo("DATABASE/SQL_SYNTAX");
  }

  @Test
  void testResultsTakeTheirSubclassFromTheManifest() throws IOException {
    // OpenLineage dbt integration fixture (Apache-2.0): 4 failing tests, 2 unique and 2 dbt_expectations
    Path target = shared().resolve("fixtures/artifacts/openlineage/test");
    assumeTrue(Files.isDirectory(target));

    Run r = run("", target.toString(), "--format", "json");

    assertThat(r.code()).as(r.err()).isZero();
    Map<String, String> byId = new HashMap<>();
    for (JsonNode c : JSON.readTree(r.out()).get("classifications")) {
      byId.put(c.get("unique_id").asText(), c.get("subclass").asText());
    }
    assertThat(byId).containsEntry("test.dbt_bigquery_test.unique_test_first_dbt_model_id.1f3ee5c4a1", "UNIQUE")
        .containsEntry("test.dbt_bigquery_test.dbt_expectations_expect_column_median_to_be_between_"
            + "test_first_dbt_model_id__21__7.98cdd3d9df", "CUSTOM_TEST");
    assertThat(byId).hasSize(4);
  }

  /**
   * The accuracy command: {@code dbt-triage classify --batch} over the labelled dev set, compared with its
   * labels (the same figure DevSetAccuracyTest prints).
   */
  @Test
  void batchOverTheDevSetMeetsTheAccuracyBar() throws IOException {
    Path dev = shared().resolve("fixtures/errors/dev_errors.jsonl");
    assumeTrue(Files.isRegularFile(dev));

    Run r = run("", "--batch", dev.toString());

    assertThat(r.code()).isZero();
    List<String> expected = Files.readAllLines(dev);
    List<String> got = r.out().lines().toList();
    assertThat(got).hasSize(expected.size());
    int cls = 0;
    int both = 0;
    for (int i = 0; i < got.size(); i++) {
      JsonNode want = JSON.readTree(expected.get(i));
      JsonNode have = JSON.readTree(got.get(i));
      boolean c = want.get("class").asText().equals(have.get("class").asText());
      cls += c ? 1 : 0;
      both += c && want.get("subclass").asText().equals(have.get("subclass").asText()) ? 1 : 0;
    }
    double classAcc = 100.0 * cls / got.size();
    double subAcc = 100.0 * both / got.size();
    System.out.printf("classify --batch dev_errors.jsonl: class %.1f%%, subclass %.1f%%%n", classAcc, subAcc);
    assertThat(classAcc).isGreaterThanOrEqualTo(95.0);
    assertThat(subAcc).isGreaterThanOrEqualTo(85.0);
  }
}
