package dev.dbttriage.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The dev set of real dbt logs ({@code ../shared/fixtures/logs}), read with their labels as expected values:
 * per file, the labelled invocation's format, version, adapter, command, invocation id, position, node by node
 * statuses, errors (class and first line), the killed flag and the summary line.
 */
class LogLabelsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Where a label records something the labelled invocation's own lines do not say, the reader reports what the
   * lines say: the adapter of a console or Fusion log that never prints it was added by the labeller from other
   * files of the same repository.
   */
  private static final Map<String, String> ADAPTER_NOT_IN_THE_LOG = Map.of(
      "FlipsideCrypto_axelar-models__1.2.1-console.log", "snowflake (from the repository's dbt.log)",
      "saikumar2616_dbt-course__1.11.2-fusion-mix.log", "snowflake (Fusion's text log does not print it)");

  /**
   * The label of the Fusion file counts the headerless block of Fusion JSON lines (its own invocation id, a
   * {@code dbt show} of the VS Code extension) as part of the invocation before it; the reader splits JSON
   * lines by invocation id, as the README's format table says, so it finds one invocation more.
   */
  private static final Map<String, Integer> INVOCATIONS_SPLIT_BY_JSON_ID = Map.of(
      "saikumar2616_dbt-course__1.11.2-fusion-mix.log", 4);

  static Path logs() {
    return Path.of(System.getProperty("dbttriage.shared", "../shared")).resolve("fixtures/logs");
  }

  static List<JsonNode> labels() throws IOException {
    Path file = logs().resolve("labels.jsonl");
    assumeTrue(Files.isRegularFile(file), "log corpus absent: " + file);
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyDevLogReadsAsLabelled() throws IOException {
    return labels().stream().map(label -> DynamicTest.dynamicTest(label.get("file").asText(), () -> {
      String file = label.get("file").asText();
      DbtLog log = LogReader.read(logs().resolve(file));
      List<String> diffs = diff(file, label, log);
      assertThat(diffs).as(file).isEmpty();
    }));
  }

  static List<String> diff(String file, JsonNode label, DbtLog log) {
    List<String> d = new ArrayList<>();
    int expectedInvocations = INVOCATIONS_SPLIT_BY_JSON_ID.getOrDefault(file, label.get("invocations_in_file").asInt());
    if (log.invocations().size() != expectedInvocations) {
      d.add("invocations " + log.invocations().size() + " != " + label.get("invocations_in_file"));
    }
    Optional<LogInvocation> found = log.incident();
    if (found.isEmpty()) {
      d.add("no incident");
      return d;
    }
    LogInvocation inv = found.get();
    if (inv.index() != label.get("labelled_invocation_index").asInt()) {
      d.add("incident index " + inv.index() + " != " + label.get("labelled_invocation_index"));
    }
    eq(d, "format", inv.format().label(), label.get("format").asText());
    eq(d, "dbt_version", inv.dbtVersion().orElse(null), text(label, "dbt_version"));
    if (!ADAPTER_NOT_IN_THE_LOG.containsKey(file)) {
      eq(d, "adapter", inv.adapter().orElse(null), text(label, "adapter"));
    } else {
      eq(d, "adapter", inv.adapter().orElse(null), null);
    }
    eq(d, "command", inv.command().orElse(null), text(label, "command"));
    eq(d, "invocation_id", inv.invocationId().orElse(null), text(label, "invocation_id"));
    eq(d, "killed", inv.killed(), label.get("killed").asBoolean());
    Map<String, String> expected = new TreeMap<>();
    label.get("nodes").fields().forEachRemaining(e -> expected.put(e.getKey(),
        e.getValue().asText().equals("started-not-finished") ? "started" : e.getValue().asText()));
    Map<String, String> actual = new TreeMap<>();
    for (LogNode n : inv.nodes()) {
      actual.put(key(inv, n), n.status().label());
    }
    if (!expected.equals(actual)) {
      d.add("nodes\n  expected " + expected + "\n  actual   " + actual);
    }
    JsonNode s = label.get("summary");
    String es = s == null || s.isNull() ? null : s.get("pass") + "/" + s.get("warn") + "/" + s.get("error") + "/"
        + s.get("skip") + "/" + s.get("total") + "/" + (s.has("no_op") ? s.get("no_op").asText() : "*");
    String as = inv.summary().map(x -> x.pass() + "/" + x.warn() + "/" + x.error() + "/" + x.skip() + "/" + x.total()
        + "/" + (x.noOp().isPresent() ? String.valueOf(x.noOp().getAsInt()) : "-")).orElse(null);
    if (es != null && es.endsWith("/*") && as != null) {
      // The label records NO-OP only where it read it from a text line; a JSON StatsLine always has it.
      as = as.substring(0, as.lastIndexOf('/')) + "/*";
    }
    eq(d, "summary", as, es);
    for (JsonNode e : label.get("errors")) {
      String node = e.get("node").asText();
      LogNode n = inv.nodes().stream().filter(x -> errorKey(x).equals(node)).findFirst().orElse(null);
      if (n == null) {
        d.add("error node not found: " + node);
        continue;
      }
      eq(d, node + " class", n.errorClass().map(Enum::name).orElse(null), e.get("class").asText());
      eq(d, node + " first_line", n.messageFirstLine().orElse(null), e.get("first_line").asText());
      if (e.has("detail")) {
        String second = n.message().map(m -> m.lines().map(String::strip).filter(l -> !l.isEmpty()).skip(1)
            .findFirst().orElse(null)).orElse(null);
        eq(d, node + " detail", second, e.get("detail").asText());
      }
    }
    return d;
  }

  @Test
  void anEarlierKilledInvocationIsReadAsLabelled() throws IOException {
    int checked = 0;
    for (JsonNode label : labels()) {
      JsonNode earlier = label.get("earlier_killed_invocations");
      if (earlier == null) {
        continue;
      }
      DbtLog log = LogReader.read(logs().resolve(label.get("file").asText()));
      for (JsonNode k : earlier) {
        LogInvocation inv = log.invocations().get(k.get("index").asInt());
        assertThat(inv.invocationId()).contains(k.get("invocation_id").asText());
        assertThat(inv.killed()).isEqualTo(k.get("killed").asBoolean());
        Map<String, String> expected = new TreeMap<>();
        k.get("nodes").fields().forEachRemaining(e -> expected.put(e.getKey(),
            e.getValue().asText().equals("started-not-finished") ? "started" : e.getValue().asText()));
        Map<String, String> actual = new TreeMap<>();
        inv.nodes().forEach(n -> actual.put(key(inv, n), n.status().label()));
        assertThat(actual).isEqualTo(expected);
        assertThat(inv.unfinished()).extracting(LogNode::description)
            .containsExactly("test not_null_streamline__blocks_history_block_id");
        checked++;
      }
    }
    assertThat(checked).isEqualTo(1);
  }

  static String key(LogInvocation inv, LogNode n) {
    if (inv.format() == LogFormat.JSON) {
      return n.uniqueId().orElse(n.description());
    }
    return n.description();
  }

  static String errorKey(LogNode n) {
    String type = n.resourceType().orElse("");
    if (type.equals("source")) {
      return "freshness of " + n.name();
    }
    return type + " " + n.name();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static void eq(List<String> d, String what, Object actual, Object expected) {
    if (!java.util.Objects.equals(actual, expected)) {
      d.add(what + ": " + actual + " != expected " + expected);
    }
  }

  @Test
  void summaryOfTheDevSet() throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (JsonNode label : labels()) {
      DbtLog log = LogReader.read(logs().resolve(label.get("file").asText()));
      counts.merge(diff(label.get("file").asText(), label, log).isEmpty() ? "exact" : "differs", 1, Integer::sum);
    }
    System.out.println("dev logs read as labelled: " + counts);
    assertThat(counts.getOrDefault("differs", 0)).isZero();
  }
}
