package dev.dbttriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Judgments of the built-in rules and the triage together, through the CLI's JSON, on real corpus runs. */
class CorpusJudgmentCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonNode triage(String relative) throws IOException {
    Path dir = Path.of(System.getProperty("dbttriage.shared", "../../shared"), "fixtures", "artifacts", relative);
    assumeTrue(Files.isDirectory(dir), "fixture corpus absent: " + dir);
    return JSON.readTree(CliRun.of(Path.of(""), new byte[0], "triage", "--no-log", "--format", "json",
        dir.toString()).out());
  }

  @Test
  void noWarehouseInTheSessionIsAPermissionsMatterNotACodeFix() throws IOException {
    // dbt 1.7.14 on Snowflake: both tests failed with 000606 (no active warehouse selected in the session)
    JsonNode j = triage("3fid_DBT-Hackathon-2024/1.7.14_931c268");
    List<String> roots = new ArrayList<>();
    j.get("roots").forEach(r -> roots.add(r.get("diagnosis").get("subclass").asText() + " "
        + r.get("diagnosis").get("retryable").asBoolean() + " " + r.get("record").get("resolution").asText()));
    assertThat(roots).containsExactly("NO_WAREHOUSE_OR_DATABASE false Permissions",
        "NO_WAREHOUSE_OR_DATABASE false Permissions");
  }

  @Test
  void aMissingSourceTableIsTheIngestionsToFix() throws IOException {
    // dbt 1.11.7 on BigQuery: 17 staging views read source tables that were never loaded
    JsonNode j = triage("2moonyo_global-trade-intelligence-pipeline/1.11.7_7454878");
    JsonNode first = j.get("roots").get(0);
    assertThat(first.get("record").get("resolution").asText()).isEqualTo("Upstream");
    assertThat(first.get("record").get("resolution_detail").asText())
        .startsWith("The source table raw.comtrade_fact does not exist in the warehouse: dbt does not build sources");
  }
}
