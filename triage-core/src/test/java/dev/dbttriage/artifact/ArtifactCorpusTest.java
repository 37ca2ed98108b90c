package dev.dbttriage.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads every artifact of the shared corpus and checks its counts and schema version against
 * {@code fixtures/artifacts/INDEX.md}, which was generated independently from the same files.
 */
class ArtifactCorpusTest {
  private static final Pattern COUNT = Pattern.compile("\\s*(.+?):(\\d+)(?=\\s|$)");
  private static final Pattern PRE_OK = Pattern.compile("ok\\(pre-0\\.19 status=(.*)\\)");
  private static final Pattern PRE_OTHER = Pattern.compile("(\\w+)\\(pre-0\\.19\\)");

  record Row(String path, String kind, String schema, String counts) {}

  static Path corpus() {
    String shared = System.getProperty("dbttriage.shared");
    assumeTrue(shared != null, "dbttriage.shared not set");
    Path dir = Path.of(shared, "fixtures", "artifacts");
    assumeTrue(Files.isRegularFile(dir.resolve("INDEX.md")), "corpus absent: " + dir);
    return dir;
  }

  static List<Row> rows(Path dir) throws IOException {
    List<Row> rows = new ArrayList<>();
    boolean inFiles = false;
    for (String line : Files.readAllLines(dir.resolve("INDEX.md"), StandardCharsets.UTF_8)) {
      if (line.startsWith("## ")) {
        inFiles = line.equals("## Files");
        continue;
      }
      if (!inFiles || !line.startsWith("| ") || line.startsWith("| path ")) {
        continue;
      }
      String[] cells = line.split("\\|", -1);
      rows.add(new Row(cells[1].trim(), cells[2].trim(), cells[3].trim(), cells[7].trim()));
    }
    return rows;
  }

  @Test
  void indexListsEveryKindOfEverySchemaVersion() throws IOException {
    List<Row> rows = rows(corpus());
    assertThat(rows).hasSize(370);
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusFileMatchesItsIndexCounts() throws IOException {
    Path dir = corpus();
    return rows(dir).stream().map(row -> DynamicTest.dynamicTest(row.kind() + " " + row.schema() + " "
        + row.path(), () -> check(dir.resolve(row.path()), row)));
  }

  private static void check(Path file, Row row) {
    switch (row.kind()) {
      case "manifest" -> checkManifest(Artifacts.readManifest(file), row);
      case "run-results" -> checkRunResults(Artifacts.readRunResults(file), row);
      case "sources" -> checkSources(Artifacts.readSources(file), row);
      case "catalog" -> checkCatalog(Artifacts.readCatalog(file), row);
      default -> throw new AssertionError("unknown kind " + row.kind());
    }
    assertThat(Artifacts.detectKind(file).schemaName()).isEqualTo(row.kind());
  }

  private static void checkManifest(Manifest m, Row row) {
    assertThat(m.metadata().schemaLabel()).isEqualTo(row.schema());
    // "nodes=43 [test:36 model:7]; sources=17; exposures=2"
    String[] parts = row.counts().split(";\\s*");
    Matcher nodes = Pattern.compile("nodes=(\\d+) \\[(.*)\\]").matcher(parts[0]);
    assertThat(nodes.matches()).as(row.counts()).isTrue();
    Map<String, Integer> expectedTypes = counts(nodes.group(2));
    int sourcesInNodes = expectedTypes.getOrDefault("source", 0);
    Map<String, Integer> collections = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=");
      collections.put(kv[0], Integer.parseInt(kv[1]));
    }
    Map<String, Integer> actualTypes = new LinkedHashMap<>();
    m.nodes().values().forEach(n -> actualTypes.merge(n.resourceTypeName(), 1, Integer::sum));
    if (sourcesInNodes > 0) {
      actualTypes.put("source", sourcesInNodes);
    }
    assertThat(actualTypes).as("nodes by type").isEqualTo(expectedTypes);
    assertThat(m.nodes().size() + sourcesInNodes).isEqualTo(Integer.parseInt(nodes.group(1)));
    assertThat(m.sources()).hasSize(collections.getOrDefault("sources", 0) + sourcesInNodes);
    assertThat(m.exposures()).hasSize(collections.getOrDefault("exposures", 0));
    assertThat(m.metrics()).hasSize(collections.getOrDefault("metrics", 0));
    assertThat(m.semanticModels()).hasSize(collections.getOrDefault("semantic_models", 0));
    assertThat(m.savedQueries()).hasSize(collections.getOrDefault("saved_queries", 0));
    assertThat(m.unitTests()).hasSize(collections.getOrDefault("unit_tests", 0));
    assertThat(m.functions()).hasSize(collections.getOrDefault("functions", 0));
    m.allNodes().forEach(n -> assertThat(n.resourceType()).isNotEqualTo(ResourceType.OTHER));
  }

  private static void checkRunResults(RunResults r, Row row) {
    assertThat(r.metadata().schemaLabel()).isEqualTo(row.schema());
    Matcher m = Pattern.compile("results=(\\d+) \\[(.*)\\]").matcher(row.counts());
    assertThat(m.matches()).as(row.counts()).isTrue();
    assertThat(r.results()).hasSize(Integer.parseInt(m.group(1)));
    Matcher c = COUNT.matcher(m.group(2));
    int total = 0;
    while (c.find()) {
      String label = c.group(1);
      int expected = Integer.parseInt(c.group(2));
      total += expected;
      Matcher ok = PRE_OK.matcher(label);
      Matcher other = PRE_OTHER.matcher(label);
      long actual;
      if (ok.matches()) {
        String status = ok.group(1);
        actual = r.results().stream()
            .filter(x -> x.status() == RunStatus.SUCCESS || x.status() == RunStatus.PASS)
            .filter(x -> preStatusMatches(x, status))
            .count();
      } else if (other.matches()) {
        RunStatus s = RunStatus.parse(other.group(1));
        actual = r.results().stream().filter(x -> x.status() == s).count();
      } else {
        actual = r.results().stream().filter(x -> x.rawStatus().equals(label)).count();
        assertThat(RunStatus.parse(label)).isNotEqualTo(RunStatus.UNKNOWN);
      }
      assertThat(actual).as(label).isEqualTo(expected);
    }
    assertThat(total).isEqualTo(r.results().size());
    assertThat(r.warnings()).noneMatch(w -> w.jsonPath().endsWith(".status"));
  }

  private static boolean preStatusMatches(RunResult result, String status) {
    if (status.equals("None")) {
      return result.message().isEmpty() && result.failures().isEmpty();
    }
    if (status.startsWith("'")) {
      return result.message().equals(java.util.Optional.of(status.substring(1, status.length() - 1)));
    }
    return result.failures().isPresent() && result.failures().getAsLong() == (long) Double.parseDouble(status);
  }

  private static void checkSources(SourceFreshness s, Row row) {
    assertThat(s.metadata().schemaLabel()).isEqualTo(row.schema());
    Matcher m = Pattern.compile("results=(\\d+) \\[(.*)\\]").matcher(row.counts());
    assertThat(m.matches()).as(row.counts()).isTrue();
    assertThat(s.results()).hasSize(Integer.parseInt(m.group(1)));
    Matcher c = COUNT.matcher(m.group(2));
    while (c.find()) {
      String label = c.group(1);
      int expected = Integer.parseInt(c.group(2));
      Matcher other = PRE_OTHER.matcher(label);
      long actual;
      if (other.matches()) {
        FreshnessStatus st = FreshnessStatus.parse(other.group(1));
        actual = s.results().stream().filter(x -> x.status() == st).count();
      } else {
        actual = s.results().stream().filter(x -> x.rawStatus().equals(label)).count();
        assertThat(FreshnessStatus.parse(label)).isNotEqualTo(FreshnessStatus.UNKNOWN);
      }
      assertThat(actual).as(label).isEqualTo(expected);
    }
    assertThat(s.warnings()).isEmpty();
  }

  private static void checkCatalog(Catalog c, Row row) {
    assertThat(c.metadata().schemaLabel()).isEqualTo(row.schema());
    Matcher m = Pattern.compile("nodes=(\\d+) sources=(\\d+) errors=(\\w+)").matcher(row.counts());
    assertThat(m.matches()).as(row.counts()).isTrue();
    assertThat(c.nodes()).hasSize(Integer.parseInt(m.group(1)));
    assertThat(c.sources()).hasSize(Integer.parseInt(m.group(2)));
    assertThat(c.errors()).hasSize(m.group(3).equals("none") ? 0 : Integer.parseInt(m.group(3)));
  }

  private static Map<String, Integer> counts(String bracket) {
    Map<String, Integer> map = new LinkedHashMap<>();
    Matcher c = COUNT.matcher(bracket);
    while (c.find()) {
      map.put(c.group(1), Integer.parseInt(c.group(2)));
    }
    return map;
  }
}
