package dev.dbttriage.artifact;

/** The kinds of JSON artifact dbt writes into {@code target/}. */
public enum ArtifactKind {
  /** {@code manifest.json}: the project's nodes, their configs and dependencies. */
  MANIFEST("manifest"),
  /** {@code run_results.json}: the outcome of each node of one invocation. */
  RUN_RESULTS("run-results"),
  /** {@code sources.json}: the result of {@code dbt source freshness}. */
  SOURCES("sources"),
  /** {@code catalog.json}: the columns and stats the warehouse really has. */
  CATALOG("catalog");

  private final String schemaName;

  ArtifactKind(String schemaName) {
    this.schemaName = schemaName;
  }

  /** Returns the name dbt uses in its schema URLs, such as {@code run-results}. */
  public String schemaName() {
    return schemaName;
  }
}
