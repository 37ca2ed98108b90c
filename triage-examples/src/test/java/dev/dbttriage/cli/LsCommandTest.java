package dev.dbttriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbttriage.artifact.Artifacts;
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

class LsCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), false, dir);
    return Main.run(List.of(args), ctx);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void parsesMultiValueFlagsLikeDbt() {
    LsCommand.Invocation inv = LsCommand.Invocation.parse(List.of("-s", "a", "b", "--select", "c d", "--exclude",
        "e", "--resource-type", "model", "test", "--output", "json", "--output-keys", "name", "unique_id"));
    assertThat(inv.request().select()).containsExactly("a", "b", "c d");
    assertThat(inv.request().exclude()).containsExactly("e");
    assertThat(inv.request().resourceTypes()).containsExactly("model", "test");
    assertThat(inv.output).isEqualTo("json");
    assertThat(inv.outputKeys).containsExactly("name", "unique_id");
  }

  @Test
  void acceptsDbtFlagsThatDoNotChangeTheSelection() {
    LsCommand.Invocation inv = LsCommand.Invocation.parse(List.of("--quiet", "--profiles-dir", "x", "-t", "prod",
        "--no-partial-parse", "-s", "a", "--log-level", "warn", "--project-dir", "proj"));
    assertThat(inv.request().select()).containsExactly("a");
    assertThat(inv.manifestPath(Path.of("/w"))).isEqualTo(Path.of("/w/proj/target/manifest.json"));
  }

  @Test
  void warnErrorTurnsAnEmptySelectionIntoAnError() throws IOException {
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(manifest, MANIFEST);
    assumeTrue(readersAvailable(manifest), "artifact readers not merged yet");
    assertThat(run("ls", "--manifest", manifest.toString(), "-s", "nothing", "--warn-error")).isEqualTo(2);
    assertThat(stderr()).isEqualTo("dbt-triage ls: The selection criterion 'nothing' does not match any enabled "
        + "nodes" + System.lineSeparator());
  }

  @Test
  void modelsAndSelectAreMutuallyExclusive() {
    assertThat(run("ls", "-m", "a", "-s", "b")).isEqualTo(2);
    assertThat(stderr()).isEqualTo("dbt-triage ls: \"models\" and \"select\" are mutually exclusive arguments"
        + System.lineSeparator());
  }

  @Test
  void flagWithoutValueIsAUsageError() {
    assertThat(run("ls", "--select", "--exclude", "x")).isEqualTo(2);
    assertThat(stderr()).contains("Option '--select' requires an argument.");
  }

  @Test
  void missingManifestIsAnInputError() {
    assertThat(run("ls", "--manifest", "nope.json")).isEqualTo(2);
    assertThat(stderr()).contains("nope.json: no such file");
  }

  @Test
  void batchAnswersEachLineEvenOnErrors() throws IOException {
    Path batch = dir.resolve("batch.jsonl");
    Files.writeString(batch, "{\"args\": [\"--manifest\", \"missing.json\", \"-s\", \"a\"]}\nnot json\n");
    assertThat(run("ls", "--batch", batch.toString())).isEqualTo(0);
    List<String> lines = stdout().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("{\"error\":\"").contains("missing.json: no such file");
    assertThat(lines.get(1)).startsWith("{\"error\":\"not a JSON object");
  }

  private static final String MANIFEST = "{\"metadata\": {\"dbt_schema_version\": "
      + "\"https://schemas.getdbt.com/dbt/manifest/v12.json\", \"dbt_version\": \"1.9.0\", \"project_name\": "
      + "\"shop\"}, \"nodes\": {"
      + "\"model.shop.stg\": {\"unique_id\": \"model.shop.stg\", \"resource_type\": \"model\", \"name\": \"stg\", "
      + "\"package_name\": \"shop\", \"path\": \"stg.sql\", \"original_file_path\": \"models/staging/stg.sql\", "
      + "\"fqn\": [\"shop\", \"staging\", \"stg\"], \"tags\": [\"daily\"], \"config\": {\"enabled\": true, "
      + "\"materialized\": \"view\"}, \"depends_on\": {\"nodes\": [\"source.shop.raw.orders\"], \"macros\": []}, "
      + "\"raw_code\": \"select 1\", \"checksum\": {\"name\": \"sha256\", \"checksum\": \"x\"}},"
      + "\"model.shop.orders\": {\"unique_id\": \"model.shop.orders\", \"resource_type\": \"model\", \"name\": "
      + "\"orders\", \"package_name\": \"shop\", \"path\": \"orders.sql\", \"original_file_path\": "
      + "\"models/orders.sql\", \"fqn\": [\"shop\", \"orders\"], \"tags\": [], \"config\": {\"enabled\": true, "
      + "\"materialized\": \"table\"}, \"depends_on\": {\"nodes\": [\"model.shop.stg\"], \"macros\": []}, "
      + "\"raw_code\": \"select 2\", \"checksum\": {\"name\": \"sha256\", \"checksum\": \"y\"}}},"
      + "\"sources\": {\"source.shop.raw.orders\": {\"unique_id\": \"source.shop.raw.orders\", \"resource_type\": "
      + "\"source\", \"name\": \"orders\", \"source_name\": \"raw\", \"package_name\": \"shop\", \"path\": "
      + "\"models/src.yml\", \"original_file_path\": \"models/src.yml\", \"fqn\": [\"shop\", \"raw\", \"orders\"], "
      + "\"config\": {\"enabled\": true}, \"tags\": []}}, \"exposures\": {}, \"metrics\": {}, \"macros\": {}, "
      + "\"docs\": {}, \"parent_map\": {}, \"child_map\": {}, \"disabled\": {}, \"selectors\": {}}";

  private boolean readersAvailable(Path manifest) {
    try {
      Artifacts.readManifest(manifest);
      return true;
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  @Test
  void listsAsDbtDoes() throws IOException {
    Path manifest = dir.resolve("target/manifest.json");
    Files.createDirectories(manifest.getParent());
    Files.writeString(manifest, MANIFEST);
    assumeTrue(readersAvailable(manifest), "artifact readers not merged yet");
    assertThat(run("ls", "--target-path", "target", "-s", "+orders")).isEqualTo(0);
    assertThat(stdout().lines().toList()).containsExactly("shop.orders", "shop.staging.stg",
        "source:shop.raw.orders");
    out.reset();
    assertThat(run("ls", "--manifest", manifest.toString(), "-s", "tag:daily+", "--output", "name")).isEqualTo(0);
    assertThat(stdout().lines().toList()).containsExactly("orders", "stg");
    out.reset();
    assertThat(run("ls", "--manifest", manifest.toString(), "-s", "path:models/staging", "--output", "path"))
        .isEqualTo(0);
    assertThat(stdout().lines().toList()).containsExactly("models/staging/stg.sql");
  }

  @Test
  void wrongSelectorExitsTwo() throws IOException {
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(manifest, MANIFEST);
    assumeTrue(readersAvailable(manifest), "artifact readers not merged yet");
    assertThat(run("ls", "--manifest", manifest.toString(), "-s", "modle:x")).isEqualTo(2);
    assertThat(stderr()).isEqualTo("dbt-triage ls: 'modle' is not a valid method name" + System.lineSeparator());
  }

  @Test
  void batchCachesManifestsAndAnswersPerLine() throws IOException {
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(manifest, MANIFEST);
    assumeTrue(readersAvailable(manifest), "artifact readers not merged yet");
    Path batch = dir.resolve("b.jsonl");
    Files.writeString(batch, "{\"args\": [\"--manifest\", \"manifest.json\", \"-s\", \"stg+\"]}\n"
        + "{\"args\": [\"--manifest\", \"manifest.json\", \"-s\", \"@x+\"]}\n");
    assertThat(run("ls", "--batch", batch.toString())).isEqualTo(0);
    assertThat(stdout().lines().toList()).containsExactly(
        "{\"unique_ids\":[\"model.shop.orders\",\"model.shop.stg\"]}",
        "{\"error\":\"Invalid node spec @x+ - \\\"@\\\" prefix and \\\"+\\\" suffix are incompatible\"}");
  }
}
