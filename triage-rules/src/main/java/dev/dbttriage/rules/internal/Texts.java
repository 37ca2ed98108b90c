package dev.dbttriage.rules.internal;

/** Advice sentences shared by several packs, following the on-call runbook. */
final class Texts {
  static final String PERMISSION = "The service account lacks a grant: {grant}. Grant it once in the target "
      + "environment (not from dbt), then re-run the model.";
  static final String TIMEOUT = "The warehouse cancelled a long statement. Profile the compiled SQL of {model} "
      + "first (a missing partition filter or an unbounded join); do not just size the warehouse up.";
  static final String MISSING_COLUMN = "Column {column} is not there: check the compiled SQL of {model} "
      + "against the upstream model or source (renamed or removed upstream?); fix the model, then "
      + "`dbt run --select {model} --full-refresh` if it is incremental.";
  static final String MISSING_RELATION = "Relation {relation} does not exist (or the role cannot see it): "
      + "check that the upstream ran in this target, the database/schema/location names, and that "
      + "`dbt run --select +{model}` builds it first.";
  static final String MERGE = "The unique_key of {model} is not unique in the incoming batch: add a "
      + "deduplication CTE (row_number() over the key) before the merge, then re-run.";
  static final String SCHEMA_CHANGE = "The target schema of {model} differs from the model's output: set "
      + "on_schema_change: 'append_new_columns' or 'sync_all_columns', or run "
      + "`dbt run --select {model} --full-refresh`.";
  static final String WAREHOUSE = "The warehouse/cluster is not running: start it (check auto-suspend and "
      + "auto-resume settings), then re-run.";
  static final String SYNTAX = "The warehouse rejected the SQL (syntax or dialect: a function or form this "
      + "warehouse does not have, such as DATEADD vs DATE_ADD, ILIKE or array syntax). Run the compiled SQL of "
      + "{model} in the warehouse editor and fix it; prefer dbt's cross-database macros (dbt.dateadd, "
      + "dbt.datediff) for code that runs on several warehouses.";
  static final String TYPES = "A value or expression has the wrong type: compare column types upstream with "
      + "the compiled SQL of {model}; add explicit casts or fix the bad values upstream.";
  static final String DIVISION = "A division by zero in {model}: guard the divisor (nullif(x, 0)); the data "
      + "changed, so check upstream values.";
  static final String RESOURCES = "The warehouse ran out of resources (memory, disk, slots or quota): profile "
      + "the compiled SQL of {model} (spilling joins, missing filters) before resizing; quota errors clear "
      + "when the window resets.";
  static final String CONCURRENT = "Another writer or lock conflicted with this run: check for overlapping "
      + "scheduled runs on the same models, then retry.";
  static final String UNSUPPORTED = "The warehouse or connector does not support this operation: change the "
      + "materialization or SQL for this adapter.";
  static final String ALREADY_EXISTS = "An object already exists (often a leftover __dbt_tmp relation from a "
      + "failed run): drop it, then re-run {model}.";
  static final String CONNECTION = "dbt could not reach the warehouse or registry: run `dbt debug` to check "
      + "host, port, network, proxy and TLS settings; retry once the endpoint is reachable.";
  static final String CREDENTIALS = "The credentials were rejected (wrong, expired or revoked): run `dbt debug`; "
      + "rotate the secret, and use a service account, not personal credentials, in production.";
  static final String DATABASE_OTHER = "The warehouse rejected the SQL of {model}: run the compiled SQL in the "
      + "warehouse editor to see the full error.";

  private Texts() {}
}
