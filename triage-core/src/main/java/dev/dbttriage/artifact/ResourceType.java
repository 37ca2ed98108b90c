package dev.dbttriage.artifact;

import java.util.Locale;
import java.util.Optional;

/**
 * The resource types dbt writes into a manifest, named as dbt names them in {@code resource_type}.
 *
 * <p>A value dbt adds later is read as {@link #OTHER}; the node keeps the raw string in
 * {@link Node#resourceTypeName()}.
 */
public enum ResourceType {
  MODEL("model"),
  SEED("seed"),
  SNAPSHOT("snapshot"),
  TEST("test"),
  ANALYSIS("analysis"),
  OPERATION("operation"),
  SQL_OPERATION("sql_operation"),
  RPC("rpc"),
  SOURCE("source"),
  EXPOSURE("exposure"),
  METRIC("metric"),
  SEMANTIC_MODEL("semantic_model"),
  SAVED_QUERY("saved_query"),
  UNIT_TEST("unit_test"),
  FUNCTION("function"),
  GROUP("group"),
  MACRO("macro"),
  DOC("doc"),
  /** A resource type this version of the library does not know; see {@link Node#resourceTypeName()}. */
  OTHER("other");

  private final String dbtName;

  ResourceType(String dbtName) {
    this.dbtName = dbtName;
  }

  /** Returns the name dbt writes in {@code resource_type}, such as {@code semantic_model}. */
  public String dbtName() {
    return dbtName;
  }

  /**
   * Returns the resource type dbt names {@code name}, ignoring case.
   *
   * @param name a {@code resource_type} value
   * @return the type, or empty when dbt has no such type (or it is {@code other})
   */
  public static Optional<ResourceType> fromDbtName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (ResourceType type : values()) {
      if (type != OTHER && type.dbtName.equals(lower)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** Returns the dbt name. */
  @Override
  public String toString() {
    return dbtName;
  }
}
