package dev.dbttriage.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Regression tests for issue 14: every leniency is a coded warning, no silent answers, no echoed content. */
class ReaderWarningsTest {
  private static final String RR4 = "{\"metadata\":{\"dbt_schema_version\":"
      + "\"https://schemas.getdbt.com/dbt/run-results/v4.json\"},";
  private static final String M12 = "{\"metadata\":{\"dbt_schema_version\":"
      + "\"https://schemas.getdbt.com/dbt/manifest/v12.json\"},";

  private static RunResults runResults(String json) {
    return Artifacts.readRunResults(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        "run_results.json");
  }

  private static Manifest manifest(byte[] json) {
    return Artifacts.readManifest(new ByteArrayInputStream(json), "manifest.json");
  }

  @Test
  void runResultsWithoutSchemaVersionKeepTheirStatuses() throws IOException {
    Path file = ArtifactCorpusTest.corpus()
        .resolve("2moonyo_global-trade-intelligence-pipeline/1.11.7_7454878/run_results.json");
    ObjectMapper json = new ObjectMapper();
    ObjectNode tree = (ObjectNode) json.readTree(file.toFile());
    ((ObjectNode) tree.get("metadata")).remove("dbt_schema_version");
    RunResults r = Artifacts.readRunResults(new ByteArrayInputStream(json.writeValueAsBytes(tree)),
        "run_results.json");
    assertThat(r.countsByStatus()).containsEntry(RunStatus.ERROR, 17).containsEntry(RunStatus.SKIPPED, 398);
    assertThat(r.results()).hasSize(460);
    assertThat(r.incomplete()).isFalse();
    assertThat(r.warnings()).extracting(ArtifactWarning::code).containsExactly(WarningCode.SCHEMA_VERSION_MISSING);
    assertThat(Files.exists(file)).isTrue();
  }

  @Test
  void handMadeRunResultsWithoutSchemaVersion() {
    RunResults r = runResults("{\"metadata\":{\"dbt_version\":\"1.7.0\"},\"results\":["
        + "{\"unique_id\":\"model.a.b\",\"status\":\"error\"},{\"unique_id\":\"model.a.c\",\"status\":\"skipped\"}]}");
    assertThat(r.countsByStatus()).isEqualTo(Map.of(RunStatus.ERROR, 1, RunStatus.SKIPPED, 1));
    assertThat(r.warnings()).singleElement().satisfies(w -> {
      assertThat(w.code()).isEqualTo(WarningCode.SCHEMA_VERSION_MISSING);
      assertThat(w.jsonPath()).isEqualTo("$.metadata");
      assertThat(w.degradesFindings()).isFalse();
    });
  }

  @Test
  void aResultWithoutStatusIsUnknownWithAWarningThatDegradesFindings() {
    RunResults r = runResults(RR4 + "\"results\":[{\"unique_id\":\"model.a.b\"}]}");
    assertThat(r.results().get(0).status()).isEqualTo(RunStatus.UNKNOWN);
    assertThat(r.incomplete()).isTrue();
    assertThat(r.warnings()).singleElement().satisfies(w -> {
      assertThat(w.code()).isEqualTo(WarningCode.RESULT_STATUS_MISSING);
      assertThat(w.jsonPath()).isEqualTo("$.results[0].status");
      assertThat(w.degradesFindings()).isTrue();
    });
  }

  @Test
  void aDuplicateStatusWhoseLaterValueIsNullIsAMissingStatus() {
    RunResults r = runResults(RR4 + "\"results\":[{\"unique_id\":\"model.a.b\",\"status\":\"error\","
        + "\"status\":null}]}");
    assertThat(r.warnings()).extracting(ArtifactWarning::code).containsExactly(WarningCode.RESULT_STATUS_MISSING);
  }

  @Test
  void nullOrMissingResultsAreWarnedAbout() {
    assertThat(runResults(RR4 + "\"results\":null}").warnings()).extracting(ArtifactWarning::code)
        .containsExactly(WarningCode.RESULTS_NULL);
    assertThat(runResults(RR4 + "\"elapsed_time\":1}").warnings()).extracting(ArtifactWarning::code)
        .containsExactly(WarningCode.RESULTS_MISSING);
    assertThat(runResults(RR4 + "\"results\":[null]}").warnings()).extracting(ArtifactWarning::code)
        .containsExactly(WarningCode.RESULT_NOT_OBJECT);
  }

  @Test
  void preV1ResultsWithoutErrorOrSkipAreUnknown() {
    RunResults r = runResults("{\"results\":[{\"node\":{\"unique_id\":\"model.a.b\",\"resource_type\":\"model\"},"
        + "\"status\":null,\"fail\":null,\"warn\":null}]}");
    assertThat(r.results().get(0).status()).isEqualTo(RunStatus.UNKNOWN);
    assertThat(r.warnings()).extracting(ArtifactWarning::code).containsExactly(WarningCode.RESULT_STATUS_MISSING);
  }

  @Test
  void numbersBeyondADoubleAreAbsentWithAWarning() {
    RunResults r = runResults(RR4 + "\"elapsed_time\":1e999,\"results\":[{\"unique_id\":\"model.a.b\","
        + "\"status\":\"success\",\"adapter_response\":{\"rows\":1e999}}]}");
    assertThat(r.elapsedTime()).isEmpty();
    assertThat(r.results().get(0).adapterResponse()).containsEntry("rows", null);
    assertThat(r.warnings()).extracting(ArtifactWarning::code, ArtifactWarning::jsonPath).containsExactly(
        org.assertj.core.groups.Tuple.tuple(WarningCode.NUMBER_OUT_OF_RANGE, "$.elapsed_time"),
        org.assertj.core.groups.Tuple.tuple(WarningCode.NUMBER_OUT_OF_RANGE, "$.results[0].adapter_response.rows"));
  }

  @Test
  void bytesThatAreNotUtf8AreReplacedWithAWarning() {
    byte[] head = (RR4 + "\"results\":[{\"unique_id\":\"model.a.b").getBytes(StandardCharsets.UTF_8);
    byte[] tail = "\",\"status\":\"success\"}]}".getBytes(StandardCharsets.UTF_8);
    byte[] json = new byte[head.length + 2 + tail.length];
    System.arraycopy(head, 0, json, 0, head.length);
    json[head.length] = (byte) 0xFF;
    json[head.length + 1] = (byte) 0xC3; // a truncated two-byte sequence
    System.arraycopy(tail, 0, json, head.length + 2, tail.length);
    RunResults r = Artifacts.readRunResults(new ByteArrayInputStream(json), "run_results.json");
    assertThat(r.results().get(0).uniqueId()).isEqualTo("model.a.b\uFFFD\uFFFD");
    assertThat(r.warnings()).singleElement().satisfies(w -> {
      assertThat(w.code()).isEqualTo(WarningCode.INVALID_UTF8);
      assertThat(w.message()).isEqualTo("2 byte sequences that are not UTF-8 replaced by U+FFFD (first at byte"
          + " offset " + head.length + ")");
    });
  }

  @Test
  void aUtf8ByteOrderMarkIsSkipped() {
    byte[] body = (RR4 + "\"results\":[]}").getBytes(StandardCharsets.UTF_8);
    byte[] json = new byte[body.length + 3];
    json[0] = (byte) 0xEF;
    json[1] = (byte) 0xBB;
    json[2] = (byte) 0xBF;
    System.arraycopy(body, 0, json, 3, body.length);
    assertThat(Artifacts.readRunResults(new ByteArrayInputStream(json), "r.json").warnings()).isEmpty();
  }

  @Test
  void manifestWithoutNodesIsWarnedAbout() {
    assertThat(manifest((M12 + "\"sources\":{}}").getBytes(StandardCharsets.UTF_8)).warnings())
        .extracting(ArtifactWarning::code).containsExactly(WarningCode.NODES_MISSING);
    assertThat(manifest((M12 + "\"sources\":{}}").getBytes(StandardCharsets.UTF_8)).incomplete()).isTrue();
    assertThat(manifest((M12 + "\"nodes\":null}").getBytes(StandardCharsets.UTF_8)).warnings())
        .extracting(ArtifactWarning::code).containsExactly(WarningCode.NODES_NULL);
    assertThat(manifest((M12 + "\"nodes\":{\"model.a.b\":null}}").getBytes(StandardCharsets.UTF_8)).warnings())
        .extracting(ArtifactWarning::code).containsExactly(WarningCode.RESOURCE_NOT_OBJECT);
  }

  @Test
  void aDuplicateResourceTypeWhoseLaterValueIsNullFallsBackToTheUniqueId() {
    Manifest m = manifest((M12 + "\"nodes\":{\"seed.a.b\":{\"unique_id\":\"seed.a.b\",\"resource_type\":\"seed\","
        + "\"resource_type\":null,\"name\":\"b\"}}}").getBytes(StandardCharsets.UTF_8));
    assertThat(m.nodes().get("seed.a.b").resourceType()).isEqualTo(ResourceType.SEED);
  }

  @Test
  void parseErrorsNeverEchoTheFile() {
    for (String content : new String[] {"ghp_SECRETTOKEN1234567890\n", "root:$6$saltsalt$hash:19000:0:99999:7:::\n",
        "{\"a\": hunter2secret}"}) {
      assertThatThrownBy(() -> runResults(content)).isInstanceOf(ArtifactException.class)
          .satisfies(e -> assertThat(e.getMessage()).startsWith("run_results.json: invalid JSON at $")
              .doesNotContain("ghp_").doesNotContain("root").doesNotContain("hunter2").doesNotContain("saltsalt"));
    }
    assertThatThrownBy(() -> runResults("ghp_SECRETTOKEN1234567890\n")).hasMessage(
        "run_results.json: invalid JSON at $ (line 1, column 26): Unrecognized token; was expecting (JSON String,"
            + " Number, Array, Object or token 'null', 'true' or 'false')");
  }

  @Test
  void aCleanRunHasNoWarningThatDegradesFindings() throws IOException {
    Path file = ArtifactCorpusTest.corpus()
        .resolve("2moonyo_global-trade-intelligence-pipeline/1.11.7_7454878/run_results.json");
    assertThat(Artifacts.readRunResults(file).warnings()).noneMatch(ArtifactWarning::degradesFindings);
  }

  @Test
  void detectKindOnAStreamLeavesItToBeReadOnceMore() {
    java.io.InputStream in = new java.io.BufferedInputStream(new ByteArrayInputStream(
        (RR4 + "\"results\":[{\"unique_id\":\"model.a.b\",\"status\":\"error\"}]}")
            .getBytes(StandardCharsets.UTF_8)));
    assertThat(Artifacts.detectKind(in, "<stdin>")).isEqualTo(ArtifactKind.RUN_RESULTS);
    assertThat(Artifacts.readRunResults(in, "<stdin>").countsByStatus()).isEqualTo(Map.of(RunStatus.ERROR, 1));
    java.io.InputStream plain = new java.io.InputStream() {
      @Override
      public int read() {
        return -1;
      }
    };
    assertThatThrownBy(() -> Artifacts.detectKind(plain, "<stdin>")).isInstanceOf(IllegalArgumentException.class);
  }
}
