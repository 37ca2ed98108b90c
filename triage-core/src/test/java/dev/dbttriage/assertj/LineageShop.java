package dev.dbttriage.assertj;

import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.ArtifactMetadata;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small hand-made manifest whose graph is complete (every dependency is a resource of it), for selection and
 * blast radius:
 *
 * <pre>
 * source raw.orders   -> stg_orders   -> orders -> revenue -> exposure weekly_revenue
 * source raw.payments -> stg_payments -/    |  \-> test unique_orders_order_id, analysis adhoc, disabled old_orders
 * seed fx_rates -> stg_payments             \-> test not_null_orders_order_id
 * </pre>
 */
final class LineageShop {
  private LineageShop() {}

  static Manifest manifest() {
    Map<String, Node> nodes = new LinkedHashMap<>();
    add(nodes, model("stg_orders", "staging", List.of("daily"), "source.shop.raw.orders"));
    add(nodes, model("stg_payments", "staging", List.of("daily"), "source.shop.raw.payments", "seed.shop.fx_rates"));
    add(nodes, model("orders", "marts", List.of(), "model.shop.stg_orders", "model.shop.stg_payments"));
    add(nodes, model("revenue", "marts", List.of(), "model.shop.orders"));
    add(nodes, Node.builder("seed.shop.fx_rates", ResourceType.SEED).fqn(List.of("shop", "fx_rates"))
        .originalFilePath("seeds/fx_rates.csv").build());
    add(nodes, test("unique_orders_order_id"));
    add(nodes, test("not_null_orders_order_id"));
    add(nodes, Node.builder("analysis.shop.adhoc", ResourceType.ANALYSIS).fqn(List.of("shop", "analysis", "adhoc"))
        .originalFilePath("analyses/adhoc.sql").rawCode("select 1").dependsOnNodes(List.of("model.shop.orders"))
        .build());
    add(nodes, Node.builder("model.shop.old_orders", ResourceType.MODEL).fqn(List.of("shop", "marts", "old_orders"))
        .originalFilePath("models/marts/old_orders.sql").rawCode("select 1")
        .config(Map.of("materialized", "table", "enabled", false)).dependsOnNodes(List.of("model.shop.orders"))
        .build());
    Map<String, Node> sources = new LinkedHashMap<>();
    add(sources, source("orders"));
    add(sources, source("payments"));
    Map<String, Node> exposures = new LinkedHashMap<>();
    add(exposures, Node.builder("exposure.shop.weekly_revenue", ResourceType.EXPOSURE)
        .fqn(List.of("shop", "weekly_revenue")).originalFilePath("models/marts/exposures.yml")
        .dependsOnNodes(List.of("model.shop.revenue"))
        .attributes(Map.of("label", "Weekly revenue", "owner", Map.of("name", "Finance"))).build());
    ArtifactMetadata metadata = new ArtifactMetadata(ArtifactKind.MANIFEST, 12,
        "https://schemas.getdbt.com/dbt/manifest/v12.json", Optional.of("1.10.11"), Optional.empty(),
        Optional.empty(), Optional.of("snowflake"), Optional.of("shop"), Optional.empty());
    return new Manifest(metadata, nodes, sources, exposures, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
        Map.of(), Map.of(), Map.of(), Map.of(), List.of());
  }

  private static Node model(String name, String folder, List<String> tags, String... parents) {
    return Node.builder("model.shop." + name, ResourceType.MODEL).fqn(List.of("shop", folder, name))
        .originalFilePath("models/" + folder + "/" + name + ".sql").rawCode("select 1")
        .config(Map.of("materialized", "view", "tags", tags)).tags(tags).dependsOnNodes(List.of(parents)).build();
  }

  private static Node test(String name) {
    return Node.builder("test.shop." + name + ".1a2b3c", ResourceType.TEST).name(name)
        .fqn(List.of("shop", name)).originalFilePath("models/marts/schema.yml").rawCode("{{ test() }}")
        .dependsOnNodes(List.of("model.shop.orders")).build();
  }

  private static Node source(String table) {
    return Node.builder("source.shop.raw." + table, ResourceType.SOURCE).name(table).sourceName("raw")
        .fqn(List.of("shop", "raw", table)).originalFilePath("models/staging/sources.yml").build();
  }

  private static void add(Map<String, Node> map, Node n) {
    map.put(n.uniqueId(), n);
  }
}
