package dev.dbttriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code target/} left by {@code dbt source freshness} alone (manifest.json and sources.json, no
 * run_results.json), from a real dbt 1.7.2 project whose {@code web.transactions} source was 4,602 hours late:
 * {@code triage} and {@code plan} work on it and exit 0 or 1, never 2.
 */
class FreshnessOnlyCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path target(Path dir) throws IOException {
    Path source = Path.of(System.getProperty("dbttriage.shared", "../../shared"),
        "fixtures/artifacts/samuelzhang1201_customer_case/1.7.2_38c5366");
    assumeTrue(Files.isDirectory(source), "fixture corpus absent: " + source);
    Path target = Files.createDirectories(dir.resolve("target"));
    Files.copy(source.resolve("manifest.json"), target.resolve("manifest.json"));
    Files.copy(source.resolve("sources.json"), target.resolve("sources.json"));
    return target;
  }

  @Test
  void aFreshnessOnlyTargetTriagesItsLateSourceWithWhatReadsIt(@TempDir Path dir) throws IOException {
    target(dir);
    CliRun run = CliRun.of(dir, new byte[0], "triage", "target", "--format", "json");
    assertThat(run.code()).isEqualTo(1);
    JsonNode j = JSON.readTree(run.out());
    assertThat(j.get("roots")).hasSize(1);
    JsonNode root = j.get("roots").get(0);
    assertThat(root.get("kind").asText()).isEqualTo("source_freshness");
    assertThat(root.get("unique_id").asText()).isEqualTo("source.customer360.web.transactions");
    assertThat(root.get("source").asText()).isEqualTo("sources");
    assertThat(root.get("diagnosis").get("class").asText()).isEqualTo("FRESHNESS");
    assertThat(root.get("record").get("resolution").asText()).isEqualTo("Upstream");
    assertThat(root.get("blast_radius").get("downstream_count").asInt()).isEqualTo(11);
    assertThat(root.get("first_line").asText()).startsWith("ERROR STALE freshness of web.transactions");
  }

  @Test
  void itsPlanChecksTheSourceAgainBeforeAnythingElse(@TempDir Path dir) throws IOException {
    target(dir);
    CliRun run = CliRun.of(dir, new byte[0], "plan", "target", "--format", "json");
    assertThat(run.code()).isZero();
    JsonNode step = JSON.readTree(run.out()).get("steps").get(0);
    assertThat(step.get("kind").asText()).isEqualTo("freshness_check");
    assertThat(step.get("command").asText()).isEqualTo("dbt source freshness --select source:web.transactions");
  }
}
