package dev.dbttriage.assertj;

import static dev.dbttriage.artifact.RunStatus.ERROR;
import static dev.dbttriage.artifact.RunStatus.SKIPPED;
import static dev.dbttriage.artifact.RunStatus.SUCCESS;

import dev.dbttriage.triage.HandMadeRun;
import dev.dbttriage.triage.TriageEngine;
import dev.dbttriage.triage.TriageInput;
import dev.dbttriage.triage.TriageReport;
import java.util.Optional;
import java.util.Set;

/**
 * A hand-made {@code dbt build} of a shop: {@code stg_orders} errors (permission denied) and dbt skips
 * {@code orders}, {@code revenue} and the test on {@code orders} below it; {@code revenue} feeds the
 * {@code weekly_revenue} exposure; {@code customers} succeeds.
 */
final class ShopRun {
  private ShopRun() {}

  static HandMadeRun run() {
    return new HandMadeRun()
        .model("stg_orders").model("orders", "stg_orders").model("revenue", "orders").model("customers")
        .model("lonely").model("late")
        .test("unique_orders_order_id", "unique", "orders")
        .exposure("weekly_revenue", "Finance", "finance@shop.example", "revenue")
        .result("stg_orders", ERROR, "Database Error in model stg_orders (models/stg_orders.sql)\n"
            + "  permission denied for table raw_orders")
        .result("orders", SKIPPED).result("revenue", SKIPPED).result("test.shop.unique_orders_order_id", SKIPPED)
        .result("customers", SUCCESS).result("lonely", SUCCESS).result("late", SUCCESS);
  }

  /** The build as it happened. */
  static TriageReport report() {
    return run().triage("build");
  }

  /** The same build where {@code lonely} was skipped with nothing failed above it (a gap in the artifacts). */
  static TriageReport withAnUnexplainedSkip() {
    HandMadeRun run = run();
    run.results.removeIf(r -> r.uniqueId().equals("model.shop.lonely"));
    return run.result("lonely", SKIPPED).triage("build");
  }

  /** The same build killed before {@code late} and {@code lonely} got a result. */
  static TriageReport killed() {
    HandMadeRun run = run();
    run.results.removeIf(r -> r.uniqueId().equals("model.shop.late") || r.uniqueId().equals("model.shop.lonely"));
    return TriageEngine.builder().selectionResolver((m, r) -> Optional.of(Set.copyOf(run.nodes.keySet()))).build()
        .triage(TriageInput.of(run.manifest(), run.run("build")));
  }
}
