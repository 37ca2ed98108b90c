/**
 * dbt-triage: reads the artifacts a dbt run left in {@code target/}, finds the root causes behind a cascade of
 * skipped nodes, classifies each failure, sizes its blast radius and plans the smallest correct re-run.
 * {@link dev.dbttriage.Triage} is the entry point.
 */
package dev.dbttriage;
