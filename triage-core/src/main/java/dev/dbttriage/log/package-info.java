/**
 * dbt's logs as an input next to the artifacts: {@code logs/dbt.log} of every dbt version (0.x text, the 1.0 to
 * 1.4 file format, the 1.5+ debug format, JSON lines, dbt Fusion) and console output as an orchestrator captures
 * it, split into invocations, with each node's status, timing and error text, the summary line, and whether the
 * invocation was killed.
 *
 * <p>{@link dev.dbttriage.log.LogReader} reads a log line by line with bounded memory; the result is a
 * {@link dev.dbttriage.log.DbtLog}. All types of this package are immutable and thread-safe.
 */
package dev.dbttriage.log;
