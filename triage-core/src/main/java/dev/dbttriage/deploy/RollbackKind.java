package dev.dbttriage.deploy;

/** The rollback strategies of the deploy guide, fastest first. */
public enum RollbackKind {
  /** Swap the live relation with its Blue/Green copy (Snowflake {@code ALTER TABLE ... SWAP WITH}, or a schema or view swap). */
  BLUE_GREEN_SWAP,
  /** Restore from a zero-copy clone or time travel (Snowflake, Databricks Delta, BigQuery). */
  CLONE_TIME_TRAVEL,
  /** Check out the last green commit and rebuild the affected models with dbt; works on every engine. */
  REBUILD_LAST_GREEN
}
