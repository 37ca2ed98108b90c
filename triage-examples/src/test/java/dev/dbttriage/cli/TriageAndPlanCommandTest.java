package dev.dbttriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** dbt-triage triage and plan as scripts drive them: flags, formats, exit codes, messages. */
class TriageAndPlanCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), false,
        Path.of(""));
    return Main.run(List.of(args), context);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static String corpus(String relative) {
    Path p = Path.of(System.getProperty("dbttriage.shared", "../../shared"), "fixtures", "artifacts", relative);
    assumeTrue(Files.exists(p), "corpus absent");
    return p.toString();
  }

  @Test
  void withoutArgumentsTheBundledSampleIsTriagedAndExitsZero() {
    assertThat(run()).isEqualTo(0);
    assertThat(out()).startsWith("dbt-triage: dbt build at 2026-11-20T06:01:41.315100Z (dbt 1.10.11, snowflake): "
        + "189 results (108 pass, 38 success, 36 skipped, 5 error, 1 fail, 1 warn)\n"
        + "7 root causes and 2 warnings; 36 of 36 skipped nodes attributed; worst: moderate\n");
    assertThat(err()).isEqualTo(RunOptions.SAMPLE_NOTE + "\n");
  }

  @Test
  void aRealOutageAsJsonExitsOneAtTheDefaultSeverity() throws Exception {
    String dir = corpus("2moonyo_global-trade-intelligence-pipeline/1.11.7_7454878");

    assertThat(run("triage", dir, "--format", "json")).isEqualTo(1);

    JsonNode json = new ObjectMapper().readTree(out());
    assertThat(json.get("schema").asText()).isEqualTo("dbt-triage/triage-report/v2");
    assertThat(json.get("roots")).hasSize(17);
    assertThat(json.get("skipped_by").size()).isEqualTo(398);
    assertThat(json.get("max_severity").asText()).isEqualTo("major");
    assertThat(json.get("common_causes").get(0).get("roots")).hasSize(17);
  }

  @Test
  void failOnDecidesTheExitCode() {
    String dir = corpus("2moonyo_global-trade-intelligence-pipeline/1.11.7_7454878");
    assertThat(run("triage", dir, "--fail-on", "none")).isEqualTo(0);
    assertThat(run("triage", "--sample", "--fail-on", "moderate")).isEqualTo(1);
    assertThat(run("triage", "--sample", "--fail-on", "major")).isEqualTo(0);
  }

  @Test
  void junitOutputIsWellFormedXml() throws Exception {
    assertThat(run("triage", "--sample", "--format", "junit")).isEqualTo(0);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(out().getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(189);
    assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(36);
  }

  @Test
  void badUsageIsExitTwoWithOneLineOnStderr() {
    assertThat(run("triage", "--format", "yaml")).isEqualTo(2);
    assertThat(err()).isEqualTo("dbt-triage triage: 'yaml' is not a format; valid formats: text, markdown, json, "
        + "junit\n");
    err.reset();
    assertThat(run("triage", "/nonexistent/target")).isEqualTo(2);
    assertThat(err()).isEqualTo("dbt-triage triage: '/nonexistent/target' is not a directory (expected a dbt "
        + "target/ directory)\n");
    err.reset();
    assertThat(run("triage", "--fail-on", "bogus")).isEqualTo(2);
    assertThat(err()).isEqualTo("dbt-triage triage: 'bogus' is not a severity; valid values: info, minor, moderate, "
        + "major, none\n");
    err.reset();
    assertThat(run("plan", "--max-roots", "0")).isEqualTo(2);
    assertThat(err()).isEqualTo("dbt-triage plan: --max-roots expects a positive integer but got '0'\n");
  }

  @Test
  void theSamplesPlanIsVerifiedAndNeverRunsAFullRefreshTheAdvisorCouldNotDecide() throws Exception {
    assertThat(run("plan", "--sample", "--format", "json")).isEqualTo(0);

    JsonNode json = new ObjectMapper().readTree(out());
    assertThat(json.get("schema").asText()).isEqualTo("dbt-triage/rescue-plan/v1");
    assertThat(json.get("verified").asBoolean()).isTrue();
    // Regression: the plan used to run --full-refresh on fct_payments while its own advisor said needs_evidence.
    assertThat(json.get("refresh_decisions").get(0).get("kind").asText()).isEqualTo("needs_evidence");
    for (JsonNode step : json.get("steps")) {
      assertThat(step.get("full_refresh").asBoolean()).as(step.get("command").asText()).isFalse();
    }
    // With no full refresh in the plan, `dbt retry` (once the causes are fixed) re-runs exactly the rescue.
    assertThat(json.get("retry").get("recommended").asBoolean()).isTrue();
  }

  @Test
  void aFullRefreshAPersonAsksForIsScopedToItsOwnStepWithTheRunsTarget() throws Exception {
    assertThat(run("plan", "--sample", "--format", "json", "--full-refresh", "model.jaffle_ops.fct_payments"))
        .isEqualTo(0);

    JsonNode json = new ObjectMapper().readTree(out());
    assertThat(json.get("verified").asBoolean()).isTrue();
    assertThat(json.get("steps").get(1).get("command").asText())
        .isEqualTo("dbt build --select fct_payments --full-refresh --target prod");
  }

  @Test
  void aManifestWhoseGraphCannotBeBuiltStillGetsAnUnverifiedPlan() {
    String dir = corpus("openlineage/duckdb");

    assertThat(run("plan", dir)).isEqualTo(0);

    assertThat(err()).startsWith("warning: the plan's selections are not verified: manifest.json: "
        + "'model.jaffle_shop.customers' depends on 'model.jaffle_shop.stg_customers', which is not a node");
  }

  @Test
  void aRunOperationIsTriagedWithoutCrashing() {
    String dir = corpus("WillaneJaures_snow_dbt/1.6.8_1f30815");

    assertThat(run("triage", dir, "--fail-on", "none")).isEqualTo(0);

    assertThat(out()).contains("recover: dbt run-operation check_schema");
  }
}
