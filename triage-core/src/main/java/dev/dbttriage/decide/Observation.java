package dev.dbttriage.decide;

/**
 * What a person knows about a model that no dbt artifact records, given to the decision as evidence.
 */
public enum Observation {
  /** A bug produced wrong rows in the table's history (the fix is already in the model, or needs none). */
  HISTORY_WRONG,
  /** Historical source data was corrected upstream (late corrections, a re-delivered period). */
  SOURCE_HISTORY_CORRECTED,
  /** Only future rows will differ: existing rows stay correct (for example a new nullable column). */
  ONLY_FUTURE_ROWS_DIFFER,
  /** A new column must be filled for historic rows from data that already exists upstream. */
  NEW_COLUMN_NEEDS_BACKFILL
}
