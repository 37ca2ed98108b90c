package dev.dbttriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged distribution as a user runs it (after {@code mvn package}, in {@code mvn verify}): the launcher,
 * the version from the jar manifest, standard input through a real pipe, and out of memory as one line.
 */
class DistributionIT {
  private static final Path DIST = Path.of(System.getProperty("dbttriage.dist", "target/dist"));

  @TempDir Path tmp;

  /** A finished process: exit code, stdout, stderr. */
  record Result(int code, String out, String err) {}

  private static Result launch(Map<String, String> env, byte[] stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(DIST.resolve("bin/dbt-triage").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    Process p = pb.start();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    try (OutputStream in = p.getOutputStream()) { // a pipe: the launcher's stdin cannot seek
      in.write(stdin);
    } catch (IOException e) {
      // the process may exit before reading all of it
    }
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finished in time").isTrue();
    return new Result(p.exitValue(), new String(out.get(), StandardCharsets.UTF_8),
        new String(err.get(), StandardCharsets.UTF_8));
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theDistributionHasItsLayoutAndArchives() {
    assertThat(DIST.resolve("bin/dbt-triage")).isExecutable();
    assertThat(DIST.resolve("bin/dbt-triage.cmd")).isRegularFile();
    assertThat(DIST.resolve("lib/dbt-triage.jar")).isRegularFile();
    assertThat(DIST.resolve("README.md")).isRegularFile();
    assertThat(DIST.resolve("LICENSE")).content().contains("Apache License", "Version 2.0, January 2004");
    String version = System.getProperty("dbttriage.version");
    assertThat(DIST.resolveSibling("dbt-triage-" + version + ".tar.gz")).isRegularFile();
    assertThat(DIST.resolveSibling("dbt-triage-" + version + ".zip")).isRegularFile();
  }

  @Test
  void versionComesFromTheJarManifest() throws Exception {
    Result r = launch(Map.of(), new byte[0], "--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("dbt-triage " + System.getProperty("dbttriage.version") + "\n");
  }

  @Test
  void devStdinAndDashReadAPipe() throws Exception {
    byte[] manifest;
    try (InputStream in = DistributionIT.class.getResourceAsStream("/dev/dbttriage/examples/sample/manifest.json")) {
      manifest = in.readAllBytes();
    }
    for (String path : List.of("/dev/stdin", "-")) {
      Result r = launch(Map.of(), manifest, "inspect", path);
      assertThat(r.code()).as(path).isZero();
      assertThat(r.out()).as(path).contains("manifest v12 (dbt 1.10.11, adapter snowflake, project jaffle_ops)");
      assertThat(r.err()).as(path).isEmpty();
    }
  }

  @Test
  void outOfMemoryIsOneLineWithTheInputSizeAndTheXmxToTry() throws Exception {
    Path manifest = tmp.resolve("manifest.json");
    try (Writer w = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8)) {
      w.write("{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v12.json\", "
          + "\"dbt_version\": \"1.9.0\", \"project_name\": \"big\"}, \"nodes\": {");
      for (int i = 0; i < 120_000; i++) {
        String id = "model.big.m" + i;
        w.write((i == 0 ? "" : ",") + "\"" + id + "\": {\"unique_id\": \"" + id + "\", \"resource_type\": \"model\", "
            + "\"name\": \"m" + i + "\", \"package_name\": \"big\", \"path\": \"m" + i + ".sql\", "
            + "\"original_file_path\": \"models/m" + i + ".sql\", \"fqn\": [\"big\", \"m" + i + "\"], \"tags\": "
            + "[\"t" + (i % 50) + "\"], \"config\": {\"enabled\": true, \"materialized\": \"table\"}, "
            + "\"depends_on\": {\"nodes\": [], \"macros\": []}, \"raw_code\": \"select " + i + " as id\", "
            + "\"checksum\": {\"name\": \"sha256\", \"checksum\": \"c" + i + "\"}}");
      }
      w.write("}, \"sources\": {}, \"exposures\": {}, \"metrics\": {}, \"macros\": {}, \"docs\": {}, "
          + "\"parent_map\": {}, \"child_map\": {}, \"disabled\": {}, \"selectors\": {}}");
    }

    Result r = launch(Map.of("JAVA_OPTS", "-Xmx16m"), new byte[0], "inspect", manifest.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err()).startsWith("dbt-triage inspect: out of memory: " + manifest + " is ")
        .contains("and the heap is at most ").containsPattern("try JAVA_OPTS=-Xmx\\d+g\n$")
        .doesNotContain("Exception", "\tat ");
  }
}
