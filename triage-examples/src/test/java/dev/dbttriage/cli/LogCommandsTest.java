package dev.dbttriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inspect LOGFILE}, and {@code triage}/{@code plan} reading a log: given, found, or alone. */
class LogCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String KILLED = "02522713-1f07-4b31-a648-6a1f64acb74e";
  static final String E = "\u001B[0m";

  /** A dbt 1.7.2 `dbt build` cut off while stg_web__transactions ran (see triage-core's KilledRunTest). */
  static final String LOG = String.join("\n",
      E + "04:35:10.000001 [debug] [MainThread]: Sending event: {'category': 'dbt', 'action': 'invocation', "
          + "'label': 'start', 'context': []}",
      "",
      "============================== 04:35:10.000001 | " + KILLED + " ==============================",
      E + "04:35:10.000100 [info ] [MainThread]: Running with dbt=1.7.2",
      E + "04:35:10.000200 [debug] [MainThread]: running dbt with arguments {'invocation_command': "
          + "'dbt build --target dev', 'which': 'build'}",
      E + "04:35:11.000000 [info ] [MainThread]: Registered adapter: postgres=1.7.2",
      E + "04:35:14.200000 [debug] [Thread-1 (]: Began running node seed.integration_tests.contacts",
      E + "04:35:14.200100 [info ] [Thread-1 (]: 1 of 18 START seed file public.contacts ......... [RUN]",
      E + "04:35:14.200200 [debug] [Thread-2 (]: Began running node seed.integration_tests.transactions",
      E + "04:35:14.200300 [info ] [Thread-2 (]: 2 of 18 START seed file public.transactions ..... [RUN]",
      E + "04:35:14.700000 [info ] [Thread-1 (]: 1 of 18 OK loaded seed file public.contacts ..... [INSERT 100 in 0.50s]",
      E + "04:35:14.800000 [info ] [Thread-2 (]: 2 of 18 OK loaded seed file public.transactions . [INSERT 500 in 0.60s]",
      E + "04:35:14.900000 [debug] [Thread-1 (]: Began running node model.customer360.stg_sf__contacts",
      E + "04:35:14.900100 [info ] [Thread-1 (]: 8 of 18 START sql table model public.stg_sf__contacts ... [RUN]",
      E + "04:35:15.300000 [info ] [Thread-1 (]: 8 of 18 OK created sql table model public.stg_sf__contacts [SELECT 100 in 0.40s]",
      E + "04:35:15.400000 [debug] [Thread-2 (]: Began running node model.customer360.stg_web__transactions",
      E + "04:35:15.400100 [info ] [Thread-2 (]: 11 of 18 START sql table model public.stg_web__transactions [RUN]",
      "");

  private CliRun last;

  private int run(Path cwd, byte[] stdin, String... args) {
    last = CliRun.of(cwd, stdin, args);
    return last.code();
  }

  private JsonNode json() throws IOException {
    return JSON.readTree(last.out());
  }

  private static Path shared(String relative) {
    Path p = Path.of(System.getProperty("dbttriage.shared", "../../shared"), "fixtures").resolve(relative);
    assumeTrue(Files.exists(p), "fixture corpus absent: " + p);
    return p;
  }

  /** A project whose manifest is the killed invocation's and whose run_results.json is the previous build's. */
  private static Path killedProject(Path dir) throws IOException {
    Path source = shared("artifacts/samuelzhang1201_customer_case/1.7.2_38c5366");
    Path target = Files.createDirectories(dir.resolve("target"));
    Files.copy(source.resolve("manifest.json"), target.resolve("manifest.json"));
    Files.copy(source.resolve("run_results.json"), target.resolve("run_results.json"));
    Files.writeString(Files.createDirectories(dir.resolve("logs")).resolve("dbt.log"), LOG);
    Files.writeString(dir.resolve("dbt_project.yml"), "name: customer360\n");
    return dir;
  }

  @Test
  void inspectPrintsWhatALogHolds() throws IOException {
    Path log = Path.of("src/test/resources/logs/FlipsideCrypto_axelar-models__1.2.1-console.log");
    assertThat(run(Path.of(""), new byte[0], "inspect", "--format", "json", log.toString())).isZero();
    JsonNode j = json();
    assertThat(j.get("kind").asText()).isEqualTo("log");
    assertThat(j.get("format").asText()).isEqualTo("console");
    assertThat(j.get("invocations")).hasSize(30);
    JsonNode inv = j.get("invocations").get(j.get("incident").asInt());
    assertThat(inv.get("index").asInt()).isEqualTo(29);
    assertThat(inv.get("dbt_version").asText()).isEqualTo("1.2.1");
    assertThat(inv.get("command").asText()).isEqualTo("dbt test -m ./models/streamline/streamline__blocks_history.sql");
    assertThat(inv.get("killed").asBoolean()).isFalse();
    assertThat(inv.get("summary").toString())
        .isEqualTo("{\"pass\":0,\"warn\":0,\"error\":1,\"skip\":0,\"no_op\":null,\"total\":1}");
    List<String> nodes = new ArrayList<>();
    inv.get("nodes").forEach(n -> nodes.add(n.get("status").asText() + " " + n.get("description").asText() + " | "
        + n.get("message_first_line").asText()));
    assertThat(nodes).containsExactly(
        "success hook: axelar.on-run-start.0 | null",
        "fail test dbt_expectations_expect_column_values_to_be_in_type_list_streamline__blocks_history_block_id__"
            + "TIMESTAMP_NTZ | Got 1 result, configured to fail if != 0");
  }

  @Test
  void inspectSaysWhatAKillCut(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("dbt.log"), LOG);
    assertThat(run(dir, new byte[0], "inspect", "dbt.log")).isZero();
    assertThat(last.out()).isEqualTo("dbt.log: dbt log, 1 invocation(s); the incident "
        + "is invocation 0\n"
        + "  #0 debug-1.5 dbt=1.7.2 postgres `dbt build --target dev`: 4 node(s) {started=1, success=3} KILLED, 14 "
        + "of 18 never started\n"
        + "      started sql table model public.stg_web__transactions\n");
  }

  @Test
  void inspectRefusesTextThatIsNoDbtLog(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "password=hunter2\nnothing here\n");
    assertThat(run(dir, new byte[0], "inspect", "notes.txt")).isEqualTo(2);
    assertThat(last.err()).isEqualTo("dbt-triage inspect: notes.txt: not a dbt log: no line is in "
        + "one of dbt's log formats (file log, JSON lines, console output)\n");
  }

  @Test
  void triageFindsTheProjectLogOfAKilledRun(@TempDir Path dir) throws IOException {
    Path project = killedProject(dir);
    assertThat(run(project, new byte[0], "triage", "--format", "json")).isEqualTo(1);
    JsonNode j = json();
    assertThat(j.get("invocation_id").asText()).isEqualTo(KILLED);
    List<String> codes = new ArrayList<>();
    j.get("warnings").forEach(w -> codes.add(w.get("code").asText()));
    assertThat(codes).contains("LOG_RESULTS", "RUN_KILLED").doesNotContain("INVOCATION_MISMATCH");
    j.get("warnings").forEach(w -> {
      if (w.get("code").asText().equals("RUN_KILLED")) {
        assertThat(w.get("nodes").toString()).isEqualTo("[\"model.customer360.stg_web__transactions\"]");
      }
    });
    assertThat(j.get("never_ran")).hasSize(15);
    JsonNode root = j.get("roots").get(0);
    assertThat(root.get("kind").asText()).isEqualTo("never_ran");
    assertThat(root.get("source").asText()).isEqualTo("log");
    assertThat(last.err()).contains("note: reading ").contains("dbt.log next to the target");
  }

  @Test
  void theIncidentIsFoundInARotatedLog(@TempDir Path dir) throws IOException {
    Path project = killedProject(dir);
    Path logs = project.resolve("logs");
    Files.move(logs.resolve("dbt.log"), logs.resolve("dbt.log.1"));
    Files.writeString(logs.resolve("dbt.log"), String.join("\n",
        E + "05:00:00.000001 [debug] [MainThread]: Sending event: {'category': 'dbt', 'action': 'invocation', "
            + "'label': 'start', 'context': []}",
        "============================== 05:00:00.000001 | 11111111-2222-3333-4444-555555555555 ==========",
        E + "05:00:00.000100 [info ] [MainThread]: Running with dbt=1.7.2",
        E + "05:00:00.000200 [debug] [MainThread]: running dbt with arguments {'invocation_command': 'dbt seed', "
            + "'which': 'seed'}",
        E + "05:00:01.000000 [info ] [Thread-1 (]: 1 of 1 START seed file public.contacts ...... [RUN]",
        E + "05:00:02.000000 [info ] [Thread-1 (]: 1 of 1 OK loaded seed file public.contacts .. [INSERT 100 in 0.5s]",
        E + "05:00:02.100000 [info ] [MainThread]: Done. PASS=1 WARN=0 ERROR=0 SKIP=0 TOTAL=1", ""));
    assertThat(run(project, new byte[0], "triage", "--format", "json")).isEqualTo(1);
    assertThat(json().get("invocation_id").asText()).isEqualTo(KILLED);
    assertThat(last.err()).contains("dbt.log.1 next to the target");
  }

  @Test
  void withoutTheLogTheStaleRunResultsAreSaidToBeAnotherInvocation(@TempDir Path dir) throws IOException {
    Path project = killedProject(dir);
    run(project, new byte[0], "triage", "--no-log", "--format", "json");
    List<String> codes = new ArrayList<>();
    json().get("warnings").forEach(w -> codes.add(w.get("code").asText()));
    assertThat(codes).contains("INVOCATION_MISMATCH").doesNotContain("LOG_RESULTS");
  }

  @Test
  void planResumesExactlyWhatTheKillLost(@TempDir Path dir) throws IOException {
    Path project = killedProject(dir);
    assertThat(run(project, new byte[0], "plan", "--format", "json")).isZero();
    JsonNode step = json().get("steps").get(0);
    assertThat(step.get("kind").asText()).isEqualTo("resume");
    assertThat(step.get("command").asText()).startsWith("dbt build --select stg_web__transactions+ ")
        .endsWith(" --target dev");
    assertThat(step.get("nodes")).hasSize(15);
  }

  @Test
  void aPastedLogAloneStillTriages(@TempDir Path dir) throws IOException {
    assertThat(run(dir, LOG.getBytes(StandardCharsets.UTF_8), "triage", "--log", "-", "--format", "json"))
        .isEqualTo(1);
    JsonNode j = json();
    List<String> codes = new ArrayList<>();
    j.get("warnings").forEach(w -> codes.add(w.get("code").asText()));
    assertThat(codes).contains("LINEAGE_UNKNOWN", "LOG_RESULTS", "RUN_KILLED");
    assertThat(j.get("counts").get("success").asInt()).isEqualTo(3);
    assertThat(last.err()).contains("triaging standard input alone (lineage unknown)");
  }

  @Test
  void aConsoleLogOfAFailedBuildTriagesWithItsClasses(@TempDir Path dir) throws IOException {
    Path log = shared("logs/BoxRidden_Logistics-Pipeline__1.11.11-airflow.log");
    assertThat(run(dir, new byte[0], "triage", "--log", log.toString(), "--format", "json")).isEqualTo(1);
    JsonNode j = json();
    List<String> roots = new ArrayList<>();
    j.get("roots").forEach(r -> roots.add(r.get("name").asText() + " " + r.get("diagnosis").get("class").asText()
        + " " + r.get("source").asText()));
    assertThat(roots).contains("dim_drivers DATABASE log", "dim_hubs DATABASE log", "stg_weather DATABASE log",
        "stg_shipments DATABASE log");
    assertThat(j.get("counts").get("skipped").asInt()).isEqualTo(1);
  }
}
