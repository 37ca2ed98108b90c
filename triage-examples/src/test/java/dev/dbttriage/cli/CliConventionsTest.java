package dev.dbttriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's conventions (issues 14 and 15): which run a command reads, dbt's target-path rules, the
 * bundled sample only on request, standard input as '-', FIFOs, one bad byte in a batch, empty input.
 */
class CliConventionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SAMPLE = "/dev/dbttriage/examples/sample/";

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Path cwd, Map<String, String> env, byte[] stdin, String... args) {
    out.reset();
    err.reset();
    CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(stdin), false, cwd, env);
    return Main.run(List.of(args), context);
  }

  private int run(Path cwd, String... args) {
    return run(cwd, Map.of(), new byte[0], args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Copies the bundled sample's manifest and run results into {@code target} (a real dbt-shaped target/). */
  private static Path sampleTarget(Path target, String... files) throws IOException {
    Files.createDirectories(target);
    for (String f : files.length == 0 ? new String[] {"manifest.json", "run_results.json"} : files) {
      try (InputStream in = CliConventionsTest.class.getResourceAsStream(SAMPLE + f)) {
        Files.copy(in, target.resolve(f));
      }
    }
    return target;
  }

  private static byte[] sampleBytes(String file) throws IOException {
    try (InputStream in = CliConventionsTest.class.getResourceAsStream(SAMPLE + file)) {
      return in.readAllBytes();
    }
  }

  @Test
  void previousNeverSwallowsTheTargetDirectory() throws IOException {
    sampleTarget(dir.resolve("old"));
    sampleTarget(dir.resolve("run"));

    assertThat(run(dir, "triage", "--previous", "old", "run", "--format", "json")).isEqualTo(1);

    JsonNode report = JSON.readTree(out());
    assertThat(report.get("roots")).hasSize(7);
    assertThat(err()).doesNotContain("bundled sample");
    // Two directories after --previous: the second is not a second previous run but an error.
    assertThat(run(dir, "triage", "--previous", "old", "run", "run")).isEqualTo(2);
    assertThat(err()).startsWith("dbt-triage triage: unexpected argument 'run'");
  }

  @Test
  void scheduledNeverSwallowsTheTargetDirectory() throws IOException {
    sampleTarget(dir.resolve("run"));

    assertThat(run(dir, "plan", "--scheduled", "tag:hourly", "run", "--format", "json")).isZero();

    assertThat(JSON.readTree(out()).get("verified").asBoolean()).isTrue();
    assertThat(err()).doesNotContain("bundled sample");
  }

  @Test
  void withoutADirectoryTheCommandsReadDotTargetAndFailWhenItIsAbsent() throws IOException {
    for (String command : List.of("triage", "plan", "classify")) {
      assertThat(run(dir, command)).as(command).isEqualTo(2);
      assertThat(err()).as(command).startsWith("dbt-triage " + command + ": no dbt target directory at "
          + dir.toAbsolutePath().resolve("target") + " (the default target path 'target' in project directory "
          + dir.toAbsolutePath() + ")");
      assertThat(out()).as(command).isEmpty();
    }
    sampleTarget(dir.resolve("target"));
    assertThat(run(dir, "triage", "--format", "json")).isEqualTo(1);
    assertThat(JSON.readTree(out()).get("roots")).hasSize(7);
    assertThat(run(dir, "classify", "--format", "json")).isZero();
    assertThat(JSON.readTree(out()).get("classifications")).hasSize(7);
  }

  @Test
  void targetPathFollowsDbtsPrecedence() throws IOException {
    Path project = dir.resolve("proj");
    Files.writeString(Files.createDirectories(project).resolve("dbt_project.yml"), "name: jaffle_ops\n");
    sampleTarget(project.resolve("from_env"));
    sampleTarget(project.resolve("from_flag"), "manifest.json");
    Path models = Files.createDirectories(project.resolve("models/marts"));
    Map<String, String> env = Map.of("DBT_TARGET_PATH", "from_env");

    // The project is found up from the working directory; DBT_TARGET_PATH is relative to it.
    assertThat(run(models, env, new byte[0], "triage", "--fail-on", "none")).isZero();
    assertThat(out()).contains("189 results");
    // --target-path wins over DBT_TARGET_PATH (from_flag has no run_results.json).
    assertThat(run(models, env, new byte[0], "triage", "--target-path", "from_flag")).isEqualTo(2);
    assertThat(err()).isEqualTo("dbt-triage triage: no run_results.json to triage in "
        + project.resolve("from_flag") + "; pass --run-results FILE\n");
    // --project-dir (and DBT_PROJECT_DIR) name the project explicitly.
    assertThat(run(dir, env, new byte[0], "triage", "--project-dir", "proj", "--fail-on", "none")).isZero();
    assertThat(run(dir, Map.of("DBT_PROJECT_DIR", "proj", "DBT_TARGET_PATH", "from_env"), new byte[0],
        "triage", "--fail-on", "none")).isZero();
  }

  @Test
  void theSampleIsTriagedOnlyOnRequestAndSaysSo() throws IOException {
    sampleTarget(dir.resolve("run"));
    assertThat(run(dir, "triage", "--sample", "--format", "json")).isZero();
    assertThat(err()).isEqualTo(RunOptions.SAMPLE_NOTE + "\n");
    // With the sample's sources.json and catalog.json: the stale source and the warned test are roots too.
    assertThat(JSON.readTree(out()).get("roots")).hasSize(9);
    assertThat(run(dir, "triage", "--sample", "run")).isEqualTo(2);
    assertThat(err()).isEqualTo("dbt-triage triage: give TARGET_DIR or --sample, not both\n");
  }

  @Test
  void emptyInputToClassifyIsAnError() throws IOException {
    assertThat(run(dir, Map.of(), new byte[0], "classify", "-")).isEqualTo(2);
    assertThat(err()).isEqualTo("dbt-triage classify: no message to classify: standard input is empty\n");
    Files.writeString(dir.resolve("blank.txt"), "  \n");
    assertThat(run(dir, "classify", "--message-file", "blank.txt")).isEqualTo(2);
    assertThat(err()).isEqualTo("dbt-triage classify: no message to classify: --message-file 'blank.txt' is empty\n");
    assertThat(run(dir, "classify")).isEqualTo(2);
    assertThat(err()).endsWith("; to classify one message, give --message-file FILE or '-' for standard input\n");
  }

  @Test
  void dashIsStandardInputForInspectLsAndTriage() throws IOException {
    assertThat(run(dir, Map.of(), sampleBytes("manifest.json"), "inspect", "-")).isZero();
    assertThat(out()).startsWith("standard input: manifest v12 (dbt 1.10.11, adapter snowflake, project jaffle_ops)");

    assertThat(run(dir, Map.of(), sampleBytes("manifest.json"), "ls", "--manifest", "-", "-s", "fct_payments+",
        "--resource-type", "model", "--output", "name")).isZero();
    assertThat(out().lines().toList()).contains("fct_payments");

    sampleTarget(dir.resolve("run"), "manifest.json");
    assertThat(run(dir, Map.of(), sampleBytes("run_results.json"), "triage", "run", "--run-results", "-",
        "--format", "json")).isEqualTo(1);
    assertThat(JSON.readTree(out()).get("roots")).hasSize(7);
  }

  @Test
  void oneByteThatIsNotUtf8SpoilsOnlyItsOwnBatchLine() throws IOException {
    Path manifest = sampleTarget(dir.resolve("t"), "manifest.json").resolve("manifest.json");
    ByteArrayOutputStream batch = new ByteArrayOutputStream();
    batch.writeBytes(("{\"args\": [\"--manifest\", \"" + manifest + "\", \"-s\", \"fct_payments\", "
        + "\"--resource-type\", \"model\"]}\n").getBytes(StandardCharsets.UTF_8));
    batch.writeBytes("{\"args\": [\"-s\", \"caf".getBytes(StandardCharsets.UTF_8));
    batch.write(0xE9); // Latin-1 e-acute
    batch.writeBytes("\"]}\n".getBytes(StandardCharsets.UTF_8));
    batch.writeBytes(("{\"args\": [\"--manifest\", \"" + manifest + "\", \"-s\", \"fct_tickets\", "
        + "\"--resource-type\", \"model\"]}\n").getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("b.jsonl"), batch.toByteArray());

    assertThat(run(dir, "ls", "--batch", "b.jsonl")).isZero();

    assertThat(out().lines().toList()).containsExactly(
        "{\"unique_ids\":[\"model.jaffle_ops.fct_payments\"]}",
        "{\"error\":\"line 2 is not valid UTF-8 (byte 0xE9 at column 21)\"}",
        "{\"unique_ids\":[\"model.jaffle_ops.fct_tickets\"]}");

    Files.write(dir.resolve("c.jsonl"), new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, '"',
        '}', '\n', '{', '"', 't', 'e', 'x', 't', '"', ':', '"', 'x', '"', '}', '\n'});
    assertThat(run(dir, "classify", "--batch", "c.jsonl")).isEqualTo(2);
    List<String> lines = out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(JSON.readTree(lines.get(0)).get("error").asText())
        .isEqualTo("line 1 is not valid UTF-8 (byte 0xFF at column 10)");
    assertThat(JSON.readTree(lines.get(1)).get("line").asInt()).isEqualTo(2);
    assertThat(JSON.readTree(lines.get(1)).has("class")).isTrue();
  }

  @Test
  void aFifoWithNoWriterIsAClearErrorNotAHang() throws Exception {
    Path fifo = dir.resolve("pipe.json");
    Process mk;
    try {
      mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo is not available here");
      return;
    }
    assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
    long start = System.nanoTime();

    assertThat(run(dir, Map.of("DBT_TRIAGE_OPEN_TIMEOUT", "1"), new byte[0], "inspect", "pipe.json")).isEqualTo(2);

    assertThat((System.nanoTime() - start) / 1e9).isLessThan(8.0);
    assertThat(err()).isEqualTo("dbt-triage inspect: PATH 'pipe.json' is a FIFO or device with no writer: nothing "
        + "opened it for writing within 1 s (set DBT_TRIAGE_OPEN_TIMEOUT to wait longer)\n");
  }

  @Test
  void helpAndCompletionAreGenerated() {
    assertThat(run(dir, "--help")).isZero();
    assertThat(out()).contains("Usage: dbt-triage [-hV] [COMMAND]").contains("inspect", "ls", "classify", "triage",
        "plan", "deploy-check");
    assertThat(run(dir, "generate-completion")).isZero();
    assertThat(out()).contains("complete -F _complete_dbt-triage", "--previous", "--scheduled", "--select");
    assertThat(run(dir, "frobnicate")).isEqualTo(2);
    assertThat(err()).isEqualTo("dbt-triage: unexpected argument 'frobnicate' (see 'dbt-triage --help')\n");
  }
}
