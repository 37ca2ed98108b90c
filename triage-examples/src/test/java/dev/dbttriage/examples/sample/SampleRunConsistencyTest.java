package dev.dbttriage.examples.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks that the bundled sample run (see {@code README.md} next to it) is internally consistent, as a real
 * {@code dbt build} would have left it: every dependency resolves, statuses agree with the DAG, each failure class
 * is present with the message dbt prints.
 */
class SampleRunConsistencyTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonNode manifest;
  private static JsonNode runResults;
  private static JsonNode sources;
  private static JsonNode catalog;
  private static Map<String, JsonNode> resultsById;
  private static Map<String, List<String>> dependsOn;

  @BeforeAll
  static void load() {
    manifest = read("manifest.json");
    runResults = read("run_results.json");
    sources = read("sources.json");
    catalog = read("catalog.json");
    resultsById = new HashMap<>();
    for (JsonNode r : runResults.get("results")) {
      resultsById.put(r.get("unique_id").asText(), r);
    }
    dependsOn = new HashMap<>();
    for (String collection : List.of("nodes", "sources", "exposures")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = manifest.get(collection).fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        List<String> deps = new ArrayList<>();
        JsonNode d = e.getValue().path("depends_on").path("nodes");
        d.forEach(x -> deps.add(x.asText()));
        dependsOn.put(e.getKey(), deps);
      }
    }
  }

  private static JsonNode read(String name) {
    try (InputStream in = SampleRunConsistencyTest.class.getResourceAsStream(name)) {
      assertThat(in).as("resource %s", name).isNotNull();
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void metadataNamesTheSchemasAndAdapter() {
    assertThat(manifest.at("/metadata/dbt_schema_version").asText())
        .isEqualTo("https://schemas.getdbt.com/dbt/manifest/v12.json");
    assertThat(manifest.at("/metadata/adapter_type").asText()).isEqualTo("snowflake");
    assertThat(manifest.at("/metadata/project_name").asText()).isEqualTo("jaffle_ops");
    assertThat(runResults.at("/metadata/dbt_schema_version").asText())
        .isEqualTo("https://schemas.getdbt.com/dbt/run-results/v6.json");
    assertThat(sources.at("/metadata/dbt_schema_version").asText())
        .isEqualTo("https://schemas.getdbt.com/dbt/sources/v3.json");
    assertThat(catalog.at("/metadata/dbt_schema_version").asText())
        .isEqualTo("https://schemas.getdbt.com/dbt/catalog/v1.json");
    assertThat(runResults.at("/args/which").asText()).isEqualTo("build");
    assertThat(runResults.at("/metadata/invocation_id").asText())
        .isEqualTo(manifest.at("/metadata/invocation_id").asText());
  }

  @Test
  void manifestHasTheAdvertisedShape() {
    Map<String, Integer> byType = new TreeMap<>();
    manifest.get("nodes").forEach(n -> byType.merge(n.get("resource_type").asText(), 1, Integer::sum));
    assertThat(byType).containsExactlyEntriesOf(new TreeMap<>(Map.of("model", 50, "seed", 3, "snapshot", 2,
        "test", 137)));
    assertThat(manifest.get("sources").size()).isEqualTo(13);
    assertThat(manifest.get("exposures").size()).isEqualTo(3);
    assertThat(manifest.get("groups").size()).isEqualTo(2);
    manifest.get("exposures").forEach(e -> assertThat(e.at("/owner/name").asText()).isNotBlank());
  }

  @Test
  void everyDependencyResolves() {
    Set<String> known = new HashSet<>(dependsOn.keySet());
    for (Map.Entry<String, List<String>> e : dependsOn.entrySet()) {
      assertThat(known).as("depends_on of %s", e.getKey()).containsAll(e.getValue());
    }
    manifest.get("macros").fields().forEachRemaining(e -> assertThat(e.getKey()).isEqualTo(
        e.getValue().get("unique_id").asText()));
    for (Iterator<JsonNode> it = manifest.get("nodes").elements(); it.hasNext(); ) {
      JsonNode n = it.next();
      n.at("/depends_on/macros").forEach(m -> assertThat(manifest.get("macros").has(m.asText()))
          .as("macro %s of %s", m.asText(), n.get("unique_id").asText()).isTrue());
    }
  }

  @Test
  void parentAndChildMapsMirrorDependsOn() {
    for (Map.Entry<String, List<String>> e : dependsOn.entrySet()) {
      List<String> parents = new ArrayList<>();
      manifest.get("parent_map").get(e.getKey()).forEach(p -> parents.add(p.asText()));
      assertThat(parents).as("parent_map of %s", e.getKey()).containsExactlyInAnyOrderElementsOf(e.getValue());
      for (String parent : e.getValue()) {
        List<String> children = new ArrayList<>();
        manifest.get("child_map").get(parent).forEach(c -> children.add(c.asText()));
        assertThat(children).as("child_map of %s", parent).contains(e.getKey());
      }
    }
  }

  @Test
  void genericTestsHaveHashedIdsAndAttachedNodes() {
    Pattern id = Pattern.compile("test\\.jaffle_ops\\.[a-z0-9_]+\\.[0-9a-f]{10}");
    int generic = 0;
    for (Iterator<JsonNode> it = manifest.get("nodes").elements(); it.hasNext(); ) {
      JsonNode n = it.next();
      if (n.has("test_metadata")) {
        generic++;
        assertThat(n.get("unique_id").asText()).matches(id);
        String attached = n.get("attached_node").asText();
        assertThat(dependsOn.get(n.get("unique_id").asText())).contains(attached);
        assertThat(n.get("column_name").asText()).isNotBlank();
      }
    }
    assertThat(generic).isEqualTo(134);
  }

  @Test
  void resultCountsByStatus() {
    Map<String, Integer> byStatus = new TreeMap<>();
    runResults.get("results").forEach(r -> byStatus.merge(r.get("status").asText(), 1, Integer::sum));
    assertThat(byStatus).containsExactlyEntriesOf(new TreeMap<>(Map.of(
        "success", 38, "pass", 108, "error", 5, "fail", 1, "warn", 1, "skipped", 36)));
  }

  @Test
  void resultsAreExecutableManifestNodesExceptEphemeralAndExcluded() {
    for (String id : resultsById.keySet()) {
      JsonNode node = manifest.get("nodes").get(id);
      assertThat(node).as("result %s in manifest", id).isNotNull();
      assertThat(node.at("/config/materialized").asText()).as(id).isNotEqualTo("ephemeral");
    }
    assertThat(resultsById).doesNotContainKeys("model.jaffle_ops.int_order_items_enriched",
        "model.jaffle_ops.int_customer_geo", "model.jaffle_ops.rpt_backfill_orders_2024");
    assertThat(resultsById).hasSize(runResults.get("results").size());
  }

  @Test
  void everySkippedNodeHasAFailedAncestor() {
    List<String> failingTests = new ArrayList<>();
    resultsById.forEach((id, r) -> {
      if (r.get("status").asText().equals("fail")) {
        failingTests.add(id);
      }
    });
    for (Map.Entry<String, JsonNode> e : resultsById.entrySet()) {
      if (!e.getValue().get("status").asText().equals("skipped")) {
        continue;
      }
      Set<String> ancestors = ancestors(e.getKey());
      boolean failedAncestor = ancestors.stream().anyMatch(a -> resultsById.containsKey(a)
          && resultsById.get(a).get("status").asText().equals("error"));
      // In dbt build a failing test skips every node whose ancestors include all the test's dependencies.
      boolean failedTestAbove = failingTests.stream().anyMatch(t -> ancestors.containsAll(dependsOn.get(t)));
      assertThat(failedAncestor || failedTestAbove).as("skipped %s has a failed ancestor", e.getKey()).isTrue();
      JsonNode r = e.getValue();
      assertThat(r.get("message").isNull()).as("message of skipped %s", e.getKey()).isTrue();
      assertThat(r.get("timing").size()).isZero();
      assertThat(r.get("compiled").asBoolean()).isFalse();
    }
  }

  @Test
  void everyExecutedDescendantOfAnErrorIsSkipped() {
    resultsById.forEach((id, r) -> {
      if (!r.get("status").asText().equals("error")) {
        return;
      }
      for (String descendant : descendants(id)) {
        JsonNode d = resultsById.get(descendant);
        if (d != null) {
          assertThat(d.get("status").asText()).as("%s below %s", descendant, id).isEqualTo("skipped");
        }
      }
    });
  }

  @Test
  void eachFailureClassAppearsWithDbtsMessage() {
    assertThat(message("model.jaffle_ops.fct_tickets")).startsWith(
        "Database Error in model fct_tickets (models/marts/support/fct_tickets.sql)\n"
            + "  003001 (42501): SQL access control error:\n"
            + "  Insufficient privileges to operate on table 'FCT_TICKETS'");
    assertThat(message("model.jaffle_ops.int_sessions")).contains(
        "000630 (57014): Statement reached its statement or warehouse timeout of 3,600 second(s) and was canceled.");
    assertThat(resultsById.get("model.jaffle_ops.int_sessions").get("execution_time").asDouble())
        .isGreaterThan(3600.0);
    assertThat(message("model.jaffle_ops.fct_payments"))
        .startsWith("Compilation Error in model fct_payments (models/marts/finance/fct_payments.sql)")
        .contains("The source and target schemas on this incremental model are out of sync!");
    assertThat(manifest.at("/nodes/model.jaffle_ops.fct_payments/config/on_schema_change").asText())
        .isEqualTo("fail");
    assertThat(message("model.jaffle_ops.int_product_margin")).contains("'convert_to_usd' is undefined.");
    assertThat(message("model.jaffle_ops.rpt_pipeline"))
        .contains("depends on a node named 'stg_orders_v2' which was not found");
    JsonNode unique = resultsById.get("test.jaffle_ops.unique_dim_customers_customer_id.f9ce65ec0c");
    assertThat(unique.get("status").asText()).isEqualTo("fail");
    assertThat(unique.get("message").asText()).isEqualTo("Got 12 results, configured to fail if != 0");
    assertThat(unique.get("failures").asInt()).isEqualTo(12);
  }

  @Test
  void staleSourceAndWarnedSourceAreInSourcesJson() {
    Map<String, String> statusById = new HashMap<>();
    sources.get("results").forEach(r -> statusById.put(r.get("unique_id").asText(), r.get("status").asText()));
    assertThat(statusById).hasSize(12)
        .containsEntry("source.jaffle_ops.stripe.payments", "error")
        .containsEntry("source.jaffle_ops.hubspot.deals", "warn");
    assertThat(statusById.values().stream().filter("pass"::equals).count()).isEqualTo(10);
    assertThat(manifest.get("sources").fieldNames()).toIterable().containsAll(statusById.keySet());
    assertThat(descendants("source.jaffle_ops.stripe.payments"))
        .contains("model.jaffle_ops.fct_orders", "model.jaffle_ops.fct_payments");
  }

  @Test
  void catalogShowsTheDriftedColumnType() {
    assertThat(catalog.at("/nodes/model.jaffle_ops.fct_payments/columns/AMOUNT/type").asText())
        .isEqualTo("NUMBER(38,0)");
    assertThat(manifest.at("/nodes/model.jaffle_ops.fct_payments/columns/amount/data_type").asText())
        .isEqualTo("number(38,2)");
  }

  private static String message(String id) {
    JsonNode r = resultsById.get(id);
    assertThat(r.get("status").asText()).as(id).isEqualTo("error");
    return r.get("message").asText();
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
      JsonNode children = manifest.get("child_map").get(todo.pop());
      if (children != null) {
        children.forEach(c -> {
          if (seen.add(c.asText())) {
            todo.push(c.asText());
          }
        });
      }
    }
    return seen;
  }
}
