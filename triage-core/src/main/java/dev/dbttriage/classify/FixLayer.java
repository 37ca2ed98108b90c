package dev.dbttriage.classify;

/** Where the fix for a failure lives (the runbook's "fix-it lives in" column, plus two refinements). */
public enum FixLayer {
  /** Your dbt code: Jinja, macros, YAML, config. */
  YOUR_CODE,
  /** Your SQL or the grants of the service account. */
  YOUR_SQL_OR_PERMISSIONS,
  /** Your refs, an upstream node that was renamed or deleted, or an uninstalled package. */
  REFS_OR_DELETED_UPSTREAM,
  /** The upstream data pipeline (late or broken ingestion). */
  UPSTREAM_DATA_PIPELINE,
  /** The data itself: a test found rows that break a rule. */
  DATA_QUALITY,
  /** The warehouse or infrastructure: compute, network, quotas. */
  WAREHOUSE_OR_INFRASTRUCTURE,
  /** The dbt environment: profiles.yml, credentials, environment variables, the dbt installation. */
  ENVIRONMENT,
  /** The run's orchestration: a scheduler's time-out, a killed pod, a crashed process. */
  ORCHESTRATION
}
