package dev.dbttriage.classify;

/**
 * The runbook's six error classes: the layer the problem is at, decided by cause rather than by the header
 * dbt printed.
 */
public enum ErrorClass {
  /** Jinja, macros, variables, project YAML and config, contracts: the fix is in your code. */
  COMPILATION(FixLayer.YOUR_CODE),
  /** The warehouse rejected or failed the SQL: the fix is in your SQL or your permissions. */
  DATABASE(FixLayer.YOUR_SQL_OR_PERMISSIONS),
  /** Graph or package resolution: a ref to a renamed or deleted node, a missing package, a cycle. */
  DEPENDENCY(FixLayer.REFS_OR_DELETED_UPSTREAM),
  /** A {@code dbt source freshness} verdict: the upstream data pipeline is late. */
  FRESHNESS(FixLayer.UPSTREAM_DATA_PIPELINE),
  /** A data test returned failing rows: data quality. */
  TEST(FixLayer.DATA_QUALITY),
  /** The environment or dbt itself: profiles, connections, credentials, locks, crashes. */
  RUNTIME(FixLayer.WAREHOUSE_OR_INFRASTRUCTURE);

  private final FixLayer defaultFixLayer;

  ErrorClass(FixLayer defaultFixLayer) {
    this.defaultFixLayer = defaultFixLayer;
  }

  /**
   * Returns where the fix usually lives for this class (the runbook's "fix-it lives in" column).
   *
   * @return the default fix layer
   */
  public FixLayer defaultFixLayer() {
    return defaultFixLayer;
  }
}
