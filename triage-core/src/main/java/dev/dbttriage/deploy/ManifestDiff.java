package dev.dbttriage.deploy;

import dev.dbttriage.artifact.Catalog;
import dev.dbttriage.artifact.CatalogColumn;
import dev.dbttriage.artifact.CatalogTable;
import dev.dbttriage.artifact.Column;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.select.ManifestComparison;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two manifests of one project, resource by resource: what is new, removed, disabled, and for each
 * modified resource which aspects differ and which columns.
 *
 * <p>Whether dbt's {@code state:modified} selects a resource, and which macro changes reach it, come from
 * {@link ManifestComparison} (dbt's {@code state:} rules, the one comparison of two manifests); the aspects,
 * column changes and detail lines here describe the difference on top of it for people and deploy findings.
 *
 * <p>Config and relation are compared on {@code unrendered_config} (what the project says) when both manifests
 * have it, because the rendered config carries the target's schema and would differ between a CI and a
 * production target for every model. All methods are stateless and thread-safe.
 */
public final class ManifestDiff {
  private static final Set<String> RELATION_KEYS = Set.of("database", "schema", "alias");
  // Rendered keys that vary by target or dbt version rather than by the project's code.
  private static final Set<String> VOLATILE_CONFIG_KEYS = Set.of("database", "schema", "alias", "docs",
      "packages", "event_time", "batch_size", "lookback", "begin");
  private static final Set<String> VOLATILE_ATTRIBUTES = Set.of("created_at", "compiled_path", "build_path",
      "root_path", "deferred", "unrendered_config_call_dict", "config_call_dict", "relation_name", "doc_blocks",
      "compiled", "extra_ctes_injected", "extra_ctes", "_pre_injected_sql", "compiled_code", "compiled_sql",
      "injected_sql", "wrapped_sql", "raw_code", "raw_sql", "language", "refs", "sources", "metrics",
      "functions", "checksum", "contract", "deprecation_date", "constraints", "primary_key", "defer_relation",
      "unrendered_description", "time_spine", "freshness");

  private ManifestDiff() {}

  /**
   * Compares every resource of two manifests, without catalogs.
   *
   * @param before the production (state) manifest
   * @param after the candidate (current) manifest
   * @return the differing resources, candidate order first, then removed ones in production order
   * @throws NullPointerException if an argument is null
   */
  public static List<NodeChange> compare(Manifest before, Manifest after) {
    return compare(before, after, Optional.empty(), Optional.empty());
  }

  /**
   * Compares every resource of two manifests and, where both catalogs list a relation, its warehouse columns.
   *
   * @param before the production (state) manifest
   * @param after the candidate (current) manifest
   * @param beforeCatalog production's catalog, if any
   * @param afterCatalog the candidate's catalog, if any
   * @return the differing resources, candidate order first, then removed ones in production order
   * @throws NullPointerException if an argument is null
   */
  public static List<NodeChange> compare(
      Manifest before, Manifest after, Optional<Catalog> beforeCatalog, Optional<Catalog> afterCatalog) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(beforeCatalog, "beforeCatalog");
    Objects.requireNonNull(afterCatalog, "afterCatalog");
    return compare(ManifestComparison.of(before, after), beforeCatalog, afterCatalog);
  }

  /**
   * Describes a comparison of two manifests and, where both catalogs list a relation, its warehouse columns.
   *
   * @param comparison the comparison (production as previous, the candidate as current)
   * @param beforeCatalog production's catalog, if any
   * @param afterCatalog the candidate's catalog, if any
   * @return the differing resources, candidate order first, then removed ones in production order
   * @throws NullPointerException if an argument is null
   */
  public static List<NodeChange> compare(
      ManifestComparison comparison, Optional<Catalog> beforeCatalog, Optional<Catalog> afterCatalog) {
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(beforeCatalog, "beforeCatalog");
    Objects.requireNonNull(afterCatalog, "afterCatalog");
    Manifest before = comparison.previous();
    Manifest after = comparison.current();
    List<NodeChange> changes = new ArrayList<>();
    after.allNodes().forEach(n -> {
      Optional<Node> old = before.node(n.uniqueId());
      if (old.isEmpty()) {
        changes.add(new NodeChange(n.uniqueId(), n.resourceType(), ChangeStatus.NEW, Set.of(), List.of(),
            List.of("new " + n.resourceType().dbtName()), comparison.matches("modified", n)));
      } else {
        List<ColumnChange> warehouse = catalogColumns(n.uniqueId(), beforeCatalog, afterCatalog);
        compareNodes(old.get(), n, comparison.changedMacro(n), comparison.matches("modified", n), warehouse)
            .ifPresent(changes::add);
      }
    });
    before.allNodes().forEach(n -> {
      if (after.node(n.uniqueId()).isEmpty()) {
        boolean disabled = after.disabled().containsKey(n.uniqueId());
        changes.add(new NodeChange(n.uniqueId(), n.resourceType(),
            disabled ? ChangeStatus.DISABLED : ChangeStatus.REMOVED, Set.of(), List.of(),
            List.of(disabled ? n.resourceType().dbtName() + " disabled" : n.resourceType().dbtName() + " removed"),
            false));
      }
    });
    return List.copyOf(changes);
  }

  /**
   * Compares two versions of one resource, without the manifests' macros (a macro change is not seen).
   *
   * @param before the production version
   * @param after the candidate version
   * @return the change, or empty when nothing this library or dbt's {@code state:modified} compares differs
   * @throws NullPointerException if an argument is null
   */
  public static Optional<NodeChange> compare(Node before, Node after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    return compareNodes(before, after, Optional.empty(), ManifestComparison.modified(Optional.of(before), after),
        List.of());
  }

  /**
   * Compares the declared columns of two versions of a resource: added, removed, type changed (where both
   * declare a {@code data_type}) and constraints removed.
   *
   * @param before the columns before, by name
   * @param after the columns after, by name
   * @return the column changes, removed and changed ones in {@code before}'s order, then added ones
   * @throws NullPointerException if an argument is null
   */
  public static List<ColumnChange> compareColumns(Map<String, Column> before, Map<String, Column> after) {
    List<ColumnChange> out = new ArrayList<>();
    Map<String, Column> afterByKey = new LinkedHashMap<>();
    after.values().forEach(c -> afterByKey.put(key(c.name()), c));
    Set<String> seen = new HashSet<>();
    for (Column b : before.values()) {
      Column a = afterByKey.get(key(b.name()));
      seen.add(key(b.name()));
      if (a == null) {
        out.add(new ColumnChange(b.name(), ColumnChange.Kind.REMOVED, b.dataType(), Optional.empty(),
            DataTypes.Change.SAME, "declared"));
        continue;
      }
      if (b.dataType().isPresent() && a.dataType().isPresent()) {
        DataTypes.Change change = DataTypes.compare(b.dataType().get(), a.dataType().get());
        if (change != DataTypes.Change.SAME) {
          out.add(new ColumnChange(a.name(), ColumnChange.Kind.TYPE_CHANGED, b.dataType(), a.dataType(), change,
              "declared"));
        }
      }
      for (String constraint : b.constraints()) {
        if (!a.constraints().contains(constraint)) {
          out.add(new ColumnChange(a.name(), ColumnChange.Kind.CONSTRAINT_REMOVED, Optional.of(constraint),
              Optional.empty(), DataTypes.Change.SAME, "declared"));
        }
      }
    }
    for (Column a : after.values()) {
      if (!seen.contains(key(a.name()))) {
        out.add(new ColumnChange(a.name(), ColumnChange.Kind.ADDED, Optional.empty(), a.dataType(),
            DataTypes.Change.SAME, "declared"));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Compares the columns the warehouse reports for one relation at two times.
   *
   * @param before the relation before
   * @param after the relation after
   * @return the column changes (origin {@code catalog}), removed and changed ones first, then added ones
   * @throws NullPointerException if an argument is null
   */
  public static List<ColumnChange> compareCatalogColumns(CatalogTable before, CatalogTable after) {
    List<ColumnChange> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (CatalogColumn b : before.columns().values()) {
      seen.add(key(b.name()));
      Optional<CatalogColumn> a = after.column(b.name());
      if (a.isEmpty()) {
        out.add(new ColumnChange(b.name(), ColumnChange.Kind.REMOVED, Optional.of(b.type()), Optional.empty(),
            DataTypes.Change.SAME, "catalog"));
      } else {
        DataTypes.Change change = DataTypes.compare(b.type(), a.get().type());
        if (change != DataTypes.Change.SAME) {
          out.add(new ColumnChange(a.get().name(), ColumnChange.Kind.TYPE_CHANGED, Optional.of(b.type()),
              Optional.of(a.get().type()), change, "catalog"));
        }
      }
    }
    for (CatalogColumn a : after.columns().values()) {
      if (!seen.contains(key(a.name()))) {
        out.add(new ColumnChange(a.name(), ColumnChange.Kind.ADDED, Optional.empty(), Optional.of(a.type()),
            DataTypes.Change.SAME, "catalog"));
      }
    }
    return List.copyOf(out);
  }

  private static List<ColumnChange> catalogColumns(
      String id, Optional<Catalog> beforeCatalog, Optional<Catalog> afterCatalog) {
    if (beforeCatalog.isEmpty() || afterCatalog.isEmpty()) {
      return List.of();
    }
    Optional<CatalogTable> b = beforeCatalog.get().table(id);
    Optional<CatalogTable> a = afterCatalog.get().table(id);
    if (b.isEmpty() || a.isEmpty()) {
      return List.of();
    }
    return compareCatalogColumns(b.get(), a.get());
  }

  private static Optional<NodeChange> compareNodes(Node before, Node after, Optional<String> changedMacro,
      boolean stateModified, List<ColumnChange> warehouse) {
    Set<ChangeAspect> aspects = EnumSet.noneOf(ChangeAspect.class);
    List<String> details = new ArrayList<>();
    if (bodyChanged(before, after)) {
      aspects.add(ChangeAspect.BODY);
      details.add(after.rawCode().isEmpty() ? "body changed (checksum differs)" : "body changed (SQL differs)");
    }
    boolean unrendered = !before.unrenderedConfig().isEmpty() && !after.unrenderedConfig().isEmpty();
    Map<String, Object> bc = unrendered ? before.unrenderedConfig() : before.config().values();
    Map<String, Object> ac = unrendered ? after.unrenderedConfig() : after.config().values();
    Set<String> keys = new TreeSet<>(bc.keySet());
    keys.addAll(ac.keySet());
    for (String k : keys) {
      if (Objects.equals(bc.get(k), ac.get(k))) {
        continue;
      }
      if (!unrendered && (!bc.containsKey(k) || !ac.containsKey(k))) {
        continue; // rendered configs gain and lose defaulted keys between dbt versions
      }
      if (RELATION_KEYS.contains(k)) {
        if (unrendered) {
          aspects.add(ChangeAspect.RELATION);
          details.add("relation: " + k + " " + show(bc.get(k)) + " -> " + show(ac.get(k)));
        }
      } else if ((unrendered || !VOLATILE_CONFIG_KEYS.contains(k)) && !k.equals("contract")) {
        aspects.add(ChangeAspect.CONFIG);
        details.add("config " + k + ": " + show(bc.get(k)) + " -> " + show(ac.get(k)));
      }
    }
    if (!before.config().uniqueKey().equals(after.config().uniqueKey()) && !keys.contains("unique_key")) {
      aspects.add(ChangeAspect.CONFIG);
      details.add("config unique_key: " + before.config().uniqueKey() + " -> " + after.config().uniqueKey());
    }
    if (!before.config().materialized().equals(after.config().materialized()) && !keys.contains("materialized")) {
      aspects.add(ChangeAspect.CONFIG);
      details.add("config materialized: " + before.config().materialized().orElse("(none)") + " -> "
          + after.config().materialized().orElse("(none)"));
    }
    if (!unrendered && before.alias().isPresent() && after.alias().isPresent()
        && !before.alias().equals(after.alias())) {
      aspects.add(ChangeAspect.RELATION);
      details.add("relation: alias " + before.alias().get() + " -> " + after.alias().get());
    }

    List<ColumnChange> columns = new ArrayList<>(compareColumns(before.columns(), after.columns()));
    boolean enforcedBefore = enforced(before);
    boolean enforcedAfter = enforced(after);
    if (enforcedBefore != enforcedAfter) {
      aspects.add(ChangeAspect.CONTRACT);
      details.add("contract enforced: " + enforcedBefore + " -> " + enforcedAfter);
    } else if (enforcedAfter && (!columns.isEmpty() || contractChecksumChanged(before, after))) {
      aspects.add(ChangeAspect.CONTRACT);
      details.add("enforced contract changed");
    }
    if (!columns.isEmpty() && !aspects.contains(ChangeAspect.CONTRACT)) {
      aspects.add(ChangeAspect.COLUMNS);
    }
    columns.forEach(c -> details.add(c.describe()));
    if (!warehouse.isEmpty()) {
      aspects.add(ChangeAspect.COLUMNS);
      warehouse.forEach(c -> details.add("warehouse " + c.describe()));
      columns.addAll(warehouse);
    }

    boolean descriptionChanged = !before.description().equals(after.description());
    boolean columnDocsChanged = columnDescriptionsChanged(before, after);
    if ((descriptionChanged && after.config().persistDocsRelation())
        || (columnDocsChanged && after.config().persistDocsColumns())) {
      aspects.add(ChangeAspect.PERSISTED_DESCRIPTION);
      details.add("persisted description changed");
    } else if (descriptionChanged || columnDocsChanged) {
      aspects.add(ChangeAspect.DESCRIPTION);
      details.add("description changed");
    }
    if (!access(before).equals(access(after))) {
      aspects.add(ChangeAspect.ACCESS);
      details.add("access: " + access(before) + " -> " + access(after));
    }
    if (!before.latestVersion().equals(after.latestVersion())) {
      aspects.add(ChangeAspect.VERSION);
      details.add("latest_version: " + before.latestVersion().orElse("(none)") + " -> "
          + after.latestVersion().orElse("(none)"));
    }
    if (!Objects.equals(before.attributes().get("deprecation_date"), after.attributes().get("deprecation_date"))) {
      aspects.add(ChangeAspect.VERSION);
      details.add("deprecation_date: " + show(before.attributes().get("deprecation_date")) + " -> "
          + show(after.attributes().get("deprecation_date")));
    }
    if (before.resourceType() != ResourceType.MODEL && before.resourceType() != ResourceType.TEST) {
      for (String k : otherAttributesChanged(before, after)) {
        aspects.add(ChangeAspect.CONFIG);
        details.add(k + " changed");
      }
    }
    if (changedMacro.isPresent()) {
      aspects.add(ChangeAspect.MACROS);
      details.add("macro changed: " + changedMacro.get());
    }
    if (aspects.isEmpty()) {
      if (!stateModified) {
        return Optional.empty();
      }
      // dbt compares something the aspects do not describe, such as the fqn (a file moved between folders)
      details.add(before.fqn().equals(after.fqn())
          ? "modified for dbt's state:modified (an attribute dbt compares differs)"
          : "fqn: " + String.join(".", before.fqn()) + " -> " + String.join(".", after.fqn()));
    }
    return Optional.of(new NodeChange(after.uniqueId(), after.resourceType(), ChangeStatus.MODIFIED, aspects,
        columns, details, stateModified));
  }

  /** Returns true when the node's contract is enforced, in its config or in its top-level {@code contract}. */
  static boolean enforced(Node n) {
    if (n.config().contractEnforced()) {
      return true;
    }
    return n.attributes().get("contract") instanceof java.util.Map<?, ?> c && Boolean.TRUE.equals(c.get("enforced"));
  }

  /** Returns the access level, {@code protected} when unrecorded (dbt's default). */
  static String access(Node n) {
    return n.access().or(() -> n.config().access()).orElse("protected");
  }

  private static boolean bodyChanged(Node before, Node after) {
    boolean checksums = !before.checksum().name().equals("none") && !after.checksum().name().equals("none")
        && !before.checksum().checksum().isEmpty();
    if (checksums) {
      return !before.checksum().equals(after.checksum());
    }
    return !before.rawCode().equals(after.rawCode());
  }

  private static boolean contractChecksumChanged(Node before, Node after) {
    Object b = before.attributes().get("contract");
    Object a = after.attributes().get("contract");
    if (b instanceof Map<?, ?> bm && a instanceof Map<?, ?> am) {
      Object bs = bm.get("checksum");
      Object as = am.get("checksum");
      return bs != null && as != null && !bs.equals(as);
    }
    return false;
  }

  private static boolean columnDescriptionsChanged(Node before, Node after) {
    Map<String, String> b = new HashMap<>();
    before.columns().values().forEach(c -> b.put(key(c.name()), c.description()));
    for (Column c : after.columns().values()) {
      String old = b.get(key(c.name()));
      if (old != null && !old.equals(c.description())) {
        return true;
      }
    }
    return false;
  }

  private static List<String> otherAttributesChanged(Node before, Node after) {
    Set<String> keys = new TreeSet<>(before.attributes().keySet());
    keys.addAll(after.attributes().keySet());
    List<String> changed = new ArrayList<>();
    for (String k : keys) {
      if (!VOLATILE_ATTRIBUTES.contains(k)
          && !Objects.equals(before.attributes().get(k), after.attributes().get(k))) {
        changed.add(k);
      }
    }
    return changed;
  }

  static String key(String column) {
    return column.toLowerCase(Locale.ROOT);
  }

  static String show(Object v) {
    return v == null ? "(unset)" : String.valueOf(v);
  }
}
