package dev.dbttriage.artifact;

/**
 * The stable code of an {@link ArtifactWarning}: what kind of leniency the reader applied. Codes are
 * {@code UPPER_SNAKE} names that scripts may match on; new codes may be added, existing ones keep their meaning.
 * Each code says whether the leniency can change findings ({@link #degradesFindings()}): a run whose results
 * could not all be read carries such a warning, and is never a clean run.
 */
public enum WarningCode {
  /** {@code metadata.dbt_schema_version} is absent but the content has the v1+ shape; read as v1+. */
  SCHEMA_VERSION_MISSING(false),
  /** The schema URL does not name a version this library can parse; read best-effort. */
  SCHEMA_URL_UNRECOGNISED(false),
  /** The schema version is newer than this library knows; read best-effort. */
  UNKNOWN_SCHEMA_VERSION(false),
  /** A result has no {@code status} (or a null one): its outcome is unknown. */
  RESULT_STATUS_MISSING(true),
  /** A result's {@code status} is not one dbt documents; kept raw as {@link RunStatus#UNKNOWN}. */
  UNKNOWN_STATUS(true),
  /** An element of {@code results} is null instead of an object, and was skipped. */
  RESULT_NOT_OBJECT(true),
  /** {@code results} is JSON null: no result could be read. */
  RESULTS_NULL(true),
  /** The file has no {@code results} at all: no result could be read. */
  RESULTS_MISSING(true),
  /** A manifest's {@code nodes} is JSON null: no model, seed, snapshot or test could be read. */
  NODES_NULL(true),
  /** A manifest has no {@code nodes} at all: no model, seed, snapshot or test could be read. */
  NODES_MISSING(true),
  /** A resource in a collection is JSON null instead of an object, and was skipped. */
  RESOURCE_NOT_OBJECT(true),
  /** A number is too large for a double ({@code 1e999}); the value was read as absent. */
  NUMBER_OUT_OF_RANGE(false),
  /** Bytes that are not UTF-8 were replaced by U+FFFD. */
  INVALID_UTF8(false),
  /** A result's {@code failures} is text that is not a number; the count was left unknown. */
  FAILURES_NOT_A_NUMBER(false),
  /** A line of a dbt log was longer than the log reader keeps (SQL or an event dictionary) and was cut. */
  LOG_LINE_TRUNCATED(false),
  /** Lines of a dbt log that start like JSON are not dbt log events and were skipped. */
  LOG_LINE_UNREADABLE(true),
  /** The results of a triage come from a dbt log (or a log added timing and messages to run_results.json). */
  LOG_RESULTS(false),
  /** The log's invocation was killed while nodes ran: dbt wrote no result for them or for what never started. */
  RUN_KILLED(false),
  /** Nodes a log names are not in the manifest and were left out of the results. */
  LOG_NODE_UNRESOLVED(true),
  /** There is no manifest: lineage is unknown, so blast radii and skip attribution are not known. */
  LINEAGE_UNKNOWN(false);

  private final boolean degradesFindings;

  WarningCode(boolean degradesFindings) {
    this.degradesFindings = degradesFindings;
  }

  /** Returns true when this leniency can make findings incomplete (an outcome or a resource was not read). */
  public boolean degradesFindings() {
    return degradesFindings;
  }
}
