package dev.dbttriage.examples.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Catalog;
import dev.dbttriage.artifact.FreshnessStatus;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.artifact.SourceFreshness;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks that the bundled sample run (see {@code README.md} next to it) is internally consistent, as a real
 * {@code dbt build} would have left it: every dependency resolves, statuses agree with the DAG, each failure class
 * is present with the message dbt prints. The files are read through {@link Artifacts}, as the command line reads
 * them.
 */
class SampleRunConsistencyTest {
  private static Manifest manifest;
  private static RunResults runResults;
  private static SourceFreshness sources;
  private static Catalog catalog;
  private static Map<String, RunResult> resultsById;
  private static Map<String, List<String>> dependsOn;
  private static Map<String, List<String>> children;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream m = resource("manifest.json");
        InputStream r = resource("run_results.json");
        InputStream s = resource("sources.json");
        InputStream c = resource("catalog.json")) {
      manifest = Artifacts.readManifest(m, "manifest.json");
      runResults = Artifacts.readRunResults(r, "run_results.json");
      sources = Artifacts.readSources(s, "sources.json");
      catalog = Artifacts.readCatalog(c, "catalog.json");
    }
    resultsById = new HashMap<>();
    runResults.results().forEach(r -> resultsById.put(r.uniqueId(), r));
    dependsOn = new HashMap<>();
    children = new HashMap<>();
    manifest.allNodes().forEach(n -> {
      dependsOn.put(n.uniqueId(), n.dependsOnNodes());
      for (String parent : n.dependsOnNodes()) {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(n.uniqueId());
      }
    });
  }

  private static InputStream resource(String name) {
    InputStream in = SampleRunConsistencyTest.class.getResourceAsStream(name);
    assertThat(in).as("resource %s", name).isNotNull();
    return in;
  }

  @Test
  void readsWithoutWarningsAndNamesTheSchemasAndAdapter() {
    assertThat(manifest.warnings()).isEmpty();
    assertThat(runResults.warnings()).isEmpty();
    assertThat(sources.warnings()).isEmpty();
    assertThat(catalog.warnings()).isEmpty();
    assertThat(manifest.metadata().kind()).isEqualTo(ArtifactKind.MANIFEST);
    assertThat(manifest.metadata().schemaVersion()).isEqualTo(12);
    assertThat(runResults.metadata().schemaVersion()).isEqualTo(6);
    assertThat(sources.metadata().schemaVersion()).isEqualTo(3);
    assertThat(catalog.metadata().schemaVersion()).isEqualTo(1);
    assertThat(manifest.adapterType()).contains("snowflake");
    assertThat(manifest.projectName()).contains("jaffle_ops");
    assertThat(runResults.args().command()).contains("build");
    assertThat(runResults.args().select()).containsExactly("jaffle_ops");
    assertThat(runResults.args().exclude()).containsExactly("tag:manual");
    assertThat(runResults.metadata().invocationId()).isEqualTo(manifest.metadata().invocationId());
  }

  @Test
  void manifestHasTheAdvertisedShape() {
    Map<ResourceType, Integer> expected = new EnumMap<>(ResourceType.class);
    expected.put(ResourceType.MODEL, 50);
    expected.put(ResourceType.SEED, 3);
    expected.put(ResourceType.SNAPSHOT, 2);
    expected.put(ResourceType.TEST, 137);
    expected.put(ResourceType.SOURCE, 13);
    expected.put(ResourceType.EXPOSURE, 3);
    expected.put(ResourceType.GROUP, 2);
    assertThat(manifest.countsByResourceType()).isEqualTo(expected);
    assertThat(manifest.macros()).hasSize(11);
    assertThat(manifest.disabled()).containsOnlyKeys("model.jaffle_ops.legacy_orders_v1");
    assertThat(manifest.selectors()).containsOnlyKeys("nightly");
  }

  @Test
  void everyDependencyResolves() {
    for (Map.Entry<String, List<String>> e : dependsOn.entrySet()) {
      for (String dependency : e.getValue()) {
        assertThat(manifest.node(dependency)).as("%s depends on %s", e.getKey(), dependency).isPresent();
      }
    }
    manifest.allNodes().forEach(n -> assertThat(manifest.macros().keySet()).as("macros of %s", n.uniqueId())
        .containsAll(n.dependsOnMacros()));
  }

  @Test
  void parentAndChildMapsMirrorDependsOn() throws IOException {
    // The model does not keep parent_map/child_map (it derives lineage from depends_on); check the file's own.
    JsonNode raw;
    try (InputStream in = resource("manifest.json")) {
      raw = new ObjectMapper().readTree(in);
    }
    for (Map.Entry<String, List<String>> e : dependsOn.entrySet()) {
      List<String> parents = new ArrayList<>();
      raw.get("parent_map").get(e.getKey()).forEach(p -> parents.add(p.asText()));
      assertThat(parents).as("parent_map of %s", e.getKey()).containsExactlyInAnyOrderElementsOf(e.getValue());
      List<String> kids = new ArrayList<>();
      raw.get("child_map").get(e.getKey()).forEach(c -> kids.add(c.asText()));
      assertThat(kids).as("child_map of %s", e.getKey())
          .containsExactlyInAnyOrderElementsOf(children.getOrDefault(e.getKey(), List.of()));
    }
  }

  @Test
  void genericTestsHaveHashedIdsAndAttachedNodes() {
    Pattern id = Pattern.compile("test\\.jaffle_ops\\.[a-z0-9_]+\\.[0-9a-f]{10}");
    List<Node> generic = manifest.nodes().values().stream().filter(Node::isGenericTest).toList();
    assertThat(generic).hasSize(134).allSatisfy(t -> {
      assertThat(t.uniqueId()).matches(id);
      assertThat(t.attachedNode()).isPresent();
      assertThat(t.dependsOnNodes()).contains(t.attachedNode().orElseThrow());
      assertThat(t.columnName()).isPresent();
    });
    assertThat(manifest.nodes().values().stream().filter(Node::isSingularTest)).hasSize(3);
  }

  @Test
  void resultCountsByStatus() {
    Map<RunStatus, Integer> expected = new EnumMap<>(RunStatus.class);
    expected.put(RunStatus.SUCCESS, 38);
    expected.put(RunStatus.PASS, 108);
    expected.put(RunStatus.ERROR, 5);
    expected.put(RunStatus.FAIL, 1);
    expected.put(RunStatus.WARN, 1);
    expected.put(RunStatus.SKIPPED, 36);
    assertThat(runResults.countsByStatus()).isEqualTo(expected);
    assertThat(runResults.elapsedTime().orElseThrow())
        .isGreaterThan(runResults.results().stream().mapToDouble(RunResult::executionTime).max().orElseThrow());
  }

  @Test
  void resultsAreExecutableManifestNodesExceptEphemeralAndExcluded() {
    assertThat(resultsById).hasSize(runResults.results().size());
    for (String id : resultsById.keySet()) {
      Node node = manifest.nodes().get(id);
      assertThat(node).as("result %s in manifest", id).isNotNull();
      assertThat(node.config().isEphemeral()).as(id).isFalse();
    }
    assertThat(resultsById).doesNotContainKeys("model.jaffle_ops.int_order_items_enriched",
        "model.jaffle_ops.int_customer_geo", "model.jaffle_ops.rpt_backfill_orders_2024");
    long executable = manifest.nodes().values().stream()
        .filter(n -> !n.config().isEphemeral() && !n.tags().contains("manual"))
        .count();
    assertThat(resultsById).hasSize((int) executable);
  }

  @Test
  void everySkippedNodeHasAFailedAncestor() {
    List<String> failingTests = new ArrayList<>();
    resultsById.forEach((id, r) -> {
      if (r.status() == RunStatus.FAIL) {
        failingTests.add(id);
      }
    });
    for (RunResult r : runResults.results()) {
      if (r.status() != RunStatus.SKIPPED) {
        continue;
      }
      Set<String> ancestors = ancestors(r.uniqueId());
      boolean failedAncestor = ancestors.stream()
          .anyMatch(a -> resultsById.containsKey(a) && resultsById.get(a).status() == RunStatus.ERROR);
      // In dbt build a failing test skips every node whose ancestors include all the test's dependencies.
      boolean failedTestAbove = failingTests.stream().anyMatch(t -> ancestors.containsAll(dependsOn.get(t)));
      assertThat(failedAncestor || failedTestAbove).as("skipped %s has a failed ancestor", r.uniqueId()).isTrue();
      assertThat(r.message()).as("message of skipped %s", r.uniqueId()).isEmpty();
      assertThat(r.timing()).isEmpty();
      assertThat(r.executionTime()).isZero();
    }
  }

  @Test
  void everyExecutedDescendantOfAFailureIsSkipped() {
    resultsById.forEach((id, r) -> {
      if (r.status() != RunStatus.ERROR && r.status() != RunStatus.FAIL) {
        return;
      }
      // A failing test skips what lies below the node it tests; an error skips what lies below itself.
      String top = r.status() == RunStatus.FAIL
          ? manifest.nodes().get(id).attachedNode().orElseThrow() : id;
      for (String descendant : descendants(top)) {
        RunResult d = resultsById.get(descendant);
        boolean siblingTest = r.status() == RunStatus.FAIL && dependsOn.get(descendant).contains(top)
            && manifest.nodes().get(descendant).resourceType() == ResourceType.TEST;
        if (d != null && !descendant.equals(id) && !siblingTest) {
          assertThat(d.status()).as("%s below %s", descendant, id).isEqualTo(RunStatus.SKIPPED);
        }
      }
    });
  }

  @Test
  void eachFailureClassAppearsWithDbtsMessage() {
    assertThat(message("model.jaffle_ops.fct_tickets")).isEqualTo(
        "Database Error in model fct_tickets (models/marts/support/fct_tickets.sql)\n"
            + "  003001 (42501): SQL access control error:\n"
            + "  Insufficient privileges to operate on table 'FCT_TICKETS'\n"
            + "  compiled code at target/run/jaffle_ops/models/marts/support/fct_tickets.sql");
    assertThat(message("model.jaffle_ops.int_sessions")).isEqualTo(
        "Database Error in model int_sessions (models/intermediate/marketing/int_sessions.sql)\n"
            + "  000630 (57014): Statement reached its statement or warehouse timeout of 3,600 second(s) and was"
            + " canceled.\n"
            + "  compiled code at target/run/jaffle_ops/models/intermediate/marketing/int_sessions.sql");
    assertThat(resultsById.get("model.jaffle_ops.int_sessions").executionTime()).isGreaterThan(3600.0);
    assertThat(message("model.jaffle_ops.fct_payments"))
        .startsWith("Compilation Error in model fct_payments (models/marts/finance/fct_payments.sql)")
        .contains("The source and target schemas on this incremental model are out of sync!")
        .contains("New column types: [{'column_name': 'AMOUNT', 'new_type': 'NUMBER(38,2)'}]");
    assertThat(manifest.nodes().get("model.jaffle_ops.fct_payments").config().onSchemaChange()).contains("fail");
    assertThat(message("model.jaffle_ops.int_product_margin")).isEqualTo(
        "Compilation Error in model int_product_margin (models/intermediate/finance/int_product_margin.sql)\n"
            + "  'convert_to_usd' is undefined. This can happen when calling a macro that does not exist. Check for"
            + " typos and/or install package dependencies with \"dbt deps\".");
    assertThat(message("model.jaffle_ops.rpt_pipeline")).isEqualTo(
        "Compilation Error in model rpt_pipeline (models/marts/sales/rpt_pipeline.sql)\n"
            + "  Model 'model.jaffle_ops.rpt_pipeline' (models/marts/sales/rpt_pipeline.sql) depends on a node"
            + " named 'stg_orders_v2' which was not found");
    RunResult unique = resultsById.get("test.jaffle_ops.unique_dim_customers_customer_id.f9ce65ec0c");
    assertThat(unique.status()).isEqualTo(RunStatus.FAIL);
    assertThat(unique.message()).contains("Got 12 results, configured to fail if != 0");
    assertThat(unique.failures().getAsLong()).isEqualTo(12);
    RunResult warn = resultsById.get("test.jaffle_ops.assert_order_payments_reconcile");
    assertThat(warn.status()).isEqualTo(RunStatus.WARN);
    assertThat(warn.message()).contains("Got 214 results, configured to warn if != 0");
  }

  @Test
  void compileErrorsHaveNoCompiledCodeAndDatabaseErrorsDo() {
    assertThat(resultsById.get("model.jaffle_ops.int_product_margin").timing()).extracting(t -> t.name())
        .containsExactly("compile");
    assertThat(resultsById.get("model.jaffle_ops.fct_tickets").timing()).extracting(t -> t.name())
        .containsExactly("compile", "execute");
    assertThat(resultsById.get("model.jaffle_ops.fct_tickets").compiledCode()).isPresent();
    assertThat(resultsById.get("model.jaffle_ops.fct_tickets").rowsAffected()).isEmpty();
    assertThat(resultsById.get("model.jaffle_ops.fct_orders").rowsAffected()).isPresent();
  }

  @Test
  void staleSourceAndWarnedSourceAreInSourcesJson() {
    Map<FreshnessStatus, Integer> expected = new EnumMap<>(FreshnessStatus.class);
    expected.put(FreshnessStatus.PASS, 10);
    expected.put(FreshnessStatus.WARN, 1);
    expected.put(FreshnessStatus.ERROR, 1);
    assertThat(sources.countsByStatus()).isEqualTo(expected);
    assertThat(sources.result("source.jaffle_ops.stripe.payments").orElseThrow().status())
        .isEqualTo(FreshnessStatus.ERROR);
    assertThat(sources.result("source.jaffle_ops.stripe.payments").orElseThrow().ageSeconds().getAsDouble())
        .isGreaterThan(24 * 3600);
    assertThat(sources.result("source.jaffle_ops.hubspot.deals").orElseThrow().status())
        .isEqualTo(FreshnessStatus.WARN);
    sources.results().forEach(r -> assertThat(manifest.sources()).containsKey(r.uniqueId()));
    assertThat(descendants("source.jaffle_ops.stripe.payments"))
        .contains("model.jaffle_ops.fct_orders", "model.jaffle_ops.fct_payments");
  }

  @Test
  void catalogShowsTheDriftedColumnType() {
    assertThat(catalog.table("model.jaffle_ops.fct_payments").orElseThrow().column("AMOUNT").orElseThrow().type())
        .isEqualTo("NUMBER(38,0)");
    assertThat(manifest.nodes().get("model.jaffle_ops.fct_payments").columns().get("amount").dataType())
        .contains("number(38,2)");
    assertThat(catalog.table("model.jaffle_ops.fct_orders").orElseThrow().rowCount()).isPresent();
  }

  private static String message(String id) {
    RunResult r = resultsById.get(id);
    assertThat(r.status()).as(id).isEqualTo(RunStatus.ERROR);
    return r.message().orElseThrow();
  }

  private static Set<String> ancestors(String id) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(dependsOn.getOrDefault(id, List.of()));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (seen.add(next)) {
        todo.addAll(dependsOn.getOrDefault(next, List.of()));
      }
    }
    return seen;
  }

  private static Set<String> descendants(String id) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(id));
    while (!todo.isEmpty()) {
      for (String c : children.getOrDefault(todo.pop(), List.of())) {
        if (seen.add(c)) {
          todo.push(c);
        }
      }
    }
    return seen;
  }
}
