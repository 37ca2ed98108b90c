package dev.dbttriage.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input raises {@link ArtifactException} with one exact line: file, JSON path, position, schema. */
class BadArtifactTest {
  static final String V12 = "{\"metadata\": {\"dbt_schema_version\": "
      + "\"https://schemas.getdbt.com/dbt/manifest/v12.json\"},\n";
  static final String RR6 = "{\"metadata\": {\"dbt_schema_version\": "
      + "\"https://schemas.getdbt.com/dbt/run-results/v6.json\"}, ";

  static String manifestError(String json) {
    return catchThrowableOfType(ArtifactException.class, () -> Artifacts.readManifest(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "manifest.json")).getMessage();
  }

  static String runResultsError(String json) {
    return catchThrowableOfType(ArtifactException.class, () -> Artifacts.readRunResults(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "run_results.json")).getMessage();
  }

  @Test
  void configThatIsAString() {
    ArtifactException e = catchThrowableOfType(ArtifactException.class, () -> Artifacts.readManifest(
        new ByteArrayInputStream((V12 + "\"nodes\": {\"model.shop.orders\": {\"config\": \"table\"}}}")
            .getBytes(StandardCharsets.UTF_8)), "manifest.json"));
    assertThat(e.getMessage()).isEqualTo("manifest.json: expected an object at $.nodes['model.shop.orders'].config"
        + " but found a string (line 2, column 43; schema v12)");
    assertThat(e.file()).isEqualTo("manifest.json");
    assertThat(e.jsonPath()).contains("$.nodes['model.shop.orders'].config");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(43);
  }

  @Test
  void nodesThatIsAList() {
    assertThat(manifestError(V12 + "\"nodes\": [1, 2]}")).isEqualTo(
        "manifest.json: expected an object at $.nodes but found an array (line 2, column 10; schema v12)");
  }

  @Test
  void dependsOnNodesWithANumber() {
    assertThat(manifestError(V12 + "\"nodes\": {\"model.shop.orders\": {\"depends_on\": {\"nodes\": "
        + "[\"model.shop.a\", 3]}}}}")).isEqualTo("manifest.json: expected a string at "
        + "$.nodes['model.shop.orders'].depends_on.nodes[1] but found a number (line 2, column 74; schema v12)");
  }

  @Test
  void tagsThatAreNotAList() {
    assertThat(manifestError(V12 + "\"nodes\": {\"model.shop.orders\": {\"tags\": \"daily\"}}}")).isEqualTo(
        "manifest.json: expected an array at $.nodes['model.shop.orders'].tags but found a string"
            + " (line 2, column 41; schema v12)");
  }

  @Test
  void wrongTypeInAPreV1ManifestHasNoSchemaVersion() {
    assertThat(manifestError("{\"nodes\": {\"model.a.b\": {\"resource_type\": \"model\", \"config\": []}}}"))
        .isEqualTo("manifest.json: expected an object at $.nodes['model.a.b'].config but found an array"
            + " (line 1, column 62)");
  }

  @Test
  void truncatedFile() {
    assertThat(manifestError(V12 + "\"nodes\": {\"model.shop.orders\": {\"raw_code\": \"select")).isEqualTo(
        "manifest.json: unexpected end of file at $.nodes['model.shop.orders'].raw_code"
            + " (line 2, column 52; schema v12)");
  }

  @Test
  void invalidJson() {
    assertThat(manifestError(V12 + "\"nodes\": {\"model.shop.orders\": {\"name\": x}}}")).isEqualTo(
        "manifest.json: invalid JSON at $.nodes['model.shop.orders'].name (line 2, column 42; schema v12):"
            + " Unrecognized token; was expecting (JSON String, Number, Array, Object or token 'null',"
            + " 'true' or 'false')");
  }

  @Test
  void emptyAndBlankFiles() {
    assertThat(manifestError("")).isEqualTo("manifest.json: expected an object at $ but found an empty file");
    assertThat(manifestError("  \n ")).isEqualTo("manifest.json: expected an object at $ but found an empty file");
  }

  @Test
  void jsonThatIsNotADbtArtifact() {
    assertThat(manifestError("{}")).isEqualTo("manifest.json: expected a dbt manifest at $ but found an object"
        + " without metadata.dbt_schema_version or nodes (line 1, column 1)");
    assertThat(manifestError("[1]")).isEqualTo(
        "manifest.json: expected an object at $ but found an array (line 1, column 1)");
    assertThat(manifestError("\n{\"name\": \"my-app\", \"version\": \"1.0.0\", \"dependencies\": {}}"))
        .isEqualTo("manifest.json: expected a dbt manifest at $ but found an object"
            + " without metadata.dbt_schema_version or nodes (line 2, column 1)");
    assertThat(runResultsError("{\"name\": \"my-app\"}")).isEqualTo("run_results.json: expected dbt run results"
        + " at $ but found an object without metadata.dbt_schema_version or results (line 1, column 1)");
  }

  @Test
  void anotherKindOfArtifact() {
    assertThat(manifestError(RR6 + "\"results\": []}")).isEqualTo("manifest.json: expected a dbt manifest"
        + " schema URL at $.metadata.dbt_schema_version but found"
        + " 'https://schemas.getdbt.com/dbt/run-results/v6.json', a dbt run-results artifact (line 1, column 37)");
  }

  @Test
  void columnConstraintWithANumberType() {
    assertThat(manifestError(V12 + "\"nodes\": {\"model.shop.orders\": {\"columns\": {\"id\": {\"constraints\": "
        + "[{\"type\": 5}]}}}}}")).isEqualTo("manifest.json: expected a string at"
        + " $.nodes['model.shop.orders'].columns.id.constraints[0].type but found a number"
        + " (line 2, column 77; schema v12)");
  }

  @Test
  void runResultsWithWrongTypesOrAMissingId() {
    assertThat(runResultsError(RR6 + "\"results\": {}}")).isEqualTo("run_results.json: expected an array at"
        + " $.results but found an object (line 1, column 103; schema v6)");
    assertThat(runResultsError(RR6 + "\"results\": [{\"unique_id\": \"m\", \"execution_time\": \"slow\"}]}"))
        .isEqualTo("run_results.json: expected a number at $.results[0].execution_time but found a string"
            + " (line 1, column 141; schema v6)");
    assertThat(runResultsError(RR6 + "\"results\": [{\"status\": \"success\"}]}")).isEqualTo(
        "run_results.json: expected a unique_id at $.results[0] but found none (line 1, column 104; schema v6)");
  }

  @Test
  void missingFileDirectoryAndTargetWithoutManifest(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("manifest.json");
    assertThatThrownBy(() -> Artifacts.readManifest(missing)).isInstanceOf(ArtifactException.class)
        .hasMessage(missing + ": the file does not exist");
    assertThatThrownBy(() -> Artifacts.readManifest(dir)).isInstanceOf(ArtifactException.class)
        .hasMessage(dir + ": expected a JSON file but found a directory");
    assertThatThrownBy(() -> Artifacts.readTarget(dir)).isInstanceOf(ArtifactException.class)
        .hasMessage(dir + ": no manifest.json in the directory");
    assertThatThrownBy(() -> Artifacts.readTarget(dir.resolve("nope"))).isInstanceOf(ArtifactException.class)
        .hasMessage(dir.resolve("nope") + ": the directory does not exist");
    Files.writeString(missing, "{\"metadata\": {}, \"nodes\": {}}");
    Files.writeString(dir.resolve("run_results.json"), "{\"results\": 3}");
    assertThatThrownBy(() -> Artifacts.readTarget(dir)).isInstanceOf(ArtifactException.class)
        .hasMessage(dir.resolve("run_results.json")
            + ": expected an array at $.results but found a number (line 1, column 13)");
  }

  @Test
  void nestingDeeperThanTheLimit() {
    String deep = "[".repeat(600) + "]".repeat(600);
    assertThat(manifestError("{\"nodes\": {\"model.a.b\": {\"config\": {\"x\": " + deep + "}}}}")).isEqualTo(
        "manifest.json: input exceeds a reader limit at $.nodes['model.a.b'].config.x[0][0][0][0][0][0]..."
            + "[0][0][0][0][0] (line 1, column 539): Document nesting depth (501) exceeds the maximum allowed"
            + " (500, from `StreamReadConstraints.getMaxNestingDepth()`)");
  }

  @Test
  void unknownFieldsAndUnknownTopLevelKeysAreIgnored() {
    Manifest m = Artifacts.readManifest(new ByteArrayInputStream((V12 + "\"nodes\": {\"model.a.b\": {"
        + "\"resource_type\": \"model\", \"brand_new\": [{\"deep\": {\"er\": [1, null, true]}}]}},"
        + "\"future_map\": {\"x\": [1]}}").getBytes(StandardCharsets.UTF_8)), "manifest.json");
    assertThat(m.nodes()).containsOnlyKeys("model.a.b");
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void detectKindRejectsNonArtifacts(@TempDir Path dir) throws IOException {
    Path pkg = dir.resolve("package.json");
    Files.writeString(pkg, "{\"name\": \"x\", \"version\": \"1\"}");
    assertThatThrownBy(() -> Artifacts.detectKind(pkg)).isInstanceOf(ArtifactException.class)
        .hasMessage(pkg + ": expected a dbt artifact at $ but found an object without"
            + " metadata.dbt_schema_version, nodes or results (line 1, column 1)");
  }
}
