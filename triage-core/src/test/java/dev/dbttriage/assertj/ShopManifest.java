package dev.dbttriage.assertj;

import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.ArtifactMetadata;
import dev.dbttriage.artifact.Column;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small hand-made manifest of a shop project, shaped as dbt writes one. */
final class ShopManifest {
  private ShopManifest() {}

  static Node stgOrders() {
    return Node.builder("model.shop.stg_orders", ResourceType.MODEL)
        .originalFilePath("models/staging/stg_orders.sql")
        .config(Map.of("materialized", "view", "tags", List.of("staging")))
        .tags(List.of("staging"))
        .meta(Map.of("owner", "analytics-engineering"))
        .description("One row per order, renamed from the raw feed.")
        .dependsOnNodes(List.of("source.shop.raw.orders"))
        .columns(columns(column("order_id", "number")))
        .build();
  }

  static Node orders() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("materialized", "incremental");
    config.put("unique_key", "order_id");
    config.put("incremental_strategy", "merge");
    config.put("on_schema_change", "fail");
    config.put("tags", List.of("nightly", "finance"));
    config.put("contract", Map.of("enforced", true));
    config.put("access", "public");
    return Node.builder("model.shop.orders", ResourceType.MODEL)
        .originalFilePath("models/marts/orders.sql")
        .config(config)
        .tags(List.of("nightly", "finance"))
        .meta(Map.of("owner", "finance"))
        .group("finance")
        .access("public")
        .description("One row per order.")
        .dependsOnNodes(List.of("model.shop.stg_orders", "seed.shop.fx_rates", "source.shop.raw.refunds"))
        .columns(columns(column("order_id", "number"), column("amount", "NUMBER(38, 2)"), column("note", null)))
        .build();
  }

  static Node payments() {
    return Node.builder("model.shop.payments", ResourceType.MODEL)
        .originalFilePath("models/marts/finance/payments.sql")
        .config(Map.of("materialized", "incremental", "unique_key", List.of()))
        .build();
  }

  static Node orderSummary() {
    return Node.builder("model.shop.order_summary", ResourceType.MODEL)
        .originalFilePath("models/marts/order_summary.sql")
        .config(Map.of("materialized", "view"))
        .build();
  }

  static Node martsOldView() {
    return Node.builder("model.shop.marts_old_report", ResourceType.MODEL)
        .originalFilePath("models/marts_old/report.sql")
        .config(Map.of("materialized", "view"))
        .build();
  }

  static Node legacy() {
    return Node.builder("model.shop.legacy", ResourceType.MODEL)
        .originalFilePath("models/marts/legacy.sql")
        .config(Map.of("materialized", "view", "enabled", false))
        .build();
  }

  static Node customers(String version) {
    return Node.builder("model.shop.customers.v" + version, ResourceType.MODEL)
        .name("customers")
        .originalFilePath("models/marts/customers_v" + version + ".sql")
        .config(Map.of("materialized", "table"))
        .version(version)
        .latestVersion("2")
        .build();
  }

  static Node fxRates() {
    return Node.builder("seed.shop.fx_rates", ResourceType.SEED)
        .originalFilePath("seeds/fx_rates.csv")
        .config(Map.of("materialized", "seed"))
        .build();
  }

  static Node weeklyDashboard() {
    return Node.builder("exposure.shop.weekly_revenue", ResourceType.EXPOSURE)
        .originalFilePath("models/marts/exposures.yml")
        .dependsOnNodes(List.of("model.shop.orders"))
        .attributes(Map.of("owner", Map.of("name", "Finance", "email", "finance@shop.example")))
        .build();
  }

  static Node adhocNotebook() {
    Map<String, Object> owner = new LinkedHashMap<>();
    owner.put("name", null);
    owner.put("email", null);
    return Node.builder("exposure.shop.adhoc_notebook", ResourceType.EXPOSURE)
        .originalFilePath("models/marts/exposures.yml")
        .attributes(Map.of("owner", owner))
        .build();
  }

  static Manifest manifest() {
    Map<String, Node> nodes = new LinkedHashMap<>();
    for (Node n : List.of(stgOrders(), orders(), payments(), orderSummary(), martsOldView(), legacy(),
        customers("1"), customers("2"), fxRates())) {
      nodes.put(n.uniqueId(), n);
    }
    Map<String, Node> exposures = new LinkedHashMap<>();
    exposures.put(weeklyDashboard().uniqueId(), weeklyDashboard());
    exposures.put(adhocNotebook().uniqueId(), adhocNotebook());
    ArtifactMetadata metadata = new ArtifactMetadata(ArtifactKind.MANIFEST, 12,
        "https://schemas.getdbt.com/dbt/manifest/v12.json", Optional.of("1.10.11"), Optional.empty(),
        Optional.empty(), Optional.of("snowflake"), Optional.of("shop"), Optional.empty());
    return new Manifest(metadata, nodes, Map.of(), exposures, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
        Map.of(), Map.of(), Map.of(), Map.of(), List.of());
  }

  private static Column column(String name, String type) {
    return new Column(name, Optional.ofNullable(type), "", List.of(), Map.of());
  }

  private static Map<String, Column> columns(Column... columns) {
    Map<String, Column> map = new LinkedHashMap<>();
    for (Column c : columns) {
      map.put(c.name(), c);
    }
    return map;
  }
}
