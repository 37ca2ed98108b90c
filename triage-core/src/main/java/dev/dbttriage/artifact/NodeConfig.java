package dev.dbttriage.artifact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A node's rendered {@code config}, as written in the manifest, with typed accessors for the keys triage reads.
 *
 * <p>The whole config is kept as plain Java values ({@link #values()}) so that {@code config.<path>:<value>}
 * selectors can reach any key, including adapter-specific ones. Older manifests that kept some keys at the
 * node's top level are normalised by the readers. Instances are immutable and thread-safe.
 *
 * @param values the config keys and values (maps, lists, strings, numbers, booleans; an explicit JSON null is a
 *     {@code null} value)
 */
public record NodeConfig(Map<String, Object> values) {
  /** An empty config, as for a resource type that has none. */
  public static final NodeConfig EMPTY = new NodeConfig(Map.of());

  /** Copies the values. */
  public NodeConfig {
    values = PlainValues.copyMap(Objects.requireNonNull(values, "values"));
  }

  /**
   * Returns the value at a path of keys, descending through nested maps.
   *
   * @param path the keys, such as {@code ["meta", "owner"]}
   * @return the value, or empty when a key is absent or its value is JSON null
   */
  public Optional<Object> get(List<String> path) {
    Object current = values;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
        return Optional.empty();
      }
      current = map.get(key);
    }
    return Optional.ofNullable(current);
  }

  /** Returns the string value of a top-level key, if it is a string. */
  public Optional<String> string(String key) {
    Object value = values.get(key);
    return value instanceof String s ? Optional.of(s) : Optional.empty();
  }

  /** Returns the boolean value of a top-level key, if it is a boolean. */
  public Optional<Boolean> bool(String key) {
    Object value = values.get(key);
    return value instanceof Boolean b ? Optional.of(b) : Optional.empty();
  }

  /** Returns {@code enabled}, true unless explicitly false. */
  public boolean enabled() {
    return !Boolean.FALSE.equals(values.get("enabled"));
  }

  /** Returns {@code materialized} ({@code table}, {@code view}, {@code incremental}, {@code ephemeral}, ...). */
  public Optional<String> materialized() {
    return string("materialized");
  }

  /** Returns true when the node is materialized {@code incremental} (or {@code microbatch}'s incremental). */
  public boolean isIncremental() {
    return materialized().map(m -> m.equals("incremental")).orElse(false);
  }

  /** Returns true when the node is materialized {@code ephemeral}. */
  public boolean isEphemeral() {
    return materialized().map(m -> m.equals("ephemeral")).orElse(false);
  }

  /**
   * Returns {@code unique_key} as a list of column expressions: empty when unset, one element when it is a
   * string, and the elements when it is a list.
   */
  public List<String> uniqueKey() {
    Object value = values.get("unique_key");
    if (value instanceof String s) {
      return s.isBlank() ? List.of() : List.of(s);
    }
    if (value instanceof List<?> list) {
      List<String> keys = new ArrayList<>(list.size());
      for (Object item : list) {
        if (item != null) {
          keys.add(String.valueOf(item));
        }
      }
      return List.copyOf(keys);
    }
    return List.of();
  }

  /** Returns {@code incremental_strategy} ({@code merge}, {@code append}, {@code microbatch}, ...). */
  public Optional<String> incrementalStrategy() {
    return string("incremental_strategy");
  }

  /** Returns {@code on_schema_change} ({@code ignore}, {@code fail}, {@code append_new_columns}, {@code sync_all_columns}). */
  public Optional<String> onSchemaChange() {
    return string("on_schema_change");
  }

  /** Returns {@code full_refresh}: {@code false} means the model refuses {@code --full-refresh}. */
  public Optional<Boolean> fullRefresh() {
    return bool("full_refresh");
  }

  /** Returns true when {@code contract.enforced} is true. */
  public boolean contractEnforced() {
    return get(List.of("contract", "enforced")).map(Boolean.TRUE::equals).orElse(false);
  }

  /** Returns the config's {@code tags}. */
  public List<String> tags() {
    Object value = values.get("tags");
    if (value instanceof String s) {
      return List.of(s);
    }
    if (value instanceof List<?> list) {
      List<String> tags = new ArrayList<>(list.size());
      for (Object item : list) {
        if (item != null) {
          tags.add(String.valueOf(item));
        }
      }
      return List.copyOf(tags);
    }
    return List.of();
  }

  /** Returns the config's {@code meta}. */
  public Map<String, Object> meta() {
    Object value = values.get("meta");
    if (value instanceof Map<?, ?>) {
      @SuppressWarnings("unchecked")
      Map<String, Object> meta = (Map<String, Object>) value;
      return meta;
    }
    return Map.of();
  }

  /** Returns a test's {@code severity}, upper-cased ({@code ERROR} or {@code WARN}). */
  public Optional<String> severity() {
    return string("severity").map(s -> s.toUpperCase(Locale.ROOT));
  }

  /** Returns {@code alias}. */
  public Optional<String> alias() {
    return string("alias");
  }

  /** Returns {@code schema}. */
  public Optional<String> schema() {
    return string("schema");
  }

  /** Returns {@code database}. */
  public Optional<String> database() {
    return string("database");
  }

  /** Returns {@code group}. */
  public Optional<String> group() {
    return string("group");
  }

  /** Returns {@code access}. */
  public Optional<String> access() {
    return string("access");
  }

  /** Returns {@code persist_docs.relation}. */
  public boolean persistDocsRelation() {
    return get(List.of("persist_docs", "relation")).map(Boolean.TRUE::equals).orElse(false);
  }

  /** Returns {@code persist_docs.columns}. */
  public boolean persistDocsColumns() {
    return get(List.of("persist_docs", "columns")).map(Boolean.TRUE::equals).orElse(false);
  }
}
