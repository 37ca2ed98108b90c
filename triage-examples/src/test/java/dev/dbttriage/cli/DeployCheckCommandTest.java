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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployCheckCommandTest {
  private static final String MANIFEST = String.join("\n",
      "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v12.json\",",
      "  \"dbt_version\": \"1.9.0\", \"adapter_type\": \"snowflake\", \"generated_at\": \"2024-06-01T02:00:00Z\"},",
      " \"nodes\": {\"model.shop.orders\": {\"unique_id\": \"model.shop.orders\", \"resource_type\": \"model\",",
      "   \"name\": \"orders\", \"package_name\": \"shop\", \"fqn\": [\"shop\", \"orders\"], \"path\": \"orders.sql\",",
      "   \"original_file_path\": \"models/orders.sql\", \"database\": \"analytics\", \"schema\": \"prod\",",
      "   \"alias\": \"orders\", \"checksum\": {\"name\": \"sha256\", \"checksum\": \"aaa\"},",
      "   \"raw_code\": \"select 1 as order_id, 2 as amount\",",
      "   \"config\": {\"materialized\": \"table\", \"contract\": {\"enforced\": true}},",
      "   \"unrendered_config\": {\"materialized\": \"table\"},",
      "   \"columns\": {\"order_id\": {\"name\": \"order_id\", \"data_type\": \"integer\"},",
      "     \"amount\": {\"name\": \"amount\", \"data_type\": \"AMOUNT_TYPE\"}},",
      "   \"depends_on\": {\"nodes\": [], \"macros\": []}}},",
      " \"sources\": {}, \"macros\": {}, \"docs\": {}, \"exposures\": {}, \"metrics\": {}, \"groups\": {},",
      " \"selectors\": {}, \"disabled\": {}, \"parent_map\": {}, \"child_map\": {}}");

  @TempDir Path dir;

  private record Outcome(int code, String out, String err) {}

  private Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(List.of(args), new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), false, dir));
    return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private void write(String sub, String amountType) throws IOException {
    Files.createDirectories(dir.resolve(sub));
    Files.writeString(dir.resolve(sub).resolve("manifest.json"), MANIFEST.replace("AMOUNT_TYPE", amountType));
  }

  @Test
  void narrowedContractTypeIsBreakingWithExitCode1() throws IOException {
    write("prod", "numeric(18,2)");
    write("target", "numeric(10,2)");
    Outcome o = run("deploy-check", "--state", "prod");
    assertThat(o.code()).isEqualTo(1);
    assertThat(o.out()).contains("verdict: BREAKING (1 backward-incompatible change)",
        "column_type_changed  model.shop.orders: column amount: numeric(18,2) -> numeric(10,2) (narrowed)"
            + " (declared, enforced contract)",
        "slim CI: dbt build --select state:modified+ --defer --state prod",
        "ALTER TABLE analytics.prod.orders SWAP WITH analytics.prod_blue.orders;");
    assertThat(o.err()).isEmpty();
  }

  @Test
  void identicalManifestsAreSafeWithExitCode0AsJson() throws Exception {
    write("prod", "numeric(18,2)");
    write("cand", "numeric(18,2)");
    Outcome o = run("deploy-check", "--state=prod", "cand", "--format", "json");
    assertThat(o.code()).isEqualTo(0);
    JsonNode j = new ObjectMapper().readTree(o.out());
    assertThat(j.get("verdict").asText()).isEqualTo("safe");
    assertThat(j.get("summary").get("modified").asInt()).isZero();
    assertThat(j.get("selection").get("selected").size()).isZero();
    assertThat(j.get("rollback").get(0).get("strategy").asText()).isEqualTo("blue_green_swap");
  }

  @Test
  void badUsageIsExitCode2() throws IOException {
    Outcome missing = run("deploy-check");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("dbt-triage deploy-check: --state PROD_DIR is required (the production"
        + " artifacts to compare with)\n");
    Outcome format = run("deploy-check", "--state", "prod", "--format", "yaml");
    assertThat(format.code()).isEqualTo(2);
    assertThat(format.err()).isEqualTo("dbt-triage deploy-check: 'yaml' is not a format; valid formats: text,"
        + " json\n");
    Outcome option = run("deploy-check", "--state", "prod", "--verbose");
    assertThat(option.err()).isEqualTo("dbt-triage deploy-check: No such option: --verbose (see 'dbt-triage"
        + " deploy-check --help')\n");
    Outcome noDir = run("deploy-check", "--state", "nowhere");
    assertThat(noDir.code()).isEqualTo(2);
    assertThat(noDir.err()).startsWith("dbt-triage deploy-check: ").contains("nowhere: the directory does not"
        + " exist");
  }

  @Test
  void helpListsTheExitCodes() {
    Outcome o = run("deploy-check", "--help");
    assertThat(o.code()).isZero();
    assertThat(o.out()).startsWith("compare production and candidate artifacts: breaking changes, slim CI, rollback"
        + System.lineSeparator() + "Usage: dbt-triage deploy-check [-hV] [--format=text|json]")
        .contains("--state=PROD_DIR", "[TARGET_DIR]")
        .contains("exit codes: 0 safe, 1 breaking changes found, 2 bad usage or input");
  }

  /** DIY9/dbt (MIT): the starter models of dbt init were deleted when the jaffle_shop models arrived. */
  @Test
  void realProjectThatDeletedAReferencedStarterModel() {
    Path a = shared().resolve("fixtures/artifacts/DIY9_dbt/0.20.2_3a41184");
    Path b = shared().resolve("fixtures/artifacts/DIY9_dbt/0.20.2_c7fa9be");
    assumeTrue(Files.isDirectory(a) && Files.isDirectory(b), "shared fixtures absent");
    Outcome o = run("deploy-check", "--state", a.toString(), b.toString(), "--format", "json");
    assertThat(o.code()).isEqualTo(1);
    assertThat(o.out()).contains("\"kind\" : \"model_removed\"",
        "\"unique_id\" : \"model.my_new_project.my_first_dbt_model\"");
  }

  /** DIY9/dbt (MIT) upgraded dbt 0.21 to 1.0 and added a snapshot: nothing a consumer reads broke. */
  @Test
  void realProjectUpgradeAddingASnapshotIsSafe() {
    Path a = shared().resolve("fixtures/artifacts/DIY9_dbt/0.21.1_675399c");
    Path b = shared().resolve("fixtures/artifacts/DIY9_dbt/1.0.1_175e6a0");
    assumeTrue(Files.isDirectory(a) && Files.isDirectory(b), "shared fixtures absent");
    Outcome o = run("deploy-check", "--state", a.toString(), b.toString());
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("verdict: SAFE", "model_added  snapshot.jaffle_shop.orders_snapshot: new snapshot",
        "adapter: bigquery");
  }

  private static Path shared() {
    return Path.of(System.getProperty("dbttriage.shared", "../shared"));
  }
}
