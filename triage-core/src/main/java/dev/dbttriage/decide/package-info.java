/**
 * Full refresh or not: {@link dev.dbttriage.decide.FullRefreshAdvisor} decides, for an incremental model, from
 * evidence (its config, the failure, a diff of the previous and current manifest, the warehouse's columns,
 * microbatch batch results and run history) whether to retry, rely on {@code on_schema_change}, full-refresh,
 * backfill a window, or do nothing, with the reasons, the commands to paste and the cost.
 *
 * <p>Every type here is immutable and thread-safe. Absence is {@code Optional} or an empty collection.
 */
package dev.dbttriage.decide;
