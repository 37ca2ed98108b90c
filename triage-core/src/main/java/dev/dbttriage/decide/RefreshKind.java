package dev.dbttriage.decide;

/** The kinds of full-refresh decision. */
public enum RefreshKind {
  /** A transient failure: run the model again unchanged ({@code dbt retry} or {@code dbt run --select m+}). */
  RETRY_AS_IS,
  /** A microbatch model with failed batches: re-run only those batches. */
  RETRY_FAILED_BATCHES,
  /** A new additive column: {@code on_schema_change} (append_new_columns or sync_all_columns) adds it; no refresh. */
  NO_REFRESH_SCHEMA_HANDLED,
  /** The table's history is invalid: rebuild it with {@code --full-refresh}. */
  FULL_REFRESH,
  /** Only a window of history is wrong, or the model is very large: rewrite a window, not the whole table. */
  TARGETED_BACKFILL,
  /** No refresh: existing rows stay correct, or the next scheduled run picks the change up. */
  NO_REFRESH,
  /** A failure a refresh would repeat (code, permissions, data): fix its cause, then run normally. */
  FIX_THEN_RUN,
  /** The artifacts given cannot tell; the reasons say which artifact would. */
  NEEDS_EVIDENCE,
  /** The model is not incremental: every run rebuilds it, so there is nothing to decide. */
  NOT_INCREMENTAL
}
