package dev.dbttriage.decide;

import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.classify.Subclass;
import dev.dbttriage.classify.Transience;

import dev.dbttriage.TriageException;
import dev.dbttriage.artifact.BatchResults;
import dev.dbttriage.artifact.CatalogTable;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** One decision: gathers the evidence about one model and applies the runbook's full-refresh table. */
final class Decider {
  static final List<String> PARTITION_KEYS = List.of("partition_by", "cluster_by", "clustered_by",
      "buckets", "file_format", "liquid_clustered_by", "partitioned_by", "sort", "dist");

  private final FullRefreshAdvisor config;
  private final RefreshInput in;
  private final Findings found = new Findings();

  private Node node;
  private String sel;
  private History history;

  Decider(FullRefreshAdvisor config, RefreshInput in) {
    this.config = config;
    this.in = in;
  }

  RefreshDecision decide() {
    node = resolve(in.manifest(), in.model());
    sel = node.version().map(v -> node.name() + ".v" + v).orElse(node.name());
    history = History.of(in.history(), node.uniqueId(), in.result());
    if (!node.config().isIncremental()) {
      return notIncremental();
    }
    String strategy = node.config().incrementalStrategy().orElse("(adapter default)");
    String osc = node.config().onSchemaChange().orElse("ignore");
    found.info.add("config: materialized incremental, incremental_strategy " + strategy + ", unique_key "
        + (node.config().uniqueKey().isEmpty() ? "(none)" : node.config().uniqueKey()) + ", on_schema_change "
        + osc + (node.config().onSchemaChange().isEmpty() ? " (dbt's default)" : "")
        + (guarded() ? ", full_refresh: false" : ""));

    Optional<Node> prev = in.previousManifest().flatMap(m -> m.node(node.uniqueId()));
    if (in.previousManifest().isPresent() && prev.isEmpty()) {
      found.deciding.add("the model is not in the previous manifest: it is new, and its first run builds the table in"
          + " full without --full-refresh");
      return decision(RefreshKind.NO_REFRESH, List.of("dbt run --select " + sel + "+"), Optional.empty());
    }
    ChangeEvidence evidence = new ChangeEvidence(in, node, found);
    prev.ifPresent(p -> evidence.compareWithPrevious(p, osc));
    evidence.compareWithWarehouse(prev, osc);
    evidence.compareUpstream(osc);
    boolean onlyFuture = in.observations().contains(Observation.ONLY_FUTURE_ROWS_DIFFER);
    if (in.observations().contains(Observation.HISTORY_WRONG)) {
      found.deciding.add("a bug produced wrong history (observed): existing rows must be rewritten");
      found.windowable = true;
    }
    if (in.observations().contains(Observation.NEW_COLUMN_NEEDS_BACKFILL)) {
      found.deciding.add("a new column must be filled for historic rows from data that already exists upstream"
          + " (observed): append_new_columns would leave them NULL");
      found.structural = true;
    }
    if (onlyFuture && !found.structural && !found.deciding.isEmpty()) {
      found.info.add("only future rows differ (observed): the changes above do not make existing rows wrong");
      found.info.addAll(0, found.deciding);
      found.deciding.clear();
      found.windowable = false;
    }

    Optional<Duration> cadence = cadence();
    boolean monthly = cadence.map(c -> c.compareTo(config.monthlyCadence()) >= 0).orElse(false);

    Optional<FailureEvidence> f = in.failure();
    if (f.isPresent() && (f.get().errorClass() == ErrorClass.COMPILATION
        || f.get().errorClass() == ErrorClass.DEPENDENCY) && !f.get().transientFailure()) {
      // Nothing ran and the code is about to change again: decide the refresh on the fixed code.
      if (!found.deciding.isEmpty()) {
        found.warnings.add("the changes since the previous manifest may need --full-refresh once the model compiles:"
            + " decide again on the fixed manifest");
        found.info.addAll(0, found.deciding);
        found.deciding.clear();
      }
      Optional<RefreshDecision> d = onFailure(f.get(), osc);
      if (d.isPresent()) {
        return d.get();
      }
    }

    if (!found.deciding.isEmpty() && found.relationMoved) {
      found.info.addAll(0, found.deciding);
      found.deciding.clear();
      found.deciding.add("the relation moved, so the first run builds the new table in full from the current code:"
          + " that covers the history-invalidating changes below without --full-refresh");
      return decision(RefreshKind.NO_REFRESH, List.of("dbt run --select " + sel + "+"), fullCost());
    }
    if (!found.deciding.isEmpty()) {
      boolean windowGiven = in.windowStart().isPresent();
      if (!found.structural && found.windowable && (large() || windowGiven)) {
        return targetedBackfill(strategy);
      }
      return fullRefresh();
    }
    if (in.observations().contains(Observation.SOURCE_HISTORY_CORRECTED)) {
      found.deciding.add("historical source data was corrected (observed): rows built from the old data are stale");
      if (monthly && windowWithinNextRun()) {
        return monthlyNoRefresh(cadence.get());
      }
      if (in.windowStart().isPresent() || large()) {
        return targetedBackfill(strategy);
      }
      found.info.add("a full refresh rewrites everything; if the corrected period is known, a targeted"
          + " replace_where/window backfill of it is enough (give the window)");
      return fullRefresh();
    }
    if (in.failure().isPresent()) {
      Optional<RefreshDecision> d = onFailure(in.failure().get(), osc);
      if (d.isPresent()) {
        return d.get();
      }
    } else if (failedBatches().isPresent()) {
      return retryBatches();
    } else if (in.result().map(r -> r.status().isFailure()).orElse(false)) {
      RunResult r = in.result().get();
      found.deciding.add("the latest run ended " + r.rawStatus() + r.message().map(m -> ": " + firstLine(m)).orElse("")
          + ", but no failure evidence (error class, transient or not) was given: classify the failure first");
      return decision(RefreshKind.NEEDS_EVIDENCE, List.of(), Optional.empty());
    }
    if (!found.newColumns.isEmpty()) {
      return schemaHandled(osc, monthly, cadence);
    }
    if (onlyFuture) {
      found.deciding.add("only future rows differ (observed): existing rows stay correct");
      if (monthly) {
        return monthlyNoRefresh(cadence.get());
      }
      return decision(RefreshKind.NO_REFRESH, List.of("dbt run --select " + sel + "+"), Optional.empty());
    }
    if (monthly) {
      found.deciding.add("no evidence that existing rows are wrong");
      return monthlyNoRefresh(cadence.get());
    }
    found.deciding.add(found.removedHandled
        ? "on_schema_change: sync_all_columns drops the removed column(s) on the next run; existing rows stay"
            + " correct"
        : "no evidence that existing rows are wrong (no history-invalidating change, no failure):"
            + " a normal incremental run is enough");
    if (in.previousManifest().isEmpty() && in.catalog().isEmpty()) {
      found.info.add("no previous manifest and no catalog were given: SQL, config and column changes were not checked");
    }
    return decision(found.removedHandled ? RefreshKind.NO_REFRESH_SCHEMA_HANDLED : RefreshKind.NO_REFRESH,
        List.of(), Optional.empty());
  }

  private RefreshDecision notIncremental() {
    String mat = node.config().materialized().orElse("(none)");
    String verb = "run";
    switch (node.resourceType()) {
      case SEED:
        verb = "seed";
        found.info.add("a seed: dbt seed truncates and reloads it on every run; --full-refresh (drop and recreate) is"
            + " needed only when the CSV's columns changed");
        break;
      case SNAPSHOT:
        verb = "snapshot";
        found.info.add("a snapshot keeps history that dbt cannot rebuild from its source; --full-refresh does not apply"
            + " to it");
        break;
      default:
        switch (mat) {
          case "view":
            found.info.add("materialized: view: recreated on every run, so --full-refresh changes nothing");
            break;
          case "ephemeral":
            found.info.add("materialized: ephemeral: never built, its SQL is inlined into the models that ref it");
            break;
          case "materialized_view":
          case "dynamic_table":
            found.info.add("materialized: " + mat + ": the warehouse refreshes it; --full-refresh drops and recreates"
                + " it, needed only when a change cannot be applied in place (on_configuration_change)");
            break;
          default:
            found.info.add("materialized: " + mat
                + ": every run rebuilds it in full, so --full-refresh changes nothing");
            break;
        }
        break;
    }
    List<String> cmds = in.failure().isPresent() ? List.of("dbt " + verb + " --select " + sel
        + (verb.equals("run") ? "+" : "")) : List.of();
    return decision(RefreshKind.NOT_INCREMENTAL, cmds, Optional.empty());
  }

  // ---- failures -------------------------------------------------------------------------------------------

  private Optional<RefreshDecision> onFailure(FailureEvidence f, String osc) {
    boolean transientBySubclass = transientBySubclass(f);
    boolean isTransient = f.transientFailure() || transientBySubclass
        || (f.errorClass() == ErrorClass.RUNTIME && f.subclass().isEmpty() && f.firstLine().toLowerCase(Locale.ROOT)
            .contains("connect"));
    String line = "failed with " + f.label() + (f.firstLine().isBlank() ? "" : ": " + f.firstLine());
    int streak = history.consecutiveFailures();
    in.result().ifPresent(r -> {
      if (r.executionTime() > 0) {
        OptionalDouble normal = history.normalSeconds();
        found.info.add(String.format(Locale.ROOT, "the failed run ran %.0f s%s", r.executionTime(),
            normal.isPresent() ? String.format(Locale.ROOT, " (normal: %.0f s)", normal.getAsDouble()) : ""));
      }
    });
    if (isTransient) {
      if (streak >= config.repeatedFailures()) {
        found.deciding.add(line);
        found.deciding.add("it failed " + streak + " runs in a row (run history): not a one-off, so not transient");
        if (f.is(Subclass.STATEMENT_TIMEOUT)) {
          found.deciding.add("profile the compiled SQL for a missing partition filter or an unbounded join;"
              + " sizing the warehouse up only delays the fix");
        }
        return Optional.of(decision(RefreshKind.FIX_THEN_RUN,
            List.of("dbt compile --select " + sel, "dbt run --select " + sel + "+"), normalCost()));
      }
      found.deciding.add(line + " (transient" + (f.transientFailure() ? ""
          : transientBySubclass ? " by its sub-case" : ": a runtime connection error") + ")");
      found.deciding.add(streak <= 1 && history.successfulIncrementalRuns() > 0
          ? "the previous runs succeeded (run history): a one-off failure"
          : "no evidence that existing rows are wrong: the failed run wrote nothing");
      if (f.is(Subclass.STATEMENT_TIMEOUT)) {
        found.warnings.add("if it times out again, profile the compiled SQL (a missing partition filter or an unbounded"
            + " join); do not just size the warehouse up");
      }
      if (f.is(Subclass.WAREHOUSE_NOT_RUNNING)) {
        found.warnings.add("start the warehouse first and check its auto-suspend setting");
      }
      if (failedBatches().isPresent()) {
        return Optional.of(retryBatches());
      }
      monthlyWarning();
      return Optional.of(decision(RefreshKind.RETRY_AS_IS,
          List.of("dbt run --select " + sel + "+"), normalCost()));
    }
    if (f.is(Subclass.SCHEMA_CHANGE_NOT_ALLOWED)) {
      found.info.add(line);
      if (!found.newColumns.isEmpty()) {
        return Optional.empty();
      }
      found.deciding.add("the error says the model's columns differ from the table's, but "
          + (in.catalog().isEmpty() ? "no catalog.json was given" : "the catalog shows no declared column missing")
          + " to tell which columns changed or how");
      found.deciding.add("new columns only: set on_schema_change: append_new_columns (no refresh); a removed or retyped"
          + " column: --full-refresh");
      return Optional.of(decision(RefreshKind.NEEDS_EVIDENCE,
          List.of("dbt docs generate --select " + sel + " +" + sel), Optional.empty()));
    }
    found.deciding.add(line);
    List<String> cmds = new ArrayList<>();
    if (f.is(Subclass.MISSING_COLUMN)) {
      found.deciding.add("a column the model reads no longer exists: fix the model's SQL first; decide the refresh"
          + " again with the previous manifest and catalog (a removed column that fed existing rows needs"
          + " --full-refresh)");
      cmds.add("dbt compile --select +" + sel);
    } else if (f.is(Subclass.MERGE_CARDINALITY_VIOLATION)) {
      found.deciding.add("unique_key " + node.config().uniqueKey() + " is not unique in the new batch: add a"
          + " deduplication CTE before the merge; the failed merge wrote nothing, so no refresh");
    } else if (f.is(Subclass.PERMISSION_DENIED)) {
      found.deciding.add("grant the missing privilege; a full refresh would fail the same way");
    } else if (f.errorClass() == ErrorClass.COMPILATION || f.errorClass() == ErrorClass.DEPENDENCY) {
      found.deciding.add("fix the code; nothing ran, so the table is untouched");
      cmds.add("dbt compile --select +" + sel);
    } else {
      found.deciding.add("not transient: a retry or a full refresh would fail the same way; fix the cause first");
    }
    cmds.add("dbt run --select " + sel + "+");
    failedBatches().ifPresent(b -> {
      found.info.add("microbatch: after the fix, re-run only the " + b.size() + " failed batch(es)");
      cmds.remove(cmds.size() - 1);
      cmds.addAll(batchCommands(b));
    });
    return Optional.of(decision(RefreshKind.FIX_THEN_RUN, cmds, normalCost()));
  }

  private Optional<List<List<String>>> failedBatches() {
    if (!"microbatch".equals(node.config().incrementalStrategy().orElse(""))) {
      return Optional.empty();
    }
    return in.result().flatMap(r -> r.batchResults()).map(BatchResults::failed).filter(f -> !f.isEmpty());
  }

  private List<String> batchCommands(List<List<String>> batches) {
    List<String> cmds = new ArrayList<>();
    for (List<String> b : batches) {
      if (b.size() >= 2) {
        cmds.add("dbt run --select " + sel + " --event-time-start \"" + b.get(0) + "\" --event-time-end \""
            + b.get(1) + "\"");
      }
    }
    return cmds;
  }

  // ---- outcomes -------------------------------------------------------------------------------------------

  private RefreshDecision retryBatches() {
    List<List<String>> failed = failedBatches().orElseThrow();
    int ok = in.result().flatMap(r -> r.batchResults()).map(b -> b.successful().size()).orElse(0);
    found.deciding.add("microbatch: " + failed.size() + " batch(es) failed and " + ok + " succeeded (batch_results);"
        + " the successful batches are loaded, so re-run only the failed ones");
    // `dbt retry` would re-run just the failed batches too; whether it fits the whole run is the plan's call.
    List<String> cmds = new ArrayList<>(batchCommands(failed));
    return decision(RefreshKind.RETRY_FAILED_BATCHES, cmds, normalCost());
  }

  private RefreshDecision schemaHandled(String osc, boolean monthly, Optional<Duration> cadence) {
    found.deciding.add("new additive column(s) " + found.newColumns + ": existing rows stay correct (NULL in the new"
        + " column)");
    List<String> cmds = new ArrayList<>(List.of("dbt run --select " + sel + "+"));
    if (osc.equals("append_new_columns") || osc.equals("sync_all_columns")) {
      found.deciding.add("on_schema_change: " + osc + " adds them on the next incremental run: no --full-refresh");
      if (monthly && in.failure().isEmpty()) {
        found.deciding.add("monthly cadence (" + cadenceText(cadence.get()) + "): the next scheduled run"
            + nextRunText(cadence.get()) + " adds them; no rescue run needed");
        cmds.clear();
      }
    } else {
      found.deciding.add("on_schema_change is " + osc + ": set it to append_new_columns, which then adds them without a"
          + " --full-refresh");
      found.warnings.add("before running, set on_schema_change: append_new_columns on the model (now " + osc + ": "
          + (osc.equals("fail") ? "the run stops on the new column" : "the new column is silently not added")
          + ")");
    }
    return decision(RefreshKind.NO_REFRESH_SCHEMA_HANDLED, cmds, normalCost());
  }

  private RefreshDecision monthlyNoRefresh(Duration cadence) {
    found.deciding.add("monthly cadence (" + cadenceText(cadence) + "): the next scheduled incremental run"
        + nextRunText(cadence) + " picks the change up; no --full-refresh and no rescue run");
    found.warnings.add("check the is_incremental() filter really reloads the affected period; if it does not, the"
        + " next run is a no-op for it");
    return decision(RefreshKind.NO_REFRESH, List.of(), Optional.empty());
  }

  private RefreshDecision fullRefresh() {
    List<String> cmds = new ArrayList<>();
    cmds.add("dbt run --select " + sel + " --full-refresh");
    cmds.add("dbt build --select " + sel + "+ --exclude " + sel);
    Optional<CostEstimate> cost = fullCost();
    boolean heavy = cost.map(CostEstimate::heavy).orElse(false);
    if (guarded()) {
      found.warnings.add(0, "config full_refresh: false guards this model: dbt ignores --full-refresh until the "
          + "guard is lifted; remove it (or set full_refresh: true) for this run, then restore it");
    }
    if (found.structural && large()) {
      found.warnings.add("very large table: a targeted backfill cannot fix " + (found.deciding.isEmpty() ? "this"
          : "a schema or key change") + "; schedule the full refresh off-peak");
    } else if (found.windowable && !found.structural) {
      found.info.add("if only a known period is affected, a targeted backfill of that window is cheaper (give the"
          + " window)");
    }
    if (heavy) {
      found.warnings.add("heavy: schedule it off-peak, make sure queues are free and no scheduled run writes "
          + sel + ", and monitor it; if it times out, resume with --exclude of the models already built");
    }
    if ("microbatch".equals(node.config().incrementalStrategy().orElse(""))) {
      found.warnings.add("microbatch: a full refresh reprocesses every batch from the model's begin");
    }
    downstreamIncrementals();
    in.failure().ifPresent(f -> {
      if (!f.transientFailure() && !transientBySubclass(f)
          && !f.is(Subclass.SCHEMA_CHANGE_NOT_ALLOWED, Subclass.MISSING_COLUMN)) {
        found.warnings.add("the run also failed with " + f.label() + ": fix that first, a full refresh would fail the"
            + " same way");
      }
    });
    return decision(RefreshKind.FULL_REFRESH, cmds, cost);
  }

  private RefreshDecision targetedBackfill(String strategy) {
    String start = in.windowStart().orElse("<start>");
    String end = in.windowEnd().orElse("<end>");
    if (in.windowStart().isEmpty()) {
      found.warnings.add("the window is not in the artifacts: set <start> and <end> to the affected period");
    }
    if (large()) {
      found.deciding.add("very large model: rewrite the affected window instead of the whole table");
    } else {
      found.deciding.add("the affected window is known (" + start + " to " + end + "): rewrite only it");
    }
    List<String> cmds = new ArrayList<>();
    if (strategy.equals("microbatch")) {
      cmds.add("dbt run --select " + sel + " --event-time-start \"" + start + "\" --event-time-end \"" + end + "\"");
    } else {
      cmds.add("dbt run --select " + sel + " --vars '{\"backfill_start\": \"" + start + "\", \"backfill_end\": \""
          + end + "\"}'");
      found.warnings.add("the model's is_incremental() filter must read the window (backfill_start/backfill_end here;"
          + " use your model's variable names)");
      switch (strategy) {
        case "insert_overwrite":
          found.info.add("insert_overwrite replaces exactly the partitions the window produces");
          break;
        case "replace_where":
          found.info.add("replace_where replaces the rows matching incremental_predicates: scope them to the window");
          break;
        case "append":
          found.warnings.add("incremental_strategy append would duplicate the window: delete it first, or use"
              + " insert_overwrite/replace_where/delete+insert");
          break;
        default:
          found.info.add("prefer replace_where (Databricks) or insert_overwrite partitions (BigQuery, Spark) for the"
              + " window; " + strategy + " re-merges the window's rows by unique_key, and rows that should"
              + " disappear stay");
          break;
      }
    }
    cmds.add("dbt build --select " + sel + "+ --exclude " + sel);
    if (guarded()) {
      found.info.add("full_refresh: false stays in place: a window backfill does not need --full-refresh");
    }
    downstreamIncrementals();
    Optional<CostEstimate> full = fullCost();
    Optional<CostEstimate> cost = full.map(c -> new CostEstimate(c.normalRunSeconds(), OptionalDouble.empty(),
        c.rowCount(), false, "a window costs a fraction of a full refresh (" + c.basis() + ")"));
    if (full.map(CostEstimate::heavy).orElse(false) && in.windowStart().isEmpty()) {
      found.warnings.add("if the whole history turns out to be affected, the full refresh is heavy: schedule it"
          + " off-peak");
    }
    return decision(RefreshKind.TARGETED_BACKFILL, cmds, cost);
  }

  private void downstreamIncrementals() {
    List<String> incr = new ArrayList<>();
    Manifest m = in.manifest();
    m.nodes().values().forEach(n -> {
      if (n.dependsOnNodes().contains(node.uniqueId()) && n.resourceType() == ResourceType.MODEL
          && n.config().isIncremental()) {
        incr.add(n.uniqueId());
      }
    });
    if (!incr.isEmpty()) {
      found.warnings.add("downstream incremental models keep history derived from the rows being rewritten: "
          + String.join(", ", incr) + "; decide for each");
    }
  }

  private void monthlyWarning() {
    Optional<Duration> c = cadence();
    if (c.isPresent() && c.get().compareTo(config.monthlyCadence()) >= 0) {
      found.warnings.add("the model runs on a monthly cadence: check its is_incremental() filter loads data when run"
          + " now; otherwise the retry is a no-op");
    }
  }

  private RefreshDecision decision(RefreshKind kind, List<String> commands, Optional<CostEstimate> cost) {
    List<String> reasons = new ArrayList<>(found.deciding);
    reasons.addAll(found.info);
    return new RefreshDecision(node.uniqueId(), kind, reasons, commands, cost, found.warnings,
        kind == RefreshKind.FULL_REFRESH && guarded());
  }

  // ---- cost -----------------------------------------------------------------------------------------------

  private Optional<CostEstimate> normalCost() {
    OptionalDouble normal = history.normalSeconds();
    OptionalLong rows = rows();
    if (normal.isEmpty()) {
      return Optional.of(new CostEstimate(normal, OptionalDouble.empty(), rows, false,
          "no successful incremental run in the history: cost unknown"));
    }
    return Optional.of(new CostEstimate(normal, normal, rows, normal.getAsDouble() >= config.heavyThresholdSeconds(),
        String.format(Locale.ROOT, "normal incremental run %s (median of %d successful runs)",
            duration(normal.getAsDouble()), history.successfulIncrementalRuns())));
  }

  private Optional<CostEstimate> fullCost() {
    OptionalDouble normal = history.normalSeconds();
    OptionalDouble measured = history.lastFullRefreshSeconds();
    OptionalLong rows = rows();
    boolean bigTable = rows.isPresent() && rows.getAsLong() >= config.largeTableRows();
    String rowText = rows.isPresent() ? "; " + rows.getAsLong() + " rows (catalog)" : "";
    if (measured.isPresent()) {
      double s = measured.getAsDouble();
      return Optional.of(new CostEstimate(normal, measured, rows, bigTable || s >= config.heavyThresholdSeconds(),
          "full refresh about " + duration(s) + " (the last full refresh in the run history)" + rowText));
    }
    if (normal.isPresent()) {
      double s = normal.getAsDouble() * config.costMultiplier();
      return Optional.of(new CostEstimate(normal, OptionalDouble.of(s), rows,
          bigTable || s >= config.heavyThresholdSeconds(),
          String.format(Locale.ROOT, "full refresh about %s (%s x the normal incremental run of %s, median of %d"
              + " successful runs)%s", duration(s), trim(config.costMultiplier()), duration(normal.getAsDouble()),
              history.successfulIncrementalRuns(), rowText)));
    }
    return Optional.of(new CostEstimate(normal, OptionalDouble.empty(), rows, bigTable,
        "no run history: full-refresh cost unknown (roughly " + trim(config.costMultiplier())
            + " x a normal incremental run)" + rowText));
  }

  private boolean large() {
    OptionalLong rows = rows();
    if (rows.isPresent() && rows.getAsLong() >= config.largeTableRows()) {
      return true;
    }
    OptionalDouble normal = history.normalSeconds();
    return history.lastFullRefreshSeconds().orElse(normal.isPresent()
        ? normal.getAsDouble() * config.costMultiplier() : 0) >= config.heavyThresholdSeconds();
  }

  private OptionalLong rows() {
    Optional<Long> n = in.catalog().flatMap(c -> c.table(node.uniqueId())).flatMap(CatalogTable::rowCount);
    return n.isPresent() ? OptionalLong.of(n.get()) : OptionalLong.empty();
  }

  // ---- helpers --------------------------------------------------------------------------------------------

  /** Returns true when the node's contract is enforced, in its config or in its top-level {@code contract}. */
  static boolean enforced(Node n) {
    if (n.config().contractEnforced()) {
      return true;
    }
    return n.attributes().get("contract") instanceof java.util.Map<?, ?> c && Boolean.TRUE.equals(c.get("enforced"));
  }

  private boolean guarded() {
    return node.config().fullRefresh().map(b -> !b).orElse(false);
  }

  private Optional<Duration> cadence() {
    if (in.cadence().isPresent()) {
      return in.cadence();
    }
    Optional<Duration> fromHistory = history.cadence();
    if (fromHistory.isPresent()) {
      return fromHistory;
    }
    List<String> tags = new ArrayList<>(node.tags());
    tags.addAll(node.config().tags());
    if (tags.stream().anyMatch(t -> t.equalsIgnoreCase("monthly"))) {
      return Optional.of(Duration.ofDays(30));
    }
    return Optional.empty();
  }

  private boolean windowWithinNextRun() {
    Optional<Instant> last = history.lastSuccessAt();
    Optional<Instant> start = in.windowStart().flatMap(History::parse);
    return last.isPresent() && start.isPresent() && !start.get().isBefore(last.get());
  }

  private String cadenceText(Duration c) {
    String source = in.cadence().isPresent() ? "given" : history.cadence().isPresent() ? "run history"
        : "tagged monthly";
    return "every " + c.toDays() + " days, " + source;
  }

  private String nextRunText(Duration c) {
    return history.lastRunAt().map(t -> " (about " + t.plus(c).toString().substring(0, 10) + ")").orElse("");
  }

  private static Node resolve(Manifest manifest, String model) {
    Optional<Node> byId = manifest.node(model);
    if (byId.isPresent()) {
      return byId.get();
    }
    List<Node> byName = new ArrayList<>();
    for (Node n : manifest.nodes().values()) {
      if (n.resourceType() == ResourceType.MODEL && (n.name().equals(model)
          || n.version().map(v -> (n.name() + ".v" + v).equals(model)).orElse(false))) {
        byName.add(n);
      }
    }
    if (byName.size() > 1) {
      List<Node> latest = byName.stream().filter(n -> n.version().isEmpty() || n.version().equals(n.latestVersion()))
          .toList();
      if (latest.size() == 1) {
        return latest.get(0);
      }
      throw new TriageException("'" + model + "' names " + byName.size() + " models; use a unique id: "
          + String.join(", ", byName.stream().map(Node::uniqueId).toList()));
    }
    if (byName.isEmpty()) {
      throw new TriageException("'" + model + "' is not a model in the manifest; give a unique id such as"
          + " model.<package>." + model + " or a model name");
    }
    return byName.get(0);
  }

  static List<String> normKey(List<String> key) {
    return key.stream().map(k -> k.trim().toLowerCase(Locale.ROOT).replace("\"", "")).sorted().toList();
  }

  /** Whether the sub-case alone says a re-run can succeed unchanged (a dropped connection, a lock, a stopped warehouse). */
  private static boolean transientBySubclass(FailureEvidence f) {
    return f.subclass().map(s -> s.defaultTransience() == Transience.TRANSIENT).orElse(false);
  }


  static String describe(SqlDiff.Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.added().size()).append(" line(s) added, ").append(r.removed().size()).append(" removed");
    if (!r.added().isEmpty()) {
      sb.append(", e.g. + '").append(clip(r.added().get(0))).append('\'');
    } else if (!r.removed().isEmpty()) {
      sb.append(", e.g. - '").append(clip(r.removed().get(0))).append('\'');
    }
    return sb.toString();
  }

  static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return clip(nl < 0 ? t : t.substring(0, nl).strip());
  }

  static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  static String show(Object v) {
    return v == null ? "(unset)" : String.valueOf(v);
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  static String duration(double seconds) {
    if (seconds < 90) {
      return String.format(Locale.ROOT, "%.0f s", seconds);
    }
    if (seconds < 5400) {
      return String.format(Locale.ROOT, "%.0f min", seconds / 60);
    }
    return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
  }
}
