package dev.dbttriage.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Builds the lineage graph of every manifest of the shared corpus and checks each vertex's children against
 * the {@code child_map} dbt itself wrote into the same file (restricted to enabled members).
 */
class LineageCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path corpus() {
    String shared = System.getProperty("dbttriage.shared");
    assumeTrue(shared != null, "dbttriage.shared not set");
    Path dir = Path.of(shared, "fixtures", "artifacts");
    assumeTrue(Files.isRegularFile(dir.resolve("INDEX.md")), "corpus absent: " + dir);
    return dir;
  }

  /** Manifests from INDEX.md, minus those whose maps were trimmed or edited by hand. */
  static List<Path> manifests(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("INDEX.md"), StandardCharsets.UTF_8)) {
      String[] cells = line.split("\\|", -1);
      if (cells.length > 3 && cells[2].trim().equals("manifest") && !line.contains("trimmed")
          && !line.contains("hand-edited")) {
        out.add(dir.resolve(cells[1].trim()));
      }
    }
    return out;
  }

  private static JsonNode childMap(Path file) throws IOException {
    try (JsonParser p = JSON.getFactory().createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("child_map")) {
          return JSON.readTree(p);
        }
        p.skipChildren();
      }
    }
    return null;
  }

  @TestFactory
  Stream<DynamicTest> childrenMatchDbtsChildMap() throws IOException {
    Path dir = corpus();
    List<Path> files = manifests(dir);
    assertThat(files).hasSizeGreaterThan(100);
    return files.stream().map(f -> DynamicTest.dynamicTest(dir.relativize(f).toString(), () -> {
      Manifest manifest = Artifacts.readManifest(f);
      JsonNode childMap = childMap(f);
      assumeTrue(childMap != null && childMap.isObject(), "no child_map");
      LineageGraph graph = LineageGraph.of(manifest);
      for (String id : graph.ids()) {
        Set<String> expected = new HashSet<>();
        JsonNode children = childMap.get(id);
        if (children != null) {
          children.forEach(c -> {
            if (graph.contains(c.asText())) {
              expected.add(c.asText());
            }
          });
        }
        assertThat(graph.children(id)).as(id).containsExactlyInAnyOrderElementsOf(expected);
      }
    }));
  }
}
