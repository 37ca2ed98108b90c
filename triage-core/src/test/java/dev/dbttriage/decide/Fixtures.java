package dev.dbttriage.decide;

import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.ArtifactMetadata;
import dev.dbttriage.artifact.BatchResults;
import dev.dbttriage.artifact.Catalog;
import dev.dbttriage.artifact.CatalogColumn;
import dev.dbttriage.artifact.CatalogTable;
import dev.dbttriage.artifact.Column;
import dev.dbttriage.artifact.InvocationArgs;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Hand-made artifacts for decision tests. */
final class Fixtures {
  private Fixtures() {}

  static ArtifactMetadata meta(ArtifactKind kind, String generatedAt, String adapter) {
    return new ArtifactMetadata(kind, 12, "", Optional.of("1.9.0"), Optional.ofNullable(generatedAt),
        Optional.empty(), Optional.ofNullable(adapter), Optional.of("shop"), Optional.empty());
  }

  static Manifest manifest(Node... nodes) {
    return manifest("snowflake", null, nodes);
  }

  static Manifest manifest(String adapter, String generatedAt, Node... nodes) {
    Map<String, Node> map = new LinkedHashMap<>();
    Map<String, Node> sources = new LinkedHashMap<>();
    Map<String, Node> exposures = new LinkedHashMap<>();
    for (Node n : nodes) {
      if (n.resourceType() == ResourceType.SOURCE) {
        sources.put(n.uniqueId(), n);
      } else if (n.resourceType() == ResourceType.EXPOSURE) {
        exposures.put(n.uniqueId(), n);
      } else {
        map.put(n.uniqueId(), n);
      }
    }
    return new Manifest(meta(ArtifactKind.MANIFEST, generatedAt, adapter), map, sources, exposures, Map.of(),
        Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of());
  }

  static Manifest withDisabled(Manifest m, Node disabled) {
    return new Manifest(m.metadata(), m.nodes(), m.sources(), m.exposures(), m.metrics(), m.semanticModels(),
        m.savedQueries(), m.unitTests(), m.functions(), m.groups(), m.macros(),
        Map.of(disabled.uniqueId(), List.of(disabled)), m.selectors(), m.warnings());
  }

  static Column col(String name, String type) {
    return new Column(name, Optional.ofNullable(type), "", List.of(), Map.of());
  }

  static Map<String, Column> cols(Column... columns) {
    Map<String, Column> m = new LinkedHashMap<>();
    for (Column c : columns) {
      m.put(c.name(), c);
    }
    return m;
  }

  /** An incremental model {@code model.shop.orders} with the given config on top of the defaults. */
  static Node.Builder incremental(Map<String, Object> extra) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("materialized", "incremental");
    config.put("unique_key", "order_id");
    config.put("incremental_strategy", "merge");
    config.put("on_schema_change", "append_new_columns");
    config.putAll(extra);
    return Node.builder("model.shop.orders", ResourceType.MODEL)
        .config(config)
        .dependsOnNodes(List.of("model.shop.stg_orders"))
        .rawCode(ORDERS_SQL)
        .database("analytics").schema("prod");
  }

  static final String ORDERS_SQL = String.join("\n",
      "select",
      "    order_id,",
      "    customer_id,",
      "    amount,",
      "    ordered_at",
      "from {{ ref('stg_orders') }}",
      "{% if is_incremental() %}",
      "where ordered_at > (select max(ordered_at) from {{ this }})",
      "{% endif %}");

  static Node stg() {
    return Node.builder("model.shop.stg_orders", ResourceType.MODEL)
        .config(Map.of("materialized", "view")).rawCode("select * from {{ source('app', 'orders') }}").build();
  }

  static CatalogTable table(String id, long rows, CatalogColumn... columns) {
    Map<String, CatalogColumn> m = new LinkedHashMap<>();
    for (CatalogColumn c : columns) {
      m.put(c.name(), c);
    }
    Map<String, Object> stats = rows < 0 ? Map.of() : Map.of("row_count", rows);
    return new CatalogTable(id, "BASE TABLE", Optional.of("analytics"), "prod", id.substring(id.lastIndexOf('.') + 1),
        Optional.empty(), m, stats);
  }

  static CatalogColumn ccol(String name, String type, int index) {
    return new CatalogColumn(name, type, index, Optional.empty());
  }

  static Catalog catalog(CatalogTable... tables) {
    Map<String, CatalogTable> m = new LinkedHashMap<>();
    for (CatalogTable t : tables) {
      m.put(t.uniqueId(), t);
    }
    return new Catalog(meta(ArtifactKind.CATALOG, null, null), m, Map.of(), List.of(), List.of());
  }

  static RunResults run(String generatedAt, boolean fullRefresh, RunResult... results) {
    InvocationArgs args = new InvocationArgs(Optional.of("run"), List.of(), List.of(), Optional.empty(), List.of(),
        List.of(), Optional.empty(), fullRefresh, false, Optional.empty(), false, Map.of());
    return new RunResults(meta(ArtifactKind.RUN_RESULTS, generatedAt, null), args, OptionalDouble.empty(),
        List.of(results), List.of());
  }

  static RunResult result(String id, RunStatus status, double seconds) {
    return RunResult.of(id, status, status == RunStatus.SUCCESS ? "SUCCESS 100" : "error").withExecutionTime(seconds);
  }

  static RunResult microbatch(String id, List<List<String>> ok, List<List<String>> failed) {
    return new RunResult(id, RunStatus.PARTIAL_SUCCESS, "partial success", Optional.of("some batches failed"),
        OptionalLong.empty(), List.of(), 12.0, Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
        Optional.of(new BatchResults(ok, failed)));
  }
}
