package dev.dbttriage.decide;

import static dev.dbttriage.decide.Fixtures.catalog;
import static dev.dbttriage.decide.Fixtures.ccol;
import static dev.dbttriage.decide.Fixtures.col;
import static dev.dbttriage.decide.Fixtures.cols;
import static dev.dbttriage.decide.Fixtures.incremental;
import static dev.dbttriage.decide.Fixtures.manifest;
import static dev.dbttriage.decide.Fixtures.stg;
import static dev.dbttriage.decide.Fixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbttriage.artifact.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionTextTest {
  @Test
  void fullRefreshReadsAsAChecklist() {
    Node guarded = incremental(Map.of("full_refresh", false, "unique_key", "id", "contract", Map.of("enforced", true)))
        .columns(cols(col("order_id", "integer"), col("amount", "varchar"))).build();
    RefreshDecision d = FullRefreshAdvisor.defaults().decide(RefreshInput.builder(manifest(stg(), guarded),
        "orders").previousManifest(manifest(stg(), incremental(Map.of()).build()))
        .catalog(catalog(table("model.shop.orders", 2_000, ccol("ORDER_ID", "NUMBER(38,0)", 1),
            ccol("AMOUNT", "NUMBER(18,2)", 2)))).build());
    assertThat(d.toText()).isEqualTo(String.join("\n",
        "model.shop.orders: full refresh",
        "because:",
        "  - unique_key changed: [order_id] -> [id]; existing rows were merged on the old key",
        "  - column type changed: amount is NUMBER(18,2) in the warehouse (catalog) but the contract declares varchar (changed)",
        "  - config: materialized incremental, incremental_strategy merge, unique_key [id], on_schema_change"
            + " append_new_columns, full_refresh: false",
        "  - contract enforced: false -> true",
        "  - table size (catalog): 2000 rows",
        "run:",
        "  dbt run --select orders --full-refresh",
        "  dbt build --select orders+ --exclude orders",
        "cost: no run history: full-refresh cost unknown (roughly 10 x a normal incremental run); 2000 rows"
            + " (catalog)",
        "warnings:",
        "  - config full_refresh: false guards this model: dbt ignores --full-refresh until the guard is lifted;"
            + " remove it (or set full_refresh: true) for this run, then restore it",
        ""));
  }
}
