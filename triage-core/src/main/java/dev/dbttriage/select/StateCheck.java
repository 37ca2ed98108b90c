package dev.dbttriage.select;

import dev.dbttriage.artifact.Checksum;
import dev.dbttriage.artifact.Column;
import dev.dbttriage.artifact.Macro;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * dbt's {@code state:} comparisons between a current resource and its entry in the comparison manifest
 * ({@code StateSelectorMethod} and the {@code same_*} methods of dbt's node classes). Immutable and thread-safe
 * once built.
 */
final class StateCheck {
  static final List<String> VALUES = List.of("new", "old", "modified", "unmodified", "modified.body",
      "modified.configs", "modified.persisted_descriptions", "modified.relation", "modified.macros",
      "modified.contract");

  private static final Set<String> NODE_CONFIG_EXCLUDED = Set.of("alias", "schema", "database", "tags", "group");
  private static final List<String> TEST_MODIFIERS = List.of("severity", "where", "limit", "fail_calc", "warn_if",
      "error_if", "store_failures", "store_failures_as", "sql_header");

  /** Rules for two resources compared without manifests: no macro is modified. */
  static final StateCheck NO_MACROS = new StateCheck();

  /** Which dbt class a resource behaves as for comparisons. */
  enum Kind { MODEL, SEED, GENERIC_TEST, SINGULAR_TEST, OTHER_NODE, FUNCTION, SOURCE, EXPOSURE, METRIC,
    SEMANTIC_MODEL, SAVED_QUERY, UNIT_TEST }

  private final Manifest current;
  private final Manifest previous;
  private final Set<String> modifiedMacros;

  /** Rules without manifests: only {@link #check(String, Node, Kind, Node)} may be called. */
  private StateCheck() {
    this.current = null;
    this.previous = null;
    this.modifiedMacros = Set.of();
  }

  StateCheck(Manifest current, Manifest previous) {
    this.current = current;
    this.previous = previous;
    Set<String> changed = new HashSet<>();
    Map<String, Macro> oldMacros = previous.macros();
    for (Map.Entry<String, Macro> e : current.macros().entrySet()) {
      Macro old = oldMacros.get(e.getKey());
      if (old == null || !old.macroSql().equals(e.getValue().macroSql())) {
        changed.add(e.getKey());
      }
    }
    for (String id : oldMacros.keySet()) {
      if (!current.macros().containsKey(id)) {
        changed.add(id);
      }
    }
    this.modifiedMacros = Set.copyOf(changed);
  }

  /** Returns how a resource compares: by the current manifest's collection holding it, else by its type. */
  Kind kindOf(Node n) {
    List<Map<String, Node>> cols = current.graphCollections();
    for (int c = 0; c < cols.size(); c++) {
      if (cols.get(c).containsKey(n.uniqueId())) {
        return kindOf(n, (byte) c);
      }
    }
    return kindOfType(n);
  }

  /** Returns how a resource compares by its resource type alone. */
  static Kind kindOfType(Node n) {
    switch (n.resourceType()) {
      case SOURCE: return Kind.SOURCE;
      case EXPOSURE: return Kind.EXPOSURE;
      case METRIC: return Kind.METRIC;
      case SEMANTIC_MODEL: return Kind.SEMANTIC_MODEL;
      case SAVED_QUERY: return Kind.SAVED_QUERY;
      case UNIT_TEST: return Kind.UNIT_TEST;
      case FUNCTION: return Kind.FUNCTION;
      default: return kindOf(n, (byte) 0);
    }
  }

  static Kind kindOf(Node n, byte collection) {
    switch (collection) {
      case 1: return Kind.SOURCE;
      case 2: return Kind.EXPOSURE;
      case 3: return Kind.METRIC;
      case 4: return Kind.SEMANTIC_MODEL;
      case 5: return Kind.SAVED_QUERY;
      case 6: return Kind.UNIT_TEST;
      case 7: return Kind.FUNCTION;
      default:
        break;
    }
    if (n.resourceType() == ResourceType.MODEL) {
      return Kind.MODEL;
    }
    if (n.resourceType() == ResourceType.SEED) {
      return Kind.SEED;
    }
    if (n.resourceType() == ResourceType.TEST) {
      return n.testMetadata().isPresent() ? Kind.GENERIC_TEST : Kind.SINGULAR_TEST;
    }
    return Kind.OTHER_NODE;
  }

  /** Returns the comparison manifest's entry with this id, if any (dbt's lookup order). */
  Node old(String id) {
    Node n = previous.nodes().get(id);
    if (n == null) n = previous.sources().get(id);
    if (n == null) n = previous.exposures().get(id);
    if (n == null) n = previous.metrics().get(id);
    if (n == null) n = previous.semanticModels().get(id);
    if (n == null) n = previous.unitTests().get(id);
    if (n == null) n = previous.savedQueries().get(id);
    if (n == null) n = previous.functions().get(id);
    return n;
  }

  boolean check(String value, Node n, Kind kind) {
    return check(value, n, kind, old(n.uniqueId()));
  }

  /** Answers one {@code state:} value for a resource and its previous version ({@code null} when new). */
  boolean check(String value, Node n, Kind kind, Node old) {
    switch (value) {
      case "new":
        return old == null;
      case "old":
        return old != null;
      case "modified":
        return modified(n, kind, old);
      case "unmodified":
        return !modified(n, kind, old);
      case "modified.body":
        return hasBody(kind) && (old == null || !sameBody(n, kind, old));
      case "modified.configs":
        return kind != Kind.UNIT_TEST && (old == null || !sameConfig(n, kind, old));
      case "modified.persisted_descriptions":
        return isParsedNode(kind) && (old == null || !samePersistedDescription(n, old));
      case "modified.relation":
        return (isParsedNode(kind) || kind == Kind.SOURCE) && (old == null || !sameRelation(n, kind, old));
      case "modified.macros":
        return macrosModified(n);
      case "modified.contract":
        return isParsedNode(kind) && (old == null || !sameContract(n, kind, old));
      default:
        throw new IllegalArgumentException(value);
    }
  }

  private static boolean isParsedNode(Kind k) {
    switch (k) {
      case MODEL: case SEED: case GENERIC_TEST: case SINGULAR_TEST: case OTHER_NODE: case FUNCTION:
        return true;
      default:
        return false;
    }
  }

  private static boolean hasBody(Kind k) {
    return isParsedNode(k);
  }

  private boolean modified(Node n, Kind kind, Node old) {
    boolean different = !sameContents(n, kind, old);
    boolean macros = macrosModified(n);
    boolean contract = old != null && old.resourceType() == ResourceType.MODEL && kind == Kind.MODEL
        && !sameContract(n, kind, old);
    return different || macros || contract;
  }

  private boolean sameContents(Node n, Kind kind, Node old) {
    switch (kind) {
      case SOURCE:
        return old == null || (sameRelation(n, kind, old) && n.fqn().equals(old.fqn()) && sameConfig(n, kind, old)
            && sameAttr(n, old, "quoting") && sameAttr(n, old, "freshness") && sameAttr(n, old, "loaded_at_field")
            && sameAttr(n, old, "external"));
      case EXPOSURE:
        return old == null || (n.fqn().equals(old.fqn()) && sameAttr(n, old, "type") && sameAttr(n, old, "owner")
            && sameAttr(n, old, "maturity") && sameAttr(n, old, "url") && n.description().equals(old.description())
            && sameAttr(n, old, "label") && new HashSet<>(n.dependsOnNodes()).equals(new HashSet<>(old.dependsOnNodes()))
            && sameConfig(n, kind, old));
      case METRIC:
        return old == null || (sameAttr(n, old, "type") && n.description().equals(old.description())
            && sameAttr(n, old, "label") && sameConfig(n, kind, old));
      case SEMANTIC_MODEL:
        return old == null || (sameAttr(n, old, "model") && n.description().equals(old.description())
            && sameAttr(n, old, "defaults") && sameAttr(n, old, "entities") && sameAttr(n, old, "dimensions")
            && sameAttr(n, old, "measures") && sameConfig(n, kind, old) && sameAttr(n, old, "primary_entity")
            && Objects.equals(n.group(), old.group()));
      case SAVED_QUERY:
        return old == null || (sameQueryParam(n, old, "metrics") && sameQueryParam(n, old, "group_by")
            && sameQueryParam(n, old, "where") && n.description().equals(old.description())
            && sameAttr(n, old, "label") && sameConfig(n, kind, old) && Objects.equals(n.group(), old.group())
            && sameExports(n, old) && n.tags().equals(old.tags()));
      case UNIT_TEST:
        return old != null && sameChecksum(n.checksum(), old.checksum());
      case GENERIC_TEST:
        return old != null && sameConfig(n, kind, old) && n.fqn().equals(old.fqn());
      default:
        break;
    }
    if (old == null) {
      return false;
    }
    boolean contract = sameContract(n, kind, old);
    boolean same = sameBody(n, kind, old) && sameConfig(n, kind, old) && samePersistedDescription(n, old)
        && n.fqn().equals(old.fqn()) && sameRelation(n, kind, old) && contract;
    if (kind == Kind.MODEL) {
      same = same && Objects.equals(n.latestVersion(), old.latestVersion())
          && Objects.equals(access(n), access(old))
          && Py.eqLoose(n.attributes().get("deprecation_date"), old.attributes().get("deprecation_date"));
    } else if (kind == Kind.FUNCTION) {
      same = same && sameAttr(n, old, "arguments") && sameAttr(n, old, "returns") && sameAttr(n, old, "overloads");
    }
    return same;
  }

  private static String access(Node n) {
    return n.access().orElse("protected");
  }

  private static boolean sameAttr(Node n, Node old, String key) {
    return Py.eqLoose(n.attributes().get(key), old.attributes().get(key));
  }

  private static Object queryParam(Node n, String key) {
    Object qp = n.attributes().get("query_params");
    if (qp instanceof Map<?, ?> m) {
      return m.get(key);
    }
    return n.attributes().get(key);
  }

  private static boolean sameQueryParam(Node n, Node old, String key) {
    return Py.eqLoose(queryParam(n, key), queryParam(old, key));
  }

  private static List<Object> exportKeys(Node n) {
    List<Object> out = new ArrayList<>();
    Object exports = n.attributes().get("exports");
    if (exports instanceof List<?> list) {
      for (Object e : list) {
        if (e instanceof Map<?, ?> m) {
          Map<String, Object> key = new LinkedHashMap<>();
          key.put("name", m.get("name"));
          Object uc = m.get("unrendered_config");
          Object cfg = uc instanceof Map<?, ?> ? uc : m.get("config");
          for (String k : List.of("export_as", "schema", "alias")) {
            key.put(k, cfg instanceof Map<?, ?> c ? c.get(k) : null);
          }
          out.add(key);
        }
      }
    }
    return out;
  }

  private static boolean sameExports(Node n, Node old) {
    return Py.eqLoose(exportKeys(n), exportKeys(old));
  }

  private static boolean sameChecksum(Checksum a, Checksum b) {
    return a.name().equals(b.name()) && a.checksum().equals(b.checksum());
  }

  private static boolean sameBody(Node n, Kind kind, Node old) {
    if (kind == Kind.SEED) {
      Checksum a = n.checksum();
      Checksum b = old.checksum();
      return !a.name().equals("none") && a.name().equals(b.name()) && a.checksum().equals(b.checksum());
    }
    return n.rawCode().equals(old.rawCode());
  }

  private static boolean sameConfig(Node n, Kind kind, Node old) {
    Map<String, Object> a = n.unrenderedConfig();
    Map<String, Object> b = old.unrenderedConfig();
    if (kind == Kind.GENERIC_TEST || kind == Kind.SINGULAR_TEST) {
      for (String key : TEST_MODIFIERS) {
        if (!sameKey(a, b, key)) {
          return false;
        }
      }
      return true;
    }
    Set<String> excluded = excludedConfigKeys(kind);
    Set<String> keys = new HashSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String key : keys) {
      if (excluded.contains(key)) {
        continue;
      }
      if (!sameKey(a, b, key)) {
        return false;
      }
    }
    return true;
  }

  /** The config fields dbt marks {@code CompareBehavior.Exclude}, per config class. */
  private static Set<String> excludedConfigKeys(Kind kind) {
    if (isParsedNode(kind)) {
      return NODE_CONFIG_EXCLUDED;
    }
    switch (kind) {
      case METRIC:
      case SEMANTIC_MODEL:
        return Set.of("group");
      case SAVED_QUERY:
        return Set.of("group", "tags");
      default:
        return Set.of();
    }
  }

  private static boolean sameKey(Map<String, Object> a, Map<String, Object> b, String key) {
    boolean inA = a.containsKey(key);
    boolean inB = b.containsKey(key);
    if (!inA && !inB) {
      return true;
    }
    if (inA != inB) {
      return false;
    }
    return Py.eq(a.get(key), b.get(key));
  }

  private static boolean samePersistedDescription(Node n, Node old) {
    if (n.config().persistDocsRelation() && !n.description().equals(old.description())) {
      return false;
    }
    if (n.config().persistDocsColumns()) {
      Map<String, String> mine = new LinkedHashMap<>();
      for (Map.Entry<String, Column> e : n.columns().entrySet()) {
        mine.put(e.getKey(), e.getValue().description());
      }
      Map<String, String> theirs = new LinkedHashMap<>();
      for (Map.Entry<String, Column> e : old.columns().entrySet()) {
        theirs.put(e.getKey(), e.getValue().description());
      }
      return mine.equals(theirs);
    }
    return true;
  }

  private static boolean sameRelation(Node n, Kind kind, Node old) {
    if (kind == Kind.SOURCE) {
      return Objects.equals(n.database(), old.database()) && Objects.equals(n.schema(), old.schema())
          && Objects.equals(identifier(n), identifier(old));
    }
    for (String key : List.of("database", "schema", "alias")) {
      if (!Py.eq(n.unrenderedConfig().get(key), old.unrenderedConfig().get(key))) {
        return false;
      }
    }
    return true;
  }

  private static Object identifier(Node n) {
    Object id = n.attributes().get("identifier");
    return id != null ? id : n.alias().orElse(null);
  }

  private static boolean contractEnforced(Node n) {
    Object c = n.attributes().get("contract");
    if (c instanceof Map<?, ?> m && m.get("enforced") instanceof Boolean b) {
      return b;
    }
    return n.config().contractEnforced();
  }

  private static Object contractChecksum(Node n) {
    Object c = n.attributes().get("contract");
    return c instanceof Map<?, ?> m ? m.get("checksum") : null;
  }

  private static boolean sameContract(Node n, Kind kind, Node old) {
    if (kind != Kind.MODEL) {
      return true;
    }
    boolean was = contractEnforced(old);
    boolean is = contractEnforced(n);
    if (!was && !is) {
      return true;
    }
    if (!was) {
      return false;
    }
    return is && Objects.equals(contractChecksum(n), contractChecksum(old));
  }

  private boolean macrosModified(Node n) {
    return changedMacro(n).isPresent();
  }

  /** Returns the ids of the macros that differ: changed text, or on one side only (dbt's _macros_modified). */
  Set<String> modifiedMacros() {
    return modifiedMacros;
  }

  /**
   * Returns the first macro of the resource's {@code depends_on.macros} that is modified or calls (transitively)
   * a modified macro, as dbt's {@code recursively_check_macros_modified} walks them.
   */
  Optional<String> changedMacro(Node n) {
    if (modifiedMacros.isEmpty()) {
      return Optional.empty();
    }
    Set<String> visited = new HashSet<>();
    for (String id : n.dependsOnMacros()) {
      if (id != null && macrosModified(List.of(id), visited)) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  private boolean macrosModified(List<String> macros, Set<String> visited) {
    for (String id : macros) {
      if (id == null || !visited.add(id)) {
        continue;
      }
      if (modifiedMacros.contains(id)) {
        return true;
      }
      Macro m = current.macros().get(id);
      if (m != null && !m.dependsOnMacros().isEmpty() && macrosModified(m.dependsOnMacros(), visited)) {
        return true;
      }
    }
    return false;
  }
}
