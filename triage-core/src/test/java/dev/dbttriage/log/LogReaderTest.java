package dev.dbttriage.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.artifact.ArtifactWarning;
import dev.dbttriage.artifact.WarningCode;
import dev.dbttriage.classify.ErrorClass;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The log reader on the shapes the dev logs do not hold (the pre-1.4 JSON lines, Ctrl-C, damaged input), written
 * after dbt's documented formats; the real logs are read in {@link LogLabelsTest}.
 */
class LogReaderTest {
  static final String ID = "5a1f0c7e-3f7b-4b8e-9a0e-1c2d3e4f5a6b";

  @Test
  void readsTheJsonLinesOfDbtBefore14() {
    String log = String.join("\n",
        json("A001", "MainThread", "Running with dbt=1.3.0", "{}"),
        json("Q033", "Thread-1", "1 of 2 START table model analytics.orders ........ [RUN]",
            "{\"unique_id\": \"model.shop.orders\", \"resource_type\": \"model\", \"node_name\": \"orders\"}"),
        json("Q034", "Thread-1", "Database Error in model orders (models/orders.sql)\\n  relation \\\"raw.orders\\\" "
            + "does not exist", "{\"unique_id\": \"model.shop.orders\"}"),
        json("Q012", "Thread-1", "1 of 2 ERROR creating table model analytics.orders ... [ERROR in 0.21s]",
            "{\"unique_id\": \"model.shop.orders\"}"),
        json("Z033", "Thread-1", "2 of 2 SKIP relation analytics.customers ........ [SKIP]", "{}"),
        json("Z023", "MainThread", "Done. PASS=0 WARN=0 ERROR=1 SKIP=1 TOTAL=2", "{}"));
    DbtLog read = LogReader.parse(log, "dbt.log");
    LogInvocation inv = read.incident().orElseThrow();
    assertThat(inv.format()).isEqualTo(LogFormat.JSON_LEGACY);
    assertThat(inv.invocationId()).contains(ID);
    assertThat(inv.dbtVersion()).contains("1.3.0");
    assertThat(inv.completed()).isTrue();
    assertThat(inv.summary()).map(LogSummary::error).contains(1);
    LogNode orders = inv.nodes().get(0);
    assertThat(orders.uniqueId()).contains("model.shop.orders");
    assertThat(orders.status()).isEqualTo(LogNodeStatus.ERROR);
    assertThat(orders.errorClass()).contains(ErrorClass.DATABASE);
    assertThat(orders.messageFirstLine()).contains("relation \"raw.orders\" does not exist");
    assertThat(orders.executionTime().getAsDouble()).isEqualTo(0.21);
    assertThat(inv.nodes().get(1).description()).isEqualTo("relation analytics.customers");
    assertThat(inv.nodes().get(1).status()).isEqualTo(LogNodeStatus.SKIPPED);
  }

  private static String json(String code, String thread, String msg, String nodeInfo) {
    return "{\"code\": \"" + code + "\", \"invocation_id\": \"" + ID + "\", \"level\": \"info\", \"log_version\": 2, "
        + "\"msg\": \"" + msg + "\", \"node_info\": " + nodeInfo + ", \"pid\": 1, \"thread_name\": \"" + thread
        + "\", \"ts\": \"2022-10-01T10:00:00.000000Z\", \"type\": \"log_line\"}";
  }

  @Test
  void ctrlCIsAKill() {
    String console = String.join("\n",
        "10:00:00  Running with dbt=1.6.0",
        "10:00:01  Registered adapter: duckdb=1.6.0",
        "10:00:02  1 of 3 START sql table model main.orders ............ [RUN]",
        "10:00:05  1 of 3 OK created sql table model main.orders ....... [OK in 3.00s]",
        "10:00:05  2 of 3 START sql table model main.customers ......... [RUN]",
        "10:00:09  Cancelling query 'model.shop.customers' (customers)",
        "10:00:09  ctrl-c");
    LogInvocation inv = LogReader.parse(console, "console").incident().orElseThrow();
    assertThat(inv.format()).isEqualTo(LogFormat.CONSOLE);
    assertThat(inv.killed()).isTrue();
    assertThat(inv.killSignal()).isPresent();
    assertThat(inv.unfinished()).extracting(LogNode::name).containsExactly("customers");
    assertThat(inv.adapter()).contains("duckdb");
  }

  @Test
  void anInvocationLevelFailureIsKeptWhenNoNodeRan() {
    String console = String.join("\n",
        "10:00:00  Running with dbt=1.8.0",
        "10:00:02  Encountered an error:",
        "Compilation Error",
        "  Model 'model.shop.orders' (models/orders.sql) depends on a node named 'stg_orders' which was not found");
    DbtLog read = LogReader.parse(console, "console");
    assertThat(read.incident()).isEmpty();
    assertThat(read.invocations().get(0).error()).hasValueSatisfying(e -> assertThat(e)
        .startsWith("Compilation Error").contains("depends on a node named 'stg_orders' which was not found"));
  }

  @Test
  void damagedInputIsATypedOneLineError() {
    assertThatThrownBy(() -> LogReader.read(new ByteArrayInputStream(new byte[0]), "dbt.log"))
        .isInstanceOf(LogException.class).hasMessage("dbt.log: empty: expected a dbt log");
    assertThatThrownBy(() -> LogReader.read(new ByteArrayInputStream(new byte[] {'P', 'K', 3, 4, 0, 0}), "x.log"))
        .isInstanceOf(LogException.class)
        .hasMessage("x.log: binary data (a NUL byte in the first 8 KiB): expected a dbt log");
    assertThatThrownBy(() -> LogReader.parse("password=hunter2\n", "notes.txt"))
        .isInstanceOf(LogException.class).hasMessageNotContaining("hunter2")
        .hasMessageStartingWith("notes.txt: not a dbt log");
  }

  @Test
  void lenientReadsAreWarnings() {
    String longLine = "x".repeat(LogReader.MAX_LINE_CHARS + 10);
    String log = String.join("\n",
        "{\"info\": {\"name\": \"MainReportVersion\", \"invocation_id\": \"" + ID + "\", \"msg\": \"Running with "
            + "dbt=1.8.0\"}, \"data\": {\"version\": \"=1.8.0\"}}",
        "{\"info\": {\"name\": \"NodeStart\", \"invocation_id\": \"" + ID + "\"}, \"data\": {\"node_info\": "
            + "{\"unique_id\": \"model.shop.orders\", \"resource_type\": \"model\", \"node_name\": \"orders\", "
            + "\"node_status\": \"started\"}}}",
        "{\"info\": {\"name\": \"NodeFinished\", \"invocation_id\": \"" + ID + "\"}, \"data\": {\"node_info\": "
            + "{\"unique_id\": \"model.shop.orders\", \"node_status\": \"success\"}, \"run_result\": "
            + "{\"execution_time\": 1.5}}}",
        "{\"this is\": \"cut off",
        longLine,
        "");
    DbtLog read = LogReader.read(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), "dbt.log");
    assertThat(read.warnings()).extracting(ArtifactWarning::code)
        .containsExactlyInAnyOrder(WarningCode.LOG_LINE_UNREADABLE, WarningCode.LOG_LINE_TRUNCATED);
    LogInvocation inv = read.incident().orElseThrow();
    assertThat(inv.nodes()).extracting(n -> n.uniqueId().orElseThrow() + " " + n.status().label())
        .isEqualTo(List.of("model.shop.orders success"));
    assertThat(inv.nodes().get(0).executionTime().getAsDouble()).isEqualTo(1.5);
  }

  @Test
  void otherOrchestratorsPrefixesAreTakenOff() {
    // GitHub Actions prefixes each line of a job log with its own timestamp; Airflow 1.10's BashOperator logs
    // through bash_operator.py
    String actions = String.join("\n",
        "2024-03-01T10:00:00.1234567Z 10:00:00  Running with dbt=1.7.9",
        "2024-03-01T10:00:01.1234567Z 10:00:01  1 of 2 START sql view model main.a ........ [RUN]",
        "2024-03-01T10:00:02.1234567Z 10:00:02  1 of 2 ERROR creating sql view model main.a ... [ERROR in 0.10s]",
        "2024-03-01T10:00:02.2234567Z 10:00:02  2 of 2 SKIP relation main.b .................. [SKIP]",
        "2024-03-01T10:00:03.1234567Z 10:00:03  Done. PASS=0 WARN=0 ERROR=1 SKIP=1 TOTAL=2");
    LogInvocation a = LogReader.parse(actions, "job.log").incident().orElseThrow();
    assertThat(a.nodes()).extracting(n -> n.status().label() + " " + n.description())
        .containsExactly("error sql view model main.a", "skipped relation main.b");
    assertThat(a.summary()).map(LogSummary::total).contains(2);

    String airflow1 = String.join("\n",
        "[2021-05-01 10:00:00,123] {bash_operator.py:126} INFO - Running with dbt=0.19.1",
        "[2021-05-01 10:00:01,123] {bash_operator.py:126} INFO - 10:00:01 | 1 of 1 START table model dbt.a.... [RUN]",
        "[2021-05-01 10:00:02,123] {bash_operator.py:126} INFO - 10:00:02 | 1 of 1 OK created table model dbt.a [SELECT in 1.00s]",
        "[2021-05-01 10:00:02,223] {bash_operator.py:126} INFO - Done. PASS=1 WARN=0 ERROR=0 SKIP=0 TOTAL=1");
    LogInvocation b = LogReader.parse(airflow1, "task.log").incident().orElseThrow();
    assertThat(b.dbtVersion()).contains("0.19.1");
    assertThat(b.nodes()).extracting(n -> n.status().label() + " " + n.description())
        .containsExactly("success table model dbt.a");
    assertThat(b.completed()).isTrue();
  }

  @Test
  void cutAndDamagedDevLogsNeverThrowAnythingButALogException() throws java.io.IOException {
    java.nio.file.Path dir = LogLabelsTest.logs();
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(dir), "log corpus absent: " + dir);
    java.util.Random random = new java.util.Random(12);
    int reads = 0;
    try (var files = java.nio.file.Files.list(dir)) {
      for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
        byte[] all = java.nio.file.Files.readAllBytes(f);
        for (int k = 0; k < 4; k++) {
          byte[] b = java.util.Arrays.copyOf(all, random.nextInt(all.length + 1));
          for (int j = 0; j < 20 && b.length > 0; j++) {
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
          }
          try {
            DbtLog read = LogReader.read(new ByteArrayInputStream(b), f.getFileName().toString());
            read.incident();
          } catch (LogException expected) {
            assertThat(expected.getMessage()).doesNotContain("\n");
          }
          reads++;
        }
      }
    }
    assertThat(reads).isEqualTo(27 * 4);
  }

  @Test
  void readsFusionConsoleOutput() {
    // the shape of dbt Fusion's console output as its issue tracker shows it (dbt-labs/dbt-fusion#828, #1264)
    String console = String.join("\n",
        "dbt-fusion 2.0.0-preview.28",
        "   Loading ~/.dbt/profiles.yml",
        " Succeeded [  2.25s] model dbt_jcohen.my_model (table)",
        "    Failed [  1.74s] test  dbt_jcohen_dbt_test__audit.unique_my_model_id",
        "    Failed [  0.50s] model dbt_jcohen.other (view)",
        "error: dbt1302: syntax error at or near \"selec\"",
        "   Skipped [  0.00s] model dbt_jcohen.downstream (table)",
        "  Finished 'build' with 2 errors for target 'dev' [5.1s]");
    LogInvocation inv = LogReader.parse(console, "console").incident().orElseThrow();
    assertThat(inv.format()).isEqualTo(LogFormat.FUSION);
    assertThat(inv.dbtVersion()).contains("2.0.0-preview.28");
    assertThat(inv.command()).contains("build");
    assertThat(inv.completed()).isTrue();
    assertThat(inv.nodes()).extracting(n -> n.status().label() + " " + n.description()).containsExactly(
        "success model dbt_jcohen.my_model", "fail test dbt_jcohen_dbt_test__audit.unique_my_model_id",
        "error model dbt_jcohen.other", "skipped model dbt_jcohen.downstream");
    assertThat(inv.nodes().get(2).message()).contains("dbt1302: syntax error at or near \"selec\"");
  }
}
