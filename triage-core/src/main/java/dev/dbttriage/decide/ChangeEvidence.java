package dev.dbttriage.decide;

import dev.dbttriage.artifact.CatalogColumn;
import dev.dbttriage.artifact.CatalogTable;
import dev.dbttriage.artifact.Column;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.deploy.ColumnChange;
import dev.dbttriage.deploy.DataTypes;
import dev.dbttriage.deploy.ManifestDiff;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The evidence half of a decision: what changed in the model since the previous manifest (SQL, config, key,
 * contract, partitioning), what the warehouse's catalog says of its columns, and what changed upstream. Each
 * finding goes to the {@link Findings} the {@link Decider} then applies the runbook's table to.
 */
final class ChangeEvidence {
  private final RefreshInput in;
  private final Node node;
  private final Findings found;

  ChangeEvidence(RefreshInput in, Node node, Findings found) {
    this.in = in;
    this.node = node;
    this.found = found;
  }

  /** Compares the model with its previous version: SQL, config, key, contract, partitioning, relation. */
  void compareWithPrevious(Node prev, String osc) {
    SqlDiff.Result sql;
    if (!prev.rawCode().isEmpty() && !node.rawCode().isEmpty()) {
      sql = SqlDiff.compare(prev.rawCode(), node.rawCode());
    } else if (!prev.checksum().checksum().isEmpty() && !node.checksum().checksum().isEmpty()
        && !prev.checksum().equals(node.checksum())) {
      sql = new SqlDiff.Result(SqlDiff.Kind.LOGIC, Set.of(), List.of(), List.of());
    } else {
      sql = new SqlDiff.Result(SqlDiff.Kind.SAME, Set.of(), List.of(), List.of());
    }
    Optional<SqlDiff.StarSwap> swap = SqlDiff.starSwap(sql);
    if (swap.isPresent()) {
      sql = resolveStarSwap(sql, swap.get());
    }
    boolean bodyChanged = sql.kind() != SqlDiff.Kind.SAME && sql.kind() != SqlDiff.Kind.COSMETIC;
    switch (sql.kind()) {
      case COSMETIC:
        found.info.add("model SQL changed only in comments, whitespace or case: no row changes");
        break;
      case COLUMNS_ADDED:
        found.newColumns.addAll(sql.columns());
        found.info.add("model SQL adds select-list item(s) " + sql.columns() + " and changes nothing else"
            + swap.map(x -> " (select * and an explicit list swapped)").orElse(""));
        break;
      case COLUMNS_REMOVED:
        removed("model SQL no longer selects " + sql.columns()
            + swap.map(x -> " (select * and an explicit list swapped)").orElse(""), osc);
        break;
      case LOGIC:
        found.deciding.add("model SQL changed (incremental logic fix): " + Decider.describe(sql)
            + "; rows already loaded were computed by the old logic");
        found.windowable = true;
        break;
      default:
        break;
    }
    List<String> keyBefore = Decider.normKey(prev.config().uniqueKey());
    List<String> keyAfter = Decider.normKey(node.config().uniqueKey());
    if (!keyBefore.equals(keyAfter)) {
      found.deciding.add("unique_key changed: " + prev.config().uniqueKey() + " -> " + node.config().uniqueKey()
          + "; existing rows were merged on the old key");
      found.structural = true;
    }
    for (String k : Decider.PARTITION_KEYS) {
      Object b = prev.config().values().get(k);
      Object a = node.config().values().get(k);
      if (!Objects.equals(b, a) && (b != null || a != null)) {
        found.deciding.add(k + " changed: " + Decider.show(b) + " -> " + Decider.show(a)
            + "; an incremental run cannot re-lay out the existing table");
        found.structural = true;
      }
    }
    String sb = prev.config().incrementalStrategy().orElse("(default)");
    String sa = node.config().incrementalStrategy().orElse("(default)");
    if (!sb.equals(sa)) {
      found.info.add("incremental_strategy changed: " + sb + " -> " + sa);
      if (sb.equals("append")) {
        found.warnings.add("the model used to append: its history may hold duplicate keys; a unique test on the key"
            + " tells whether a full refresh is needed");
      }
    }
    String ob = prev.config().onSchemaChange().orElse("ignore");
    if (!ob.equals(osc)) {
      found.info.add("on_schema_change changed: " + ob + " -> " + osc);
    }
    otherConfigChanges(prev);
    boolean contracted = Decider.enforced(prev) || Decider.enforced(node);
    if (Decider.enforced(prev) != Decider.enforced(node)) {
      found.info.add("contract enforced: " + Decider.enforced(prev) + " -> " + Decider.enforced(node));
    }
    for (ColumnChange c : ManifestDiff.compareColumns(prev.columns(), node.columns())) {
      if (!contracted && !bodyChanged) {
        continue; // YAML-only edits document; they do not change the table
      }
      String why = c.describe() + " (declared" + (contracted ? ", contract" : "") + ")";
      switch (c.kind()) {
        case ADDED:
          found.newColumns.add(c.column());
          break;
        case REMOVED:
          removed(why, osc);
          break;
        case TYPE_CHANGED:
          found.deciding.add("column type changed: " + why);
          found.structural = true;
          break;
        default:
          found.info.add(why);
          break;
      }
    }
  }

  private static final Set<String> HANDLED_CONFIG = Set.of("unique_key", "incremental_strategy",
      "on_schema_change", "contract", "full_refresh", "materialized", "tags", "meta", "docs", "description",
      "persist_docs", "grants", "post-hook", "pre-hook", "group", "access", "enabled");

  /** Reports the other config the project changed (unrendered_config), which affects future runs only. */
  private void otherConfigChanges(Node prev) {
    String mb = prev.config().materialized().orElse("(none)");
    if (!mb.equals("incremental")) {
      found.info.add("materialized was " + mb + ": " + (mb.equals("table")
          ? "the existing table is kept and loaded incrementally from now on"
          : "dbt replaces the old relation and builds the table in full on the first run, no --full-refresh"
              + " needed"));
    }
    Map<String, Object> ub = prev.unrenderedConfig();
    Map<String, Object> ua = node.unrenderedConfig();
    if (ub.isEmpty() || ua.isEmpty()) {
      return;
    }
    Set<String> keys = new java.util.TreeSet<>(ub.keySet());
    keys.addAll(ua.keySet());
    for (String k : keys) {
      if (Objects.equals(ub.get(k), ua.get(k)) || HANDLED_CONFIG.contains(k) || Decider.PARTITION_KEYS.contains(k)) {
        continue;
      }
      if (k.equals("schema") || k.equals("database") || k.equals("alias")) {
        found.relationMoved = true;
        found.info.add("relation moved (" + k + ": " + Decider.show(ub.get(k)) + " -> "
            + Decider.show(ua.get(k)) + "): dbt builds the"
            + " new relation in full on its first run, no --full-refresh needed; the old one is left behind");
      } else {
        found.info.add("config " + k + " changed: " + Decider.show(ub.get(k)) + " -> " + Decider.show(ua.get(k))
            + " (changes how future runs load, not the rows already loaded)");
      }
    }
  }

  /**
   * Resolves a {@code select *} swapped for an explicit list against the columns the star stands for: the
   * single parent's columns in the catalog. The same columns either way is no change at all.
   */
  private SqlDiff.Result resolveStarSwap(SqlDiff.Result sql, SqlDiff.StarSwap swap) {
    if (node.dependsOnNodes().size() != 1 || in.catalog().isEmpty()) {
      found.info.add("select * was swapped for an explicit list; without the parent's columns (catalog) this counts"
          + " as a logic change");
      return sql;
    }
    String parent = node.dependsOnNodes().get(0);
    Optional<CatalogTable> star = (swap.starBefore() ? in.previousCatalog().or(in::catalog) : in.catalog())
        .flatMap(c -> c.table(parent));
    if (star.isEmpty()) {
      return sql;
    }
    Set<String> starCols = new LinkedHashSet<>();
    star.get().columns().values().forEach(c -> starCols.add(c.name().toLowerCase(Locale.ROOT)));
    Set<String> listCols = new LinkedHashSet<>(swap.names());
    Set<String> before = swap.starBefore() ? starCols : listCols;
    Set<String> after = swap.starBefore() ? listCols : starCols;
    Set<String> added = new LinkedHashSet<>(after);
    added.removeAll(before);
    Set<String> removedCols = new LinkedHashSet<>(before);
    removedCols.removeAll(after);
    found.info.add("select * " + (swap.starBefore() ? "replaced by" : "replacing") + " an explicit list; "
        + parent + " has " + starCols.size() + " columns (catalog)");
    if (added.isEmpty() && removedCols.isEmpty()) {
      return new SqlDiff.Result(SqlDiff.Kind.COSMETIC, Set.of(), List.of(), List.of());
    }
    if (removedCols.isEmpty()) {
      return new SqlDiff.Result(SqlDiff.Kind.COLUMNS_ADDED, added, sql.added(), sql.removed());
    }
    if (added.isEmpty()) {
      return new SqlDiff.Result(SqlDiff.Kind.COLUMNS_REMOVED, removedCols, sql.added(), sql.removed());
    }
    return sql;
  }

  /** Compares the model's declared columns (or its enforced contract) with the table the warehouse has (catalog). */
  void compareWithWarehouse(Optional<Node> prev, String osc) {
    Optional<CatalogTable> table = in.catalog().flatMap(c -> c.table(node.uniqueId()));
    if (in.catalog().isPresent() && table.isEmpty()) {
      found.info.add("the catalog has no relation for the model: warehouse columns not compared");
    }
    if (table.isEmpty() || table.get().columns().isEmpty()) {
      return;
    }
    CatalogTable t = table.get();
    // Without an enforced contract the YAML documents the columns and the SQL decides them, so a mismatch is
    // reported but decides nothing; with one, dbt builds exactly the declared columns and types.
    boolean contract = Decider.enforced(node);
    List<String> undecided = new ArrayList<>();
    for (Column c : node.columns().values()) {
      Optional<CatalogColumn> w = t.column(c.name());
      if (w.isEmpty()) {
        if (!contract) {
          undecided.add(c.name() + " is declared but not in the table");
        } else if (found.newColumns.add(c.name())) {
          found.info.add("contract column " + c.name() + " is not in the warehouse table (catalog): a new column");
        }
      } else if (c.dataType().isPresent() && !DataTypes.same(w.get().type(), c.dataType().get())) {
        DataTypes.Change ch = DataTypes.compare(w.get().type(), c.dataType().get());
        if (!contract) {
          undecided.add(c.name() + " is " + w.get().type() + " in the table but declared " + c.dataType().get());
          continue;
        }
        found.deciding.add("column type changed: " + c.name() + " is " + w.get().type() + " in the warehouse (catalog)"
            + " but the contract declares " + c.dataType().get() + " (" + ch.name().toLowerCase(Locale.ROOT) + ")");
        found.structural = true;
      }
    }
    if (!undecided.isEmpty()) {
      found.info.add("YAML and warehouse differ (" + String.join("; ", undecided)
          + "), but without an enforced contract"
          + " the SQL decides the columns: compare with the previous manifest to see whether the SQL changed");
    }
    int undeclared = 0;
    for (CatalogColumn w : t.columns().values()) {
      boolean declared = node.columns().values().stream().anyMatch(c -> c.name().equalsIgnoreCase(w.name()));
      if (declared) {
        continue;
      }
      boolean wasDeclared = prev.map(p -> p.columns().values().stream()
          .anyMatch(c -> c.name().equalsIgnoreCase(w.name()))).orElse(false);
      if (Decider.enforced(node) || wasDeclared) {
        String line = "warehouse column " + w.name() + " (catalog) is no longer in the model's "
            + (Decider.enforced(node) ? "contract" : "declared columns");
        if (found.deciding.stream().noneMatch(d -> d.contains(" " + w.name() + " "))) {
          removed(line, osc);
        }
      } else {
        undeclared++;
      }
    }
    if (undeclared > 0) {
      found.info.add(undeclared + " warehouse column(s) are not declared in YAML: not compared");
    }
    table.get().rowCount().ifPresent(n -> found.info.add("table size (catalog): " + n + " rows"));
  }

  /** Finds the column changes of the parents (catalogs, else enforced contracts) that this model reads. */
  void compareUpstream(String osc) {
    String code = node.rawCode().isEmpty() ? node.compiledCode().orElse("") : node.rawCode();
    boolean star = SqlDiff.selectsStar(code);
    for (String parent : new LinkedHashSet<>(node.dependsOnNodes())) {
      List<ColumnChange> changes = new ArrayList<>();
      Optional<CatalogTable> b = in.previousCatalog().flatMap(c -> c.table(parent));
      Optional<CatalogTable> a = in.catalog().flatMap(c -> c.table(parent));
      if (b.isPresent() && a.isPresent()) {
        changes.addAll(ManifestDiff.compareCatalogColumns(b.get(), a.get()));
      } else {
        // Without both catalogs, an upstream model's enforced contract says what its columns are.
        Optional<Node> pb = in.previousManifest().flatMap(m -> m.node(parent));
        Optional<Node> pa = in.manifest().node(parent);
        if (pb.isPresent() && pa.isPresent() && Decider.enforced(pb.get()) && Decider.enforced(pa.get())) {
          changes.addAll(ManifestDiff.compareColumns(pb.get().columns(), pa.get().columns()));
        }
      }
      for (ColumnChange c : changes) {
        boolean reads = star || SqlDiff.mentions(code, c.column());
        String where = "upstream " + parent + ": " + c.describe() + " (" + (c.origin().equals("catalog")
            ? "catalog" : "its enforced contract") + ")";
        switch (c.kind()) {
          case REMOVED:
          case TYPE_CHANGED: {
            boolean gone = c.kind() == ColumnChange.Kind.REMOVED;
            if (reads) {
              found.deciding.add((gone ? "column removed upstream: " : "column type changed upstream: ") + where
                  + ", and the model reads it" + (gone && star ? " (select *)" : ""));
              found.structural = true;
            } else {
              found.info.add(where + "; the model does not read it");
            }
            break;
          }
          case ADDED:
            if (star) {
              found.newColumns.add(c.column());
              found.info.add("new additive column upstream: " + where + ", and the model selects *");
            } else {
              found.info.add(where + "; the model does not select it, so nothing changes until it does");
            }
            break;
          default:
            break;
        }
      }
    }
  }

  private void removed(String what, String osc) {
    if (osc.equals("sync_all_columns")) {
      found.info.add(what + "; on_schema_change: sync_all_columns drops it from the table, existing rows stay correct");
      found.removedHandled = true;
    } else {
      found.deciding.add("column removed: " + what + "; on_schema_change: " + osc + " cannot drop it ("
          + (osc.equals("append_new_columns") ? "it stays, NULL for new rows" : "the run fails or keeps it")
          + ")");
      found.structural = true;
    }
  }
}
