package dev.dbttriage.classify;

/**
 * The subclass of a failure: the runbook's sub-cases that change the recovery path, plus the names
 * {@code LABELING.md} added. One subclass may appear under several {@link ErrorClass}es (for example
 * {@code CONCURRENT_MODIFICATION} under DATABASE for warehouse writer conflicts and under RUNTIME for local
 * file locks).
 */
public enum Subclass {
  /** The service account lacks a grant or IAM permission. */
  PERMISSION_DENIED,
  /** The warehouse or client cancelled a statement that ran too long. */
  STATEMENT_TIMEOUT,
  /** A column the SQL references does not exist. */
  MISSING_COLUMN,
  /** A table, view, schema, dataset or catalog does not exist. */
  MISSING_RELATION,
  /** A MERGE matched one target row with several source rows (unique_key not unique). */
  MERGE_CARDINALITY_VIOLATION,
  /** The target schema differs from the model's output (schema drift). */
  SCHEMA_CHANGE_NOT_ALLOWED,
  /** The warehouse, cluster or compute is stopped or unavailable. */
  WAREHOUSE_NOT_RUNNING,
  /** A syntax or dialect problem: a function or form this warehouse does not have. */
  SQL_SYNTAX,
  /** A value or expression has the wrong type, or a cast failed. */
  TYPE_MISMATCH,
  /** A division by zero. */
  DIVISION_BY_ZERO,
  /** Memory, disk, slots, quota or a workload-management limit ran out. */
  RESOURCE_EXHAUSTED,
  /** A lock, deadlock or conflicting concurrent writer. */
  CONCURRENT_MODIFICATION,
  /** Jinja that does not parse. */
  JINJA_SYNTAX,
  /** An undefined macro, variable or Jinja name. */
  UNDEFINED_MACRO_OR_VAR,
  /** Invalid project, schema or profile YAML or config. */
  INVALID_CONFIG,
  /** A ref() to a node that does not exist or is disabled. */
  REF_NOT_FOUND,
  /** A source() that is not defined. */
  SOURCE_NOT_FOUND,
  /** A package that is not installed, not found or broken. */
  PACKAGE_MISSING,
  /** A dependency cycle. */
  CYCLE,
  /** The profile or target named by the project is not in profiles.yml. */
  PROFILE_NOT_FOUND,
  /** Dbt could not reach the warehouse or a registry. */
  CONNECTION_FAILED,
  /** Credentials are missing or not usable (the runbook's name; built-in rules report CREDENTIALS_INVALID_OR_EXPIRED). */
  CREDENTIALS,
  /** Credentials were rejected: wrong, expired or revoked. */
  CREDENTIALS_INVALID_OR_EXPIRED,
  /** A not_null test found nulls. */
  NOT_NULL,
  /** A unique (or unique_combination_of_columns) test found duplicates. */
  UNIQUE,
  /** An accepted_values test found a value outside the list. */
  ACCEPTED_VALUES,
  /** A relationships test found orphan keys. */
  RELATIONSHIPS,
  /** A package, project generic or singular test failed. */
  CUSTOM_TEST,
  /** A unit test's actual rows differ from the expected rows. */
  UNIT_TEST,
  /** A model's enforced contract does not match its output. */
  CONTRACT_VIOLATION,
  /** A source is past its error_after threshold. */
  FRESHNESS_ERROR,
  /** A source is past its warn_after threshold. */
  FRESHNESS_WARN,
  /** The freshness query itself failed. */
  FRESHNESS_CHECK_ERROR,
  /** Dbt or an adapter crashed (a bare Python exception) or versions are incompatible. */
  INTERNAL_ERROR,
  /** A Python model failed while running. */
  PYTHON_MODEL_ERROR,
  /** Jinja parsed but failed while rendering (a value of the wrong type). */
  JINJA_RUNTIME_ERROR,
  /** Project code called raise_compiler_error. */
  USER_RAISED_ERROR,
  /** Env_var() without a default found no such environment variable. */
  ENV_VAR_MISSING,
  /** Package and dbt versions are incompatible. */
  PACKAGE_VERSION_CONFLICT,
  /** A doc() block that does not exist. */
  DOC_NOT_FOUND,
  /** Two resources share a name. */
  DUPLICATE_RESOURCE,
  /** A removed or deprecated macro or feature raised an error. */
  DEPRECATION,
  /** The warehouse or connector does not support the operation. */
  UNSUPPORTED_OPERATION,
  /** The BigQuery project has no billing (sandbox limits). */
  BILLING_NOT_ENABLED,
  /**
   * The warehouse account is suspended: unpaid billing, an ended trial, a locked account (Snowflake 000666).
   * Nothing dbt or a retry can change.
   */
  ACCOUNT_SUSPENDED,
  /**
   * The session has no warehouse or no database to run in (Snowflake 000606 "No active warehouse selected in the
   * current session"): the profile's {@code warehouse:}/{@code database:} or the role's default is missing.
   */
  NO_WAREHOUSE_OR_DATABASE,
  /**
   * Nodes the invocation selected have no result: the run crashed, was killed or timed out (set by triage, not by
   * a rule: no message says it).
   */
  NEVER_RAN,
  /** None of the above, or the message does not say. */
  OTHER;

  /**
   * Returns whether re-running unchanged can succeed for this sub-case, whatever a rule says: {@code TRANSIENT}
   * for dropped connections, a warehouse that is resuming and lock contention; {@code PERSISTENT} for what
   * must change first (grants, code, data, configuration, a suspended account or unpaid billing, no warehouse
   * in the session, and statement timeouts, which the runbook sends to profiling the compiled SQL: resizing only
   * delays the fix); {@code UNKNOWN} where the message decides.
   *
   * @return the sub-case's transience
   */
  public Transience defaultTransience() {
    switch (this) {
      case CONNECTION_FAILED:
      case WAREHOUSE_NOT_RUNNING:
      case CONCURRENT_MODIFICATION:
        return Transience.TRANSIENT;
      case RESOURCE_EXHAUSTED:
      case INTERNAL_ERROR:
      case NEVER_RAN:
      case OTHER:
        return Transience.UNKNOWN;
      default:
        return Transience.PERSISTENT;
    }
  }

  /** Returns whether this sub-case means the table's columns and the model's differ (a schema change). */
  public boolean schemaChange() {
    return this == SCHEMA_CHANGE_NOT_ALLOWED || this == MISSING_COLUMN || this == TYPE_MISMATCH;
  }

  /** Returns whether this sub-case is a data test's verdict on the data. */
  public boolean dataTest() {
    return this == NOT_NULL || this == UNIQUE || this == ACCEPTED_VALUES || this == RELATIONSHIPS
        || this == CUSTOM_TEST;
  }
}
