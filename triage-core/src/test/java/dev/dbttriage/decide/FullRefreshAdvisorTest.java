package dev.dbttriage.decide;

import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.classify.Subclass;

import static dev.dbttriage.decide.Fixtures.catalog;
import static dev.dbttriage.decide.Fixtures.ccol;
import static dev.dbttriage.decide.Fixtures.col;
import static dev.dbttriage.decide.Fixtures.cols;
import static dev.dbttriage.decide.Fixtures.incremental;
import static dev.dbttriage.decide.Fixtures.manifest;
import static dev.dbttriage.decide.Fixtures.result;
import static dev.dbttriage.decide.Fixtures.run;
import static dev.dbttriage.decide.Fixtures.stg;
import static dev.dbttriage.decide.Fixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbttriage.TriageException;
import dev.dbttriage.artifact.Catalog;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunState;
import dev.dbttriage.artifact.RunStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test (at least) per row of the runbook's full-refresh table (triage-domain.md section 7). */
class FullRefreshAdvisorTest {
  private static final String ID = "model.shop.orders";
  private final FullRefreshAdvisor advisor = FullRefreshAdvisor.defaults();

  private static Node orders() {
    return incremental(Map.of()).build();
  }

  private static Catalog warehouse(long rows) {
    return catalog(table(ID, rows, ccol("ORDER_ID", "NUMBER(38,0)", 1), ccol("CUSTOMER_ID", "NUMBER(38,0)", 2),
        ccol("AMOUNT", "NUMBER(18,2)", 3), ccol("ORDERED_AT", "TIMESTAMP_NTZ", 4)));
  }

  /** Five daily successful incremental runs of 60 s each. */
  private static RunState dailyHistory() {
    return RunState.of(List.of(
        run("2024-05-01T02:00:00Z", false, result(ID, RunStatus.SUCCESS, 50)),
        run("2024-05-02T02:00:00Z", false, result(ID, RunStatus.SUCCESS, 60)),
        run("2024-05-03T02:00:00Z", false, result(ID, RunStatus.SUCCESS, 60)),
        run("2024-05-04T02:00:00Z", false, result(ID, RunStatus.SUCCESS, 70)),
        run("2024-05-05T02:00:00Z", false, result(ID, RunStatus.SUCCESS, 60))));
  }

  @Nested
  class NewAdditiveColumnUpstream {
    @Test
    void upstreamColumnThroughSelectStarIsLeftToAppendNewColumns() {
      Node model = incremental(Map.of()).rawCode("select * from {{ ref('stg_orders') }}").build();
      Catalog before = catalog(table("model.shop.stg_orders", -1, ccol("order_id", "integer", 1)));
      Catalog after = catalog(table("model.shop.stg_orders", -1, ccol("order_id", "integer", 1),
          ccol("channel", "text", 2)));
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), model), ID)
          .previousCatalog(before).catalog(after).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.NO_REFRESH_SCHEMA_HANDLED);
      assertThat(d.reasons()).anyMatch(r -> r.contains("new additive column(s) [channel]"))
          .anyMatch(r -> r.contains("on_schema_change: append_new_columns adds them"));
      assertThat(d.commands()).containsExactly("dbt run --select orders+");
      assertThat(d.guardMustBeLifted()).isFalse();
    }

    @Test
    void columnAddedToTheSelectListIsNotALogicChange() {
      Node before = orders();
      Node after = incremental(Map.of()).rawCode(Fixtures.ORDERS_SQL.replace("    ordered_at",
          "    ordered_at,\n    coalesce(channel, 'web') as channel")).build();
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), after), ID)
          .previousManifest(manifest(stg(), before)).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.NO_REFRESH_SCHEMA_HANDLED);
      assertThat(d.reasons()).anyMatch(r -> r.contains("adds select-list item(s) [channel]"));
    }

    @Test
    void declaredColumnMissingFromTheWarehouseUnderIgnoreAsksForAppendNewColumns() {
      Node model = incremental(Map.of("on_schema_change", "ignore", "contract", Map.of("enforced", true)))
          .columns(cols(col("order_id", null), col("customer_id", null), col("amount", null),
              col("ordered_at", null), col("channel", "varchar"))).build();
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), model), ID)
          .catalog(warehouse(1000)).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.NO_REFRESH_SCHEMA_HANDLED);
      assertThat(d.reasons()).anyMatch(r -> r.contains("contract column channel is not in the warehouse table"));
      assertThat(d.warnings()).anyMatch(w -> w.contains("set on_schema_change: append_new_columns")
          && w.contains("silently not added"));
    }
  }

  @Nested
  class ColumnTypeChanged {
    @Test
    void contractTypeDiffersFromTheWarehouse() {
      Node model = incremental(Map.of("contract", Map.of("enforced", true)))
          .columns(cols(col("order_id", "integer"), col("amount", "varchar"))).build();
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), model), ID)
          .catalog(warehouse(1000)).history(dailyHistory()).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.FULL_REFRESH);
      assertThat(d.reasons().get(0)).isEqualTo("column type changed: amount is NUMBER(18,2) in the warehouse"
          + " (catalog) but the contract declares varchar (changed)");
      assertThat(d.commands()).containsExactly("dbt run --select orders --full-refresh",
          "dbt build --select orders+ --exclude orders");
    }

    @Test
    void upstreamTypeChangeOfAColumnTheModelReads() {
      Catalog before = catalog(table("model.shop.stg_orders", -1, ccol("amount", "numeric(18,2)", 1)));
      Catalog after = catalog(table("model.shop.stg_orders", -1, ccol("amount", "varchar", 1)));
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), orders()), ID)
          .previousCatalog(before).catalog(after).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.FULL_REFRESH);
      assertThat(d.reasons().get(0)).startsWith("column type changed upstream: upstream model.shop.stg_orders:"
          + " column amount: numeric(18,2) -> varchar (changed)");
    }
  }

  @Test
  void yamlTypeDriftWithoutAContractDecidesNothing() {
    Node model = incremental(Map.of()).columns(cols(col("amount", "varchar"), col("note", "text"))).build();
    RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), model), ID)
        .catalog(warehouse(1000)).build());
    assertThat(d.kind()).isEqualTo(RefreshKind.NO_REFRESH);
    assertThat(d.reasons()).contains("YAML and warehouse differ (amount is NUMBER(18,2) in the table but declared"
        + " varchar; note is declared but not in the table), but without an enforced contract the SQL decides the"
        + " columns: compare with the previous manifest to see whether the SQL changed");
  }

  @Nested
  class ColumnRemovedUpstream {
    @Test
    void upstreamDropsAColumnTheModelReads() {
      Node model = incremental(Map.of()).rawCode(Fixtures.ORDERS_SQL.replace("amount,", "amount - discount as net,"))
          .build();
      Catalog before = catalog(table("model.shop.stg_orders", -1, ccol("order_id", "integer", 1),
          ccol("discount", "numeric", 2)));
      Catalog after = catalog(table("model.shop.stg_orders", -1, ccol("order_id", "integer", 1)));
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), model), ID)
          .previousCatalog(before).catalog(after).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.FULL_REFRESH);
      assertThat(d.reasons().get(0)).isEqualTo("column removed upstream: upstream model.shop.stg_orders: column"
          + " discount removed (was numeric) (catalog), and the model reads it");
    }

    @Test
    void upstreamContractDropsAColumnTheModelReads() {
      Map<String, Object> contract = Map.of("materialized", "table", "contract", Map.of("enforced", true));
      Node before = Node.builder("model.shop.stg_orders", ResourceType.MODEL).config(contract)
          .columns(cols(col("order_id", "integer"), col("amount", "numeric"))).build();
      Node after = before.toBuilder().columns(cols(col("order_id", "integer"))).build();
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(after, orders()), ID)
          .previousManifest(manifest(before, orders())).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.FULL_REFRESH);
      assertThat(d.reasons().get(0)).isEqualTo("column removed upstream: upstream model.shop.stg_orders: column"
          + " amount removed (was numeric) (its enforced contract), and the model reads it");
    }

    @Test
    void upstreamDropOfAnUnreadColumnChangesNothing() {
      Catalog before = catalog(table("model.shop.stg_orders", -1, ccol("order_id", "integer", 1),
          ccol("legacy_flag", "boolean", 2)));
      Catalog after = catalog(table("model.shop.stg_orders", -1, ccol("order_id", "integer", 1)));
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), orders()), ID)
          .previousCatalog(before).catalog(after).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.NO_REFRESH);
      assertThat(d.reasons()).anyMatch(r -> r.contains("legacy_flag removed") && r.contains("does not read it"));
    }

    @Test
    void modelDroppingAColumnUnderSyncAllColumnsNeedsNoRefresh() {
      Node before = orders();
      Node after = incremental(Map.of("on_schema_change", "sync_all_columns"))
          .rawCode(Fixtures.ORDERS_SQL.replace("    amount,\n", "")).build();
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), after), ID)
          .previousManifest(manifest(stg(), before)).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.NO_REFRESH_SCHEMA_HANDLED);
      assertThat(d.reasons()).anyMatch(r -> r.contains("model SQL no longer selects [amount]")
          && r.contains("sync_all_columns drops it"));
    }
  }

  @Nested
  class IncrementalLogicFix {
    @Test
    void changedBusinessRuleInvalidatesHistory() {
      Node after = incremental(Map.of()).rawCode(Fixtures.ORDERS_SQL.replace("from {{ ref('stg_orders') }}",
          "from {{ ref('stg_orders') }}\nwhere status != 'test'")).build();
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), after), ID)
          .previousManifest(manifest(stg(), orders())).history(dailyHistory()).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.FULL_REFRESH);
      assertThat(d.reasons().get(0)).isEqualTo("model SQL changed (incremental logic fix): 1 line(s) added,"
          + " 0 removed, e.g. + 'where status != 'test''; rows already loaded were computed by the old logic");
    }

    @Test
    void commentAndWhitespaceEditsAreNotALogicChange() {
      Node after = incremental(Map.of()).rawCode("-- orders fact\n" + Fixtures.ORDERS_SQL.replace("    ", "  ")
          + "\n{# reviewed #}").build();
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), after), ID)
          .previousManifest(manifest(stg(), orders())).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.NO_REFRESH);
      assertThat(d.reasons()).contains("model SQL changed only in comments, whitespace or case: no row changes");
    }
  }

  @Nested
  class UniqueKeyChanged {
    @Test
    void newKeyMeansExistingRowsWereMergedOnTheOldOne() {
      Node after = incremental(Map.of("unique_key", List.of("order_id", "line_id"))).build();
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), after), ID)
          .previousManifest(manifest(stg(), orders())).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.FULL_REFRESH);
      assertThat(d.reasons().get(0)).isEqualTo("unique_key changed: [order_id] -> [order_id, line_id];"
          + " existing rows were merged on the old key");
    }

    @Test
    void reorderedOrRequotedKeyIsTheSameKey() {
      Node before = incremental(Map.of("unique_key", List.of("order_id", "line_id"))).build();
      Node after = incremental(Map.of("unique_key", List.of("LINE_ID", "order_id"))).build();
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), after), ID)
          .previousManifest(manifest(stg(), before)).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.NO_REFRESH);
    }
  }

  @Nested
  class BugProducedWrongHistory {
    @Test
    void observedWrongHistoryNeedsAFullRefreshWithCost() {
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), orders()), ID)
          .observe(Observation.HISTORY_WRONG).history(dailyHistory()).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.FULL_REFRESH);
      assertThat(d.reasons().get(0)).isEqualTo("a bug produced wrong history (observed): existing rows must be"
          + " rewritten");
      CostEstimate cost = d.cost().orElseThrow();
      assertThat(cost.normalRunSeconds().getAsDouble()).isEqualTo(60.0);
      assertThat(cost.estimatedSeconds().getAsDouble()).isEqualTo(600.0);
      assertThat(cost.heavy()).isFalse();
      assertThat(cost.basis()).isEqualTo("full refresh about 10 min (10 x the normal incremental run of 60 s,"
          + " median of 5 successful runs)");
    }

    @Test
    void fullRefreshGuardMustBeLiftedFirst() {
      Node guarded = incremental(Map.of("full_refresh", false)).build();
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), guarded), ID)
          .observe(Observation.HISTORY_WRONG).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.FULL_REFRESH);
      assertThat(d.guardMustBeLifted()).isTrue();
      assertThat(d.warnings().get(0)).isEqualTo("config full_refresh: false guards this model: dbt ignores"
          + " --full-refresh until the guard is lifted; remove it (or set full_refresh: true) for this run, then"
          + " restore it");
    }

    @Test
    void heavyFullRefreshIsScheduledOffPeak() {
      RunState slow = RunState.of(List.of(
          run("2024-05-01T02:00:00Z", false, result(ID, RunStatus.SUCCESS, 400)),
          run("2024-05-02T02:00:00Z", false, result(ID, RunStatus.SUCCESS, 400))));
      Node after = incremental(Map.of("unique_key", "id")).build();
      RefreshDecision d = FullRefreshAdvisor.builder().heavyThresholdSeconds(3600).build()
          .decide(RefreshInput.builder(manifest(stg(), after), ID).previousManifest(manifest(stg(), orders()))
              .history(slow).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.FULL_REFRESH);
      assertThat(d.cost().orElseThrow().estimatedSeconds().getAsDouble()).isEqualTo(4000.0);
      assertThat(d.cost().orElseThrow().heavy()).isTrue();
      assertThat(d.warnings()).anyMatch(w -> w.startsWith("heavy: schedule it off-peak"));
    }

    @Test
    void measuredFullRefreshBeatsTheMultiplier() {
      RunState h = RunState.of(List.of(
          run("2024-05-01T02:00:00Z", true, result(ID, RunStatus.SUCCESS, 900)),
          run("2024-05-02T02:00:00Z", false, result(ID, RunStatus.SUCCESS, 30))));
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), orders()), ID)
          .observe(Observation.HISTORY_WRONG).history(h).build());
      assertThat(d.cost().orElseThrow().estimatedSeconds().getAsDouble()).isEqualTo(900.0);
      assertThat(d.cost().orElseThrow().basis()).startsWith("full refresh about 15 min (the last full refresh");
    }
  }

  @Nested
  class HistoricalSourceDataCorrected {
    @Test
    void knownWindowGetsATargetedBackfill() {
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), orders()), ID)
          .observe(Observation.SOURCE_HISTORY_CORRECTED).window("2024-03-01", "2024-04-01").build());
      assertThat(d.kind()).isEqualTo(RefreshKind.TARGETED_BACKFILL);
      assertThat(d.reasons()).startsWith("historical source data was corrected (observed): rows built from the"
          + " old data are stale", "the affected window is known (2024-03-01 to 2024-04-01): rewrite only it");
      assertThat(d.commands().get(0)).isEqualTo("dbt run --select orders --vars '{\"backfill_start\":"
          + " \"2024-03-01\", \"backfill_end\": \"2024-04-01\"}'");
    }

    @Test
    void microbatchBackfillUsesEventTimeFlags() {
      Node mb = incremental(Map.of("incremental_strategy", "microbatch")).build();
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), mb), ID)
          .observe(Observation.SOURCE_HISTORY_CORRECTED).window("2024-03-01", "2024-03-08").build());
      assertThat(d.kind()).isEqualTo(RefreshKind.TARGETED_BACKFILL);
      assertThat(d.commands().get(0)).isEqualTo(
          "dbt run --select orders --event-time-start \"2024-03-01\" --event-time-end \"2024-03-08\"");
    }

    @Test
    void unknownWindowOnASmallTableIsAFullRefreshWithTheBackfillAlternative() {
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), orders()), ID)
          .observe(Observation.SOURCE_HISTORY_CORRECTED).catalog(warehouse(50_000)).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.FULL_REFRESH);
      assertThat(d.reasons()).anyMatch(r -> r.contains("targeted replace_where/window backfill"));
    }
  }

  @Nested
  class OnlyFutureRowsDiffer {
    @Test
    void observedFutureOnlyChangeNeedsNoRefresh() {
      Node after = incremental(Map.of()).rawCode(Fixtures.ORDERS_SQL.replace("    ordered_at",
          "    case when amount > 100 then 'big' end as size_band,\n    ordered_at")).build();
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), after), ID)
          .previousManifest(manifest(stg(), orders())).observe(Observation.ONLY_FUTURE_ROWS_DIFFER).build());
      assertThat(d.kind()).isIn(RefreshKind.NO_REFRESH, RefreshKind.NO_REFRESH_SCHEMA_HANDLED);
      assertThat(d.commands()).doesNotContain("dbt run --select orders --full-refresh");
    }

    @Test
    void observedFutureOnlyLogicChangeNeedsNoRefresh() {
      Node after = incremental(Map.of()).rawCode(Fixtures.ORDERS_SQL.replace("from {{ ref('stg_orders') }}",
          "from {{ ref('stg_orders') }}\nwhere ordered_at >= '2024-06-01' or status != 'test'")).build();
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), after), ID)
          .previousManifest(manifest(stg(), orders())).observe(Observation.ONLY_FUTURE_ROWS_DIFFER).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.NO_REFRESH);
      assertThat(d.reasons().get(0)).isEqualTo("only future rows differ (observed): existing rows stay correct");
    }
  }

  @Nested
  class NormalDailyRunFailedOnce {
    @Test
    void statementTimeoutIsRetriedWithTheProfilingWarning() {
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), orders()), ID)
          .failure(FailureEvidence.of(ErrorClass.DATABASE, Subclass.STATEMENT_TIMEOUT, true,
              "Database Error in model orders: Statement reached its statement or warehouse timeout"))
          .history(dailyHistory()).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.RETRY_AS_IS);
      assertThat(d.reasons().get(0)).isEqualTo("failed with DATABASE/STATEMENT_TIMEOUT: Database Error in model"
          + " orders: Statement reached its statement or warehouse timeout (transient)");
      assertThat(d.reasons().get(1)).isEqualTo("the previous runs succeeded (run history): a one-off failure");
      // `dbt retry` is the plan's call (it retries the whole invocation): the decision names the model's own run.
      assertThat(d.commands()).containsExactly("dbt run --select orders+");
      assertThat(d.warnings()).anyMatch(w -> w.contains("profile the compiled SQL"));
      assertThat(d.cost().orElseThrow().estimatedSeconds().getAsDouble()).isEqualTo(60.0);
    }

    @Test
    void warehouseNotRunningConnectionAndConcurrentModificationAreTransientBySubCase() {
      for (Subclass sub : List.of(Subclass.WAREHOUSE_NOT_RUNNING, Subclass.CONNECTION_FAILED,
          Subclass.CONCURRENT_MODIFICATION)) {
        RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), orders()), ID)
            .failure(FailureEvidence.of(ErrorClass.DATABASE, sub, false, "x")).build());
        assertThat(d.kind()).as(sub.name()).isEqualTo(RefreshKind.RETRY_AS_IS);
        assertThat(d.reasons().get(0)).as(sub.name()).endsWith("(transient by its sub-case)");
      }
    }

    @Test
    void runtimeConnectionFailureWithoutSubCaseIsTransientByItsFirstLine() {
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), orders()), ID)
          .failure(FailureEvidence.of(ErrorClass.RUNTIME, false, "Runtime Error: Could not connect to the warehouse"))
          .build());
      assertThat(d.kind()).isEqualTo(RefreshKind.RETRY_AS_IS);
      assertThat(d.reasons().get(0)).isEqualTo("failed with RUNTIME: Runtime Error: Could not connect to the"
          + " warehouse (transient: a runtime connection error)");
    }

    @Test
    void repeatedTimeoutsAreNotAOneOff() {
      RunState h = RunState.of(List.of(
          run("2024-05-01T02:00:00Z", false, result(ID, RunStatus.SUCCESS, 60)),
          run("2024-05-02T02:00:00Z", false, result(ID, RunStatus.ERROR, 3600)),
          run("2024-05-03T02:00:00Z", false, result(ID, RunStatus.ERROR, 3600))));
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), orders()), ID)
          .failure(FailureEvidence.of(ErrorClass.DATABASE, Subclass.STATEMENT_TIMEOUT, true, "timeout")).history(h).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.FIX_THEN_RUN);
      assertThat(d.reasons()).contains("it failed 2 runs in a row (run history): not a one-off, so not transient");
    }

    @Test
    void microbatchRetriesOnlyTheFailedBatches() {
      Node mb = incremental(Map.of("incremental_strategy", "microbatch")).build();
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), mb), ID)
          .result(Fixtures.microbatch(ID, List.of(List.of("2024-05-01T00:00:00Z", "2024-05-02T00:00:00Z")),
              List.of(List.of("2024-05-02T00:00:00Z", "2024-05-03T00:00:00Z"))))
          .failure(FailureEvidence.of(ErrorClass.DATABASE, Subclass.STATEMENT_TIMEOUT, true, "timeout")).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.RETRY_FAILED_BATCHES);
      assertThat(d.commands()).containsExactly("dbt run --select orders --event-time-start"
          + " \"2024-05-02T00:00:00Z\" --event-time-end \"2024-05-03T00:00:00Z\"");
      assertThat(d.reasons()).anyMatch(r -> r.startsWith("microbatch: 1 batch(es) failed and 1 succeeded"));
    }

    @Test
    void errorTextAloneNeverTriggersARefresh() {
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), orders()), ID)
          .failure(FailureEvidence.of(ErrorClass.DATABASE, Subclass.SCHEMA_CHANGE_NOT_ALLOWED, false,
              "[SCHEMA_CHANGE_NOT_ALLOWED] target schema differs")).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.NEEDS_EVIDENCE);
      assertThat(d.commands()).containsExactly("dbt docs generate --select orders +orders");
    }

    @Test
    void aFailedResultWithoutClassificationAsksForIt() {
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), orders()), ID)
          .result(dev.dbttriage.artifact.RunResult.of(ID, RunStatus.ERROR,
              "Database Error in model orders (models/orders.sql)\n  something"))
          .build());
      assertThat(d.kind()).isEqualTo(RefreshKind.NEEDS_EVIDENCE);
      assertThat(d.reasons().get(0)).isEqualTo("the latest run ended error: Database Error in model orders"
          + " (models/orders.sql), but no failure evidence (error class, transient or not) was given: classify the"
          + " failure first");
    }

    @Test
    void mergeCardinalityIsFixedNotRefreshed() {
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), orders()), ID)
          .failure(FailureEvidence.of(ErrorClass.DATABASE, Subclass.MERGE_CARDINALITY_VIOLATION, false, "dup keys")).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.FIX_THEN_RUN);
      assertThat(d.reasons()).anyMatch(r -> r.contains("add a deduplication CTE before the merge"));
    }
  }

  @Nested
  class MonthlyCadence {
    @Test
    void nextScheduledRunPicksTheChangeUp() {
      RunState monthly = RunState.of(List.of(
          run("2024-02-01T02:00:00Z", false, result(ID, RunStatus.SUCCESS, 300)),
          run("2024-03-01T02:00:00Z", false, result(ID, RunStatus.SUCCESS, 300)),
          run("2024-04-01T02:00:00Z", false, result(ID, RunStatus.SUCCESS, 300))));
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), orders()), ID)
          .observe(Observation.SOURCE_HISTORY_CORRECTED).window("2024-04-10", "2024-04-20").history(monthly)
          .build());
      assertThat(d.kind()).isEqualTo(RefreshKind.NO_REFRESH);
      assertThat(d.reasons()).contains("monthly cadence (every 30 days, run history): the next scheduled"
          + " incremental run (about 2024-05-01) picks the change up; no --full-refresh and no rescue run");
      assertThat(d.commands()).isEmpty();
    }

    @Test
    void monthlyTagAndNewColumnNeedNoRescueRun() {
      Node model = incremental(Map.of("contract", Map.of("enforced", true))).tags(List.of("monthly"))
          .columns(cols(col("order_id", null), col("customer_id", null), col("amount", null),
              col("ordered_at", null), col("channel", "varchar"))).build();
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), model), ID)
          .catalog(warehouse(100)).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.NO_REFRESH_SCHEMA_HANDLED);
      assertThat(d.reasons()).anyMatch(r -> r.startsWith("monthly cadence (every 30 days, tagged monthly)"));
      assertThat(d.commands()).isEmpty();
    }
  }

  @Nested
  class VeryLargeModel {
    @Test
    void wrongHistoryOnAHugeTableGetsAWindowBackfill() {
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), orders()), ID)
          .observe(Observation.HISTORY_WRONG).catalog(warehouse(10_000_000_000L)).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.TARGETED_BACKFILL);
      assertThat(d.reasons()).contains("very large model: rewrite the affected window instead of the whole table");
      assertThat(d.warnings()).contains("the window is not in the artifacts: set <start> and <end> to the affected"
          + " period");
    }

    @Test
    void schemaChangeOnAHugeTableStillNeedsAFullRefreshOffPeak() {
      Node model = incremental(Map.of("contract", Map.of("enforced", true))).columns(cols(col("amount", "varchar")))
          .build();
      RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), model), ID)
          .catalog(warehouse(10_000_000_000L)).build());
      assertThat(d.kind()).isEqualTo(RefreshKind.FULL_REFRESH);
      assertThat(d.cost().orElseThrow().heavy()).isTrue();
      assertThat(d.warnings()).anyMatch(w -> w.startsWith("very large table: a targeted backfill cannot fix"))
          .anyMatch(w -> w.startsWith("heavy: schedule it off-peak"));
    }
  }

  @Test
  void tableModelsAreNotIncremental() {
    Node table = Node.builder(ID, ResourceType.MODEL).config(Map.of("materialized", "table")).build();
    RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(table), "orders")
        .failure(FailureEvidence.of(ErrorClass.DATABASE, Subclass.STATEMENT_TIMEOUT, true, "timeout")).build());
    assertThat(d.kind()).isEqualTo(RefreshKind.NOT_INCREMENTAL);
    assertThat(d.reasons()).containsExactly("materialized: table: every run rebuilds it in full, so --full-refresh"
        + " changes nothing");
    assertThat(d.commands()).containsExactly("dbt run --select orders+");
  }

  @Test
  void configThatOnlyShapesFutureLoadsIsReportedNotActedOn() {
    Node before = incremental(Map.of()).unrenderedConfig(Map.of("materialized", "incremental",
        "merge_update_columns", List.of("amount"))).build();
    Node after = incremental(Map.of()).unrenderedConfig(Map.of("materialized", "incremental",
        "merge_update_columns", List.of("amount", "status"), "schema", "marts")).build();
    RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), after), ID)
        .previousManifest(manifest(stg(), before)).build());
    assertThat(d.kind()).isEqualTo(RefreshKind.NO_REFRESH);
    assertThat(d.reasons()).contains(
        "config merge_update_columns changed: [amount] -> [amount, status] (changes how future runs load, not the"
            + " rows already loaded)",
        "relation moved (schema: (unset) -> marts): dbt builds the new relation in full on its first run, no"
            + " --full-refresh needed; the old one is left behind");
  }

  @Test
  void movedRelationIsBuiltInFullAnyway() {
    Node before = incremental(Map.of()).unrenderedConfig(Map.of("materialized", "incremental")).build();
    Node after = incremental(Map.of("unique_key", "id")).unrenderedConfig(Map.of("materialized", "incremental",
        "alias", "orders_v2")).build();
    RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), after), ID)
        .previousManifest(manifest(stg(), before)).build());
    assertThat(d.kind()).isEqualTo(RefreshKind.NO_REFRESH);
    assertThat(d.reasons().get(0)).startsWith("the relation moved, so the first run builds the new table in full");
    assertThat(d.reasons()).anyMatch(r -> r.startsWith("unique_key changed"));
    assertThat(d.commands()).containsExactly("dbt run --select orders+");
  }

  @Test
  void snapshotsKeepHistoryThatNoRefreshRebuilds() {
    Node snap = Node.builder("snapshot.shop.orders_snapshot", ResourceType.SNAPSHOT)
        .config(Map.of("materialized", "snapshot")).build();
    RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(snap), "snapshot.shop.orders_snapshot")
        .failure(FailureEvidence.of(ErrorClass.DATABASE, Subclass.WAREHOUSE_NOT_RUNNING, true, "x")).build());
    assertThat(d.kind()).isEqualTo(RefreshKind.NOT_INCREMENTAL);
    assertThat(d.reasons()).containsExactly("a snapshot keeps history that dbt cannot rebuild from its source;"
        + " --full-refresh does not apply to it");
    assertThat(d.commands()).containsExactly("dbt snapshot --select orders_snapshot");
  }

  @Test
  void downstreamIncrementalModelsAreNamed() {
    Node child = Node.builder("model.shop.order_facts", ResourceType.MODEL)
        .config(Map.of("materialized", "incremental")).dependsOnNodes(List.of(ID)).build();
    RefreshDecision d = advisor.decide(RefreshInput.builder(manifest(stg(), orders(), child), ID)
        .observe(Observation.HISTORY_WRONG).build());
    assertThat(d.warnings()).contains("downstream incremental models keep history derived from the rows being"
        + " rewritten: model.shop.order_facts; decide for each");
  }

  @Test
  void unknownModelIsReportedWithItsName() {
    Manifest m = manifest(stg(), orders());
    assertThatThrownBy(() -> advisor.decide(RefreshInput.builder(m, "ordres").build()))
        .isInstanceOf(TriageException.class)
        .hasMessage("'ordres' is not a model in the manifest; give a unique id such as model.<package>.ordres or"
            + " a model name");
  }

  @Test
  void builderRejectsNonsense() {
    assertThatThrownBy(() -> FullRefreshAdvisor.builder().costMultiplier(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("costMultiplier must be positive, got 0.0");
    assertThatThrownBy(() -> RefreshInput.builder(manifest(), ID).cadence(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
