package dev.dbttriage.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Damages real corpus artifacts in the ways issue 14's campaign did (dropped keys, null values, duplicate keys
 * whose later value is null, truncation, bytes that are not UTF-8, numbers beyond a double, values of the wrong
 * type) and checks that each load either fails with a one-line {@link ArtifactException} or loads without a
 * silent change of findings: the outcome counts equal the original's, or a warning that degrades findings says
 * why not. Seeded and bounded in time (about four seconds).
 */
class ArtifactFuzzTest {
  private static final long BUDGET_NANOS = Long.getLong("dbttriage.fuzzNanos", 4_000_000_000L);
  private static final ObjectMapper JSON = new ObjectMapper();

  enum Damage { DROP_KEY, NULL_VALUE, DUPLICATE_NULL, TRUNCATE, INVALID_UTF8, HUGE_NUMBER, WRONG_TYPE }

  enum Kind { MANIFEST, RUN_RESULTS, SOURCES, CATALOG }

  @Test
  void damagedArtifactsFailTypedOrLoadWithoutSilentChanges() throws IOException {
    Path corpus = ArtifactCorpusTest.corpus();
    List<Path> files;
    try (Stream<Path> s = Files.walk(corpus)) {
      files = s.filter(p -> p.toString().endsWith(".json") && kind(p) != null)
          .filter(p -> size(p) < 400_000)
          .sorted()
          .collect(Collectors.toList());
    }
    Random random = new Random(14);
    java.util.Collections.shuffle(files, random);
    // run_results first: they carry the findings the issue is about
    files.sort((a, b) -> Boolean.compare(kind(b) == Kind.RUN_RESULTS, kind(a) == Kind.RUN_RESULTS));
    long start = System.nanoTime();
    int runs = 0;
    int typedErrors = 0;
    int loads = 0;
    for (Path file : files) {
      if (System.nanoTime() - start > BUDGET_NANOS) {
        break;
      }
      byte[] original = Files.readAllBytes(file);
      JsonNode tree;
      Object baseline;
      try {
        tree = JSON.readTree(original);
        baseline = load(kind(file), original, file.getFileName().toString());
      } catch (ArtifactException | IOException e) {
        continue; // the corpus keeps a few files that are bad on purpose
      }
      for (Damage damage : Damage.values()) {
        byte[] damaged = damage(damage, tree, original, random);
        String name = file.getFileName().toString();
        runs++;
        Object loaded;
        try {
          loaded = load(kind(file), damaged, name);
        } catch (ArtifactException e) {
          typedErrors++;
          assertThat(e.getMessage()).as(damage + " " + file).startsWith(name + ": ").doesNotContain("\n");
          continue;
        } catch (RuntimeException e) {
          fail(damage + " of " + file + " threw " + e, e);
          continue;
        }
        loads++;
        assertNoSilentChange(damage + " of " + corpus.relativize(file), baseline, loaded);
      }
    }
    assertThat(runs).as("damaged loads within the budget").isGreaterThan(50);
    assertThat(typedErrors).isPositive();
    assertThat(loads).isPositive();
  }

  private static void assertNoSilentChange(String what, Object before, Object after) {
    if (before instanceof RunResults b && after instanceof RunResults a) {
      if (!outcomes(b.countsByStatus()).equals(outcomes(a.countsByStatus()))
          || b.results().size() != a.results().size()) {
        assertThat(a.warnings()).as(what + ": " + b.countsByStatus() + " became " + a.countsByStatus())
            .anyMatch(ArtifactWarning::degradesFindings);
      }
    } else if (before instanceof Manifest b && after instanceof Manifest a) {
      if (b.nodes().size() != a.nodes().size() || b.sources().size() != a.sources().size()) {
        assertThat(a.warnings()).as(what + ": nodes " + b.nodes().size() + " became " + a.nodes().size())
            .anyMatch(ArtifactWarning::degradesFindings);
      }
    } else if (before instanceof SourceFreshness b && after instanceof SourceFreshness a) {
      Map<FreshnessStatus, Long> x = b.results().stream()
          .collect(Collectors.groupingBy(FreshnessResult::status, Collectors.counting()));
      Map<FreshnessStatus, Long> y = a.results().stream()
          .collect(Collectors.groupingBy(FreshnessResult::status, Collectors.counting()));
      if (!x.equals(y)) {
        assertThat(a.warnings()).as(what + ": " + x + " became " + y).anyMatch(ArtifactWarning::degradesFindings);
      }
    }
  }

  /** The counts that findings depend on: everything but the successes. */
  private static Map<RunStatus, Integer> outcomes(Map<RunStatus, Integer> counts) {
    return counts.entrySet().stream()
        .filter(e -> e.getKey() != RunStatus.SUCCESS && e.getKey() != RunStatus.PASS)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static Object load(Kind kind, byte[] bytes, String name) {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    switch (kind) {
      case MANIFEST:
        return Artifacts.readManifest(in, name);
      case RUN_RESULTS:
        return Artifacts.readRunResults(in, name);
      case SOURCES:
        return Artifacts.readSources(in, name);
      default:
        return Artifacts.readCatalog(in, name);
    }
  }

  private static Kind kind(Path p) {
    String n = p.getFileName().toString();
    if (n.startsWith("run_results")) {
      return Kind.RUN_RESULTS;
    }
    if (n.startsWith("sources")) {
      return Kind.SOURCES;
    }
    if (n.startsWith("catalog")) {
      return Kind.CATALOG;
    }
    return n.startsWith("manifest") ? Kind.MANIFEST : null;
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  // ------------------------------------------------------------------ damage

  private static byte[] damage(Damage damage, JsonNode tree, byte[] original, Random random) throws IOException {
    switch (damage) {
      case TRUNCATE:
        return java.util.Arrays.copyOf(original, random.nextInt(Math.max(1, original.length)));
      case INVALID_UTF8: {
        byte[] copy = original.clone();
        List<Integer> inStrings = new ArrayList<>();
        boolean inString = false;
        for (int i = 0; i < copy.length && inStrings.size() < 10_000; i++) {
          if (copy[i] == '"' && (i == 0 || copy[i - 1] != '\\')) {
            inString = !inString;
          } else if (inString && copy[i] > ' ' && copy[i] != '\\') {
            inStrings.add(i);
          }
        }
        if (!inStrings.isEmpty()) {
          copy[inStrings.get(random.nextInt(inStrings.size()))] = (byte) 0xFF;
        }
        return copy;
      }
      default:
        JsonNode copy = tree.deepCopy();
        List<JsonNode> containers = new ArrayList<>();
        collect(copy, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        // half the time aim at what findings depend on: statuses, the schema version, results, nodes
        if (random.nextBoolean()) {
          List<JsonNode> focused = new ArrayList<>();
          for (JsonNode c : containers) {
            if (c.has("status") || c.has("dbt_schema_version") || c.has("results") || c.has("nodes")) {
              focused.add(c);
            }
          }
          if (!focused.isEmpty()) {
            target = focused.get(random.nextInt(focused.size()));
          }
        }
        return write(copy, target, damage, random);
    }
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isObject() && node.size() > 0) {
      out.add(node);
    }
    if (node.isArray() && node.size() > 0) {
      out.add(node);
    }
    if (out.size() > 20_000) {
      return;
    }
    for (JsonNode child : node) {
      collect(child, out);
    }
  }

  /** Writes the tree, damaging one member of {@code target} on the way. */
  private static byte[] write(JsonNode root, JsonNode target, Damage damage, Random random) throws IOException {
    List<String> fields = new ArrayList<>();
    if (target.isObject()) {
      target.fieldNames().forEachRemaining(fields::add);
    }
    String field = fields.isEmpty() ? null : pick(fields, random);
    if (field == null && damage == Damage.DROP_KEY) {
      damage = Damage.NULL_VALUE;
    }
    if (damage == Damage.HUGE_NUMBER) {
      field = null;
      for (String f : fields) {
        if (target.get(f).isNumber()) {
          field = f;
        }
      }
    }
    int index = target.isArray() ? random.nextInt(target.size()) : -1;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      new Writer(g, target, field, index, damage).value(root);
    }
    return out.toByteArray();
  }

  private static String pick(List<String> fields, Random random) {
    for (String preferred : List.of("status", "dbt_schema_version", "results", "nodes", "error", "skip")) {
      if (fields.contains(preferred) && random.nextInt(3) == 0) {
        return preferred;
      }
    }
    return fields.get(random.nextInt(fields.size()));
  }

  private record Writer(JsonGenerator g, JsonNode target, String field, int index, Damage damage) {
    void value(JsonNode node) throws IOException {
      if (node.isObject()) {
        g.writeStartObject();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          boolean hit = node == target && e.getKey().equals(field);
          if (hit && damage == Damage.DROP_KEY) {
            continue;
          }
          g.writeFieldName(e.getKey());
          if (hit) {
            damaged(e.getValue());
            if (damage == Damage.DUPLICATE_NULL) {
              g.writeFieldName(e.getKey());
              g.writeNull();
            }
          } else {
            value(e.getValue());
          }
        }
        g.writeEndObject();
      } else if (node.isArray()) {
        g.writeStartArray();
        for (int i = 0; i < node.size(); i++) {
          if (node == target && i == index) {
            damaged(node.get(i));
          } else {
            value(node.get(i));
          }
        }
        g.writeEndArray();
      } else {
        g.writeTree(node);
      }
    }

    private void damaged(JsonNode v) throws IOException {
      switch (damage) {
        case NULL_VALUE:
          g.writeNull();
          break;
        case HUGE_NUMBER:
          g.writeNumber("1e999");
          break;
        case WRONG_TYPE:
          if (v.isTextual()) {
            g.writeNumber(7);
          } else if (v.isObject() || v.isArray()) {
            g.writeString("x");
          } else {
            g.writeStartArray();
            g.writeEndArray();
          }
          break;
        default:
          value(v); // DUPLICATE_NULL writes the value, then the same key again with null
      }
    }
  }
}
