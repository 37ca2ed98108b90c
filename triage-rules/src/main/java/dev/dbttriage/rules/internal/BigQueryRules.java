package dev.dbttriage.rules.internal;

import static dev.dbttriage.classify.ErrorClass.DATABASE;
import static dev.dbttriage.rules.internal.PatternRule.rule;

import dev.dbttriage.classify.Rule;
import dev.dbttriage.classify.Subclass;
import dev.dbttriage.classify.Transience;
import java.util.List;

/**
 * BigQuery: the documented error reasons ({@code accessDenied}, {@code notFound}, {@code invalidQuery},
 * {@code resourcesExceeded}, {@code quotaExceeded}, {@code billingNotEnabled}, ...) and the wording of their
 * messages ({@code Access Denied:}, {@code Not found:}, {@code Unrecognized name:}, {@code Syntax error:}).
 */
public final class BigQueryRules {
  private static final String TABLE = "(?:Table|Dataset|Project|View|Model|Routine|Job|Connection|Function)";

  private BigQueryRules() {}

  /** Returns the pack's rules. */
  public static List<Rule> rules() {
    return List.of(
        rule("bigquery.access-denied", DATABASE, Subclass.PERMISSION_DENIED)
            .summary("accessDenied: Access Denied / Permission ... denied (IAM), even with 'or it may not exist'")
            .priority(610)
            .match("\\bAccess Denied: ", "\\baccessDenied\\b", "(?i)\\bPermission bigquery\\.[a-zA-Z.]+ denied",
                "(?i)does not have (?:the )?(?:permission|bigquery\\.[a-zA-Z.]+ permission)",
                "(?i)User does not have permission to", "\\b403 [^\\n]{0,80}(?:Access Denied|denied)")
            .extract("(?i)\\b(?<priv>bigquery\\.[a-zA-Z]+\\.[a-zA-Z]+)",
                "Access Denied: " + TABLE + " (?<rel>[\\w.:-]+)")
            .advice(Texts.PERMISSION).dialect("bigquery")
            .build(),
        rule("bigquery.not-found", DATABASE, Subclass.MISSING_RELATION)
            .summary("notFound: Not found: Table/Dataset/Project ... (also a dataset in another location)")
            .priority(600)
            .match("\\bNot found: " + TABLE + "\\b", "\\bnotFound\\b",
                "(?i)\\b" + TABLE + " [\\w.:`-]+ was not found in location")
            .extract("Not found: " + TABLE + " (?<rel>[\\w.:`-]+)")
            .advice(Texts.MISSING_RELATION + " In BigQuery also check the dataset's location matches the "
                + "profile's `location:`.")
            .build(),
        rule("bigquery.unrecognized-name", DATABASE, Subclass.MISSING_COLUMN)
            .summary("invalidQuery: Unrecognized name / Name not found inside / field not in STRUCT")
            .priority(600)
            .match("\\bUnrecognized name: ", "\\bName [\\w`]+ not found inside\\b",
                "(?i)Field name [\\w`]+ does not exist in STRUCT")
            .extract("Unrecognized name: (?<col>[\\w`]+)", "Name (?<col>[\\w`]+) not found inside")
            .advice(Texts.MISSING_COLUMN)
            .build(),
        rule("bigquery.syntax-error", DATABASE, Subclass.SQL_SYNTAX)
            .summary("invalidQuery: Syntax error, a function this dialect does not have, ambiguous or ungrouped "
                + "columns")
            .priority(600)
            .match("\\bSyntax error: ", "\\bFunction not found: ", "(?i)Table-valued function not found",
                "\\bUnrecognized function\\b", "\\bColumn name [\\w`]+ is ambiguous\\b",
                "(?i)which is neither grouped nor aggregated", "(?i)Duplicate column names in the result are not "
                    + "supported", "(?i)Argument \\d+ to [A-Z_.]+ must be a (?:constant|literal)")
            .advice(Texts.SYNTAX + " (BigQuery: DATE_ADD/DATE_DIFF, backticks for table names.)")
            .build(),
        rule("bigquery.no-matching-signature", DATABASE, Subclass.TYPE_MISMATCH)
            .summary("invalidQuery: No matching signature, bad casts and values of the wrong type")
            .priority(600)
            .match("\\bNo matching signature for (?:function|operator|aggregate)",
                "(?i)\\bCould not cast (?:literal|[\\w ]+ value)",
                "(?i)\\bBad (?:int64|double|bool|numeric|bignumeric|float64) value",
                "\\bInvalid cast from [A-Z0-9_<>]+ to [A-Z0-9_<>]+",
                "(?i)Expected [^\\n]{0,40} value[^\\n]{0,60} received value of type",
                "(?i)\\bInvalid (?:timestamp|date|datetime|time) (?:string|value)?: ?'?",
                "(?i)has type [A-Z0-9<>]+ which cannot be inserted into column",
                "(?i)Failed to parse input (?:string|timestamp)", "(?i)Cannot coerce",
                "(?i)\\bCannot (?:read|write) [^\\n]{0,60} as [A-Z0-9]+")
            .advice(Texts.TYPES)
            .build(),
        rule("bigquery.division-by-zero", DATABASE, Subclass.DIVISION_BY_ZERO)
            .summary("Division by zero")
            .priority(600)
            .match("\\bdivision by zero:", "(?i)\\bDivision by zero\\b")
            .unless("Compilation Error|ZeroDivisionError")
            .advice(Texts.DIVISION)
            .build(),
        rule("bigquery.resources-exceeded", DATABASE, Subclass.RESOURCE_EXHAUSTED)
            .summary("resourcesExceeded/quotaExceeded/rateLimitExceeded: memory, bytes or quota limits")
            .priority(600)
            .match("\\b(?:resourcesExceeded|quotaExceeded|rateLimitExceeded|responseTooLarge|"
                    + "bytesBilledLimitExceeded)\\b",
                "(?i)Resources exceeded during query execution", "(?i)could not be executed in the allotted memory",
                "(?i)\\bQuota exceeded\\b", "(?i)Exceeded rate limits", "(?i)Query exceeded limit for bytes billed",
                "(?i)Response too large to return", "(?i)Query exceeded resource limits",
                "(?i)The query is too large\\. The maximum [^\\n]{0,40}query length")
            .advice(Texts.RESOURCES).transience(Transience.TRANSIENT)
            .build(),
        rule("bigquery.billing-not-enabled", DATABASE, Subclass.BILLING_NOT_ENABLED)
            .summary("billingNotEnabled: the project is a sandbox without billing (DML not allowed)")
            .priority(620)
            .match("\\bbillingNotEnabled\\b", "(?i)Billing has not been enabled",
                "(?i)not allowed in the free tier", "(?i)BigQuery sandbox")
            .advice("The BigQuery project has no billing account (sandbox): enable billing, or avoid DML and "
                + "incremental models (sandbox allows only SELECT and table creation with expiry).")
            .build(),
        rule("bigquery.timeout", DATABASE, Subclass.STATEMENT_TIMEOUT)
            .summary("The job or client timed out (designated timeout, 6-hour limit, job_execution_timeout)")
            .priority(600)
            .match("(?i)Operation did not complete within the designated timeout",
                "(?i)Operation timed out after [\\d.]+ hours", "(?i)Job (?:execution was cancelled: Job )?timed out",
                "(?i)\\bjobTimeout\\b|job_execution_timeout")
            .advice(Texts.TIMEOUT + " (BigQuery: raise job_execution_timeout_seconds only after profiling.)")
            .transience(Transience.TRANSIENT)
            .build(),
        rule("bigquery.schema-update", DATABASE, Subclass.SCHEMA_CHANGE_NOT_ALLOWED)
            .summary("Invalid schema update, cannot add/drop fields, changed partitioning (schema drift)")
            .priority(600)
            .match("(?i)Invalid schema update", "(?i)Cannot add fields", "(?i)Provided Schema does not match",
                "(?i)Schema update options should only be specified",
                "(?i)Cannot replace a table with a different (?:partitioning|clustering) spec",
                "(?i)Field [\\w`]+ has changed (?:type|mode)", "(?i)Incompatible table partitioning specification",
                "(?i)column [^\\n]{1,100} does not exist in [^\\n]{0,200}__dbt_tmp")
            .advice(Texts.SCHEMA_CHANGE)
            .build(),
        rule("bigquery.merge-multiple-matches", DATABASE, Subclass.MERGE_CARDINALITY_VIOLATION)
            .summary("UPDATE/MERGE must match at most one source row for each target row")
            .priority(600)
            .match("(?i)must match at most one source row for each target row")
            .advice(Texts.MERGE)
            .build(),
        rule("bigquery.concurrent-update", DATABASE, Subclass.CONCURRENT_MODIFICATION)
            .summary("Could not serialize access due to concurrent update; too many DML statements")
            .priority(600)
            .match("(?i)Could not serialize access to [^\\n]{0,200} due to concurrent update",
                "(?i)Transaction is aborted due to concurrent update",
                "(?i)too many DML statements outstanding")
            .advice(Texts.CONCURRENT).transience(Transience.TRANSIENT)
            .build(),
        rule("bigquery.already-exists", DATABASE, Subclass.OTHER)
            .summary("Already Exists: Table/Dataset")
            .priority(590)
            .match("\\bAlready Exists: " + TABLE, "\\bduplicate\\b: [^\\n]{0,40}already exists")
            .advice(Texts.ALREADY_EXISTS)
            .build());
  }
}
