package dev.dbttriage.rules;

import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.classify.Subclass;
import java.util.List;

/**
 * One real message per built-in rule: either a record of the labelled dev set (read at test time from the
 * shared fixtures, never copied here) or a short error text quoted from the public issue or vendor page named in
 * {@code source}. Each example says which rule must match and what the classifier must decide.
 */
final class RuleExamples {
  /**
   * An example.
   *
   * @param ruleId the rule that must match
   * @param adapter the adapter, or null
   * @param devId the dev-set record id, or null when {@code message} is given
   * @param message the message, or null for dev-set examples
   * @param errorClass the expected class of the whole classification
   * @param subclass the expected subclass
   * @param source where the message comes from
   */
  record Example(String ruleId, String adapter, String devId, String message, ErrorClass errorClass,
      Subclass subclass, String source) {
    @Override
    public String toString() {
      return ruleId + (devId != null ? " <- dev:" + devId : " <- " + source);
    }
  }

  private static Example ex(String rule, String adapter, ErrorClass c, Subclass s, String source, String msg) {
    return new Example(rule, adapter, null, msg, c, s, source);
  }

  private static Example dev(String rule, String devId, ErrorClass c, Subclass s) {
    return new Example(rule, null, devId, null, c, s, "fixtures/errors/dev_errors.jsonl");
  }

  private static final ErrorClass DB = ErrorClass.DATABASE;
  private static final ErrorClass RT = ErrorClass.RUNTIME;
  private static final ErrorClass CO = ErrorClass.COMPILATION;
  private static final ErrorClass DE = ErrorClass.DEPENDENCY;
  private static final ErrorClass FR = ErrorClass.FRESHNESS;
  private static final ErrorClass TE = ErrorClass.TEST;

  private RuleExamples() {}

  static List<Example> all() {
    return List.of(
        // ---- generic dbt pack ----
        dev("dbt.credentials-rejected", "dbt-labs-dbt-fusion-288-1", RT, Subclass.CREDENTIALS_INVALID_OR_EXPIRED),
        dev("dbt.connection-failed", "dbt-labs-dbt-core-11877-1", RT, Subclass.CONNECTION_FAILED),
        dev("dbt.profile-not-found", "mrx112426-dbt_course_practice-dbt-l844-1", RT, Subclass.PROFILE_NOT_FOUND),
        dev("dbt.profiles-invalid", "dbt-labs-dbt-core-366-1", RT, Subclass.INVALID_CONFIG),
        dev("dbt.not-a-project", "asyrafmustaffa-01-medallion-azure-dbt-spark-dbt-l67-1", RT, Subclass.INVALID_CONFIG),
        dev("dbt.env-var-missing", "anjali2213-dbt-databricks-project-dbt-l232-1", CO, Subclass.ENV_VAR_MISSING),
        dev("dbt.package-version-conflict", "eyates93-dbt_course-dbt-l8074-1", DE, Subclass.PACKAGE_VERSION_CONFLICT),
        dev("dbt.package-missing", "dbt-labs-dbt-core-5294-1", DE, Subclass.PACKAGE_MISSING),
        dev("dbt.deps-registry", "datavault-uk-automate-dv-169-1", DE, Subclass.PACKAGE_MISSING),
        dev("dbt.ref-not-found", "mrx112426-dbt_course_practice-dbt-l16232-1", DE, Subclass.REF_NOT_FOUND),
        ex("dbt.unresolved-dependency", null, DE, Subclass.REF_NOT_FOUND,
            "dbt-core wording when ref() sits in a conditional block (core/dbt/context/providers.py)",
            "Compilation Error in model orders (models/orders.sql)\n  dbt was unable to infer all dependencies for "
                + "the model \"orders\".\n  This typically happens when ref() is placed within a conditional "
                + "block.\n  \n  To fix this, add the following hint to the top of the model \"orders\":\n  \n  "
                + "-- depends_on: {{ ref('stg_orders') }}"),
        dev("dbt.source-not-found", "aws-samples-dbt-glue-610-1", DE, Subclass.SOURCE_NOT_FOUND),
        dev("dbt.cycle", "dbt-labs-dbt-core-4733-1", DE, Subclass.CYCLE),
        ex("dbt.duplicate-resource", null, CO, Subclass.DUPLICATE_RESOURCE,
            "dbt-core DuplicateResourceNameError wording (core/dbt/exceptions.py)",
            "Compilation Error\n  dbt found two models with the name \"orders\".\n  \n  Since these resources have the "
                + "same name, dbt will be unable to find the correct resource\n  when looking for ref(\"orders\")."),
        ex("dbt.doc-not-found", null, CO, Subclass.DOC_NOT_FOUND,
            "dbt-core DocTargetNotFoundError wording (core/dbt/exceptions.py)",
            "Compilation Error\n  Documentation for 'model.jaffle_shop.orders' depends on doc 'orders_status' "
                + "which was not found"),
        ex("dbt.contract-violation", "postgres", CO, Subclass.CONTRACT_VIOLATION,
            "dbt-adapters ContractError wording (dbt/adapters/exceptions)",
            "Compilation Error in model dim_customers (models/dim_customers.sql)\n  This model has an enforced "
                + "contract that failed.\n  Please ensure the name, data_type, and number of columns in your "
                + "contract match the columns in your model's definition."),
        ex("dbt.on-schema-change-fail", "snowflake", CO, Subclass.SCHEMA_CHANGE_NOT_ALLOWED,
            "dbt-adapters macro process_schema_changes (on_schema_change: fail)",
            "Compilation Error in model fct_events (models/fct_events.sql)\n  The source and target schemas on "
                + "this incremental model are out of sync!\n  They can be reconciled in several ways:\n    - set the "
                + "`on_schema_change` config to either append_new_columns or sync_all_columns"),
        dev("dbt.deprecation", "kishan999-dbt-testing-dbt-l7289-1", CO, Subclass.DEPRECATION),
        dev("dbt.jinja-syntax", "dbt-labs-dbt-core-7746-1", CO, Subclass.JINJA_SYNTAX),
        dev("dbt.undefined-macro-or-var", "scalefreecom-datavault4dbt-35-1", CO, Subclass.UNDEFINED_MACRO_OR_VAR),
        dev("dbt.jinja-runtime", "dbt-labs-dbt-core-4596-1", CO, Subclass.JINJA_RUNTIME_ERROR),
        dev("dbt.user-raised", "z3z1ma-dbt-osmosis-274-1", CO, Subclass.USER_RAISED_ERROR),
        dev("dbt.invalid-config", "dbt-labs-dbt-core-8312-1", CO, Subclass.INVALID_CONFIG),
        dev("dbt.file-lock", "jenumerables-dbt-snowflake-dbt-l19023-1", RT, Subclass.CONCURRENT_MODIFICATION),
        dev("dbt.python-exception", "dbt-labs-dbt-core-2292-1", RT, Subclass.INTERNAL_ERROR),
        dev("dbt.freshness-stale", "tanookiverde-estudos-dbt-dbt-l1343-1", FR, Subclass.FRESHNESS_ERROR),
        dev("dbt.freshness-warn", "mrx112426-dbt_course_practice-dbt-l3041-1", FR, Subclass.FRESHNESS_WARN),
        dev("dbt.freshness-check-error", "daniel-obare-dbt-postgres-project-dbt-l10071-1", FR, Subclass.FRESHNESS_CHECK_ERROR),
        dev("dbt.freshness-failure-summary", "mrx112426-dbt_course_practice-dbt-l2576-1", FR, Subclass.FRESHNESS_ERROR),
        ex("dbt.progress-error", "postgres", DB, Subclass.OTHER,
            "dbt CLI progress line format (dbt-core events: LogModelResult)",
            "\u001b[0m10:51:21  1 of 3 ERROR creating sql table model dbt_dev.fct_orders ................ "
                + "[\u001b[31mERROR\u001b[0m in 0.21s]"),
        ex("dbt.database-error", "snowflake", DB, Subclass.OTHER,
            "Snowflake's documented JavaScript UDF error (100132), as dbt prints a Database Error",
            "Database Error in model stg (models/stg.sql)\n  100132 (P0000): JavaScript execution error: Uncaught "
                + "Error in my_udf at line 3"),
        // A session without a current database: the profile's database is missing, as with 000606's warehouse.
        ex("snowflake.no-warehouse-in-session", "snowflake", DB, Subclass.NO_WAREHOUSE_OR_DATABASE,
            "Snowflake error 090105, as dbt prints it (https://github.com/dbt-labs/dbt-snowflake/issues)",
            "Database Error in model stg_orders (models/stg_orders.sql)\n  090105 (22000): Cannot perform CREATE "
                + "VIEW. This session does not have a current database. Call 'USE DATABASE', or use a qualified "
                + "name."),
        ex("dbt.runtime-error-in-node", "spark", DB, Subclass.OTHER,
            "dbt-spark: Spark's 'Unable to infer schema' printed under Runtime Error",
            "Runtime Error in model raw_events (models/raw_events.sql)\n  Unable to infer schema for Parquet. It "
                + "must be specified manually."),
        ex("dbt.compilation-error", null, CO, Subclass.OTHER,
            "dbt-adapters ApproximateMatchError wording (dbt/adapters/exceptions/compilation.py)",
            "Compilation Error in model orders (models/orders.sql)\n  When searching for a relation, dbt found an "
                + "approximate match. Instead of guessing\n  which relation to use, dbt will move on. Please delete "
                + "\"ANALYTICS\".\"DBT\".\"orders\", or rename it to be less ambiguous."),
        dev("dbt.encountered-error", "dbt-labs-dbt-core-2292-1", RT, Subclass.INTERNAL_ERROR),
        ex("dbt.python-model", "databricks", DB, Subclass.PYTHON_MODEL_ERROR,
            "dbt-databricks python job helper ('Python model failed with traceback as:')",
            "Database Error in model my_python_model (models/my_python_model.py)\n  Python model failed with "
                + "traceback as:\n  (Note that the line number here does not match the line number in your code "
                + "due to dbt templating)\n  ZeroDivisionError: division by zero"),
        dev("fusion.static-analysis-missing-column", "dbt-labs-dbt-fusion-1084-1", CO, Subclass.MISSING_COLUMN),
        dev("dbt.test-failure", "aagottes-dbtlearn2-dbt-l8508-1", TE, Subclass.ACCEPTED_VALUES),
        // freshness-status is decided from a sources.json status; see BuiltInRulesTest.
        // ---- SQLSTATE pack ----
        dev("sqlstate.insufficient-privilege", "dbt-labs-dbt-external-tables-214-1", DB, Subclass.PERMISSION_DENIED),
        dev("sqlstate.undefined-table", "dbt-labs-dbt-redshift-365-1", DB, Subclass.MISSING_RELATION),
        dev("sqlstate.undefined-column", "diegovski02-dbt_bbva-dbt-l41255-1", DB, Subclass.MISSING_COLUMN),
        ex("sqlstate.syntax-error", "redshift", DB, Subclass.SQL_SYNTAX,
            "redshift_connector error dict (https://github.com/aws/amazon-redshift-python-driver)",
            "Database Error in model m (models/m.sql)\n  {'S': 'ERROR', 'C': '42601', 'M': 'syntax error at or near "
                + "\"from\"', 'P': '25', 'F': '../src/pg/src/backend/parser/parser_scan.l', 'L': '719', "
                + "'R': 'yyerror'}"),
        ex("sqlstate.data-exception", "redshift", DB, Subclass.TYPE_MISMATCH,
            "redshift_connector error dict; Postgres 22P02 wording",
            "Database Error in model m (models/m.sql)\n  {'S': 'ERROR', 'C': '22P02', 'M': 'invalid input syntax "
                + "for integer: \"abc\"', 'F': '../src/pg/src/backend/utils/adt/numutils.c', 'L': '104'}"),
        ex("sqlstate.division-by-zero", "redshift", DB, Subclass.DIVISION_BY_ZERO,
            "redshift_connector error dict; Postgres 22012 wording",
            "Database Error in model m (models/m.sql)\n  {'S': 'ERROR', 'C': '22012', 'M': 'division by zero', "
                + "'F': '../src/pg/src/backend/utils/adt/int.c', 'L': '812'}"),
        dev("sqlstate.query-canceled", "dbt-labs-dbt-core-2570-1", DB, Subclass.STATEMENT_TIMEOUT),
        ex("sqlstate.transaction-rollback", "redshift", DB, Subclass.CONCURRENT_MODIFICATION,
            "redshift_connector error dict; Postgres 40P01 wording",
            "Database Error in model m (models/m.sql)\n  {'S': 'ERROR', 'C': '40P01', 'M': 'deadlock detected', "
                + "'D': 'Process 123 waits for AccessExclusiveLock on relation 100 of database 1'}"),
        ex("sqlstate.insufficient-resources", "postgres", DB, Subclass.RESOURCE_EXHAUSTED,
            "Postgres 53100 disk_full (https://www.postgresql.org/docs/current/errcodes-appendix.html)",
            "Database Error in model m (models/m.sql)\n  {'S': 'ERROR', 'C': '53100', 'M': 'could not extend file "
                + "\"base/16384/2608\": No space left on device'}"),
        ex("sqlstate.duplicate-object", "snowflake", DB, Subclass.OTHER,
            "Snowflake 002002 (42710) as printed by dbt-snowflake",
            "Database Error in model orders (models/orders.sql)\n  002002 (42710): SQL compilation error:\n  Object "
                + "'ORDERS' already exists."),
        ex("sqlstate.feature-not-supported", "snowflake", DB, Subclass.UNSUPPORTED_OPERATION,
            "Snowflake 000002 (0A000) Unsupported feature",
            "Database Error in model m (models/m.sql)\n  000002 (0A000): Unsupported feature 'lateral table "
                + "function called with OUTER JOIN syntax or a join predicate (ON clause)'."),
        ex("sqlstate.invalid-authorization", "redshift", RT, Subclass.CREDENTIALS_INVALID_OR_EXPIRED,
            "redshift_connector error dict; Postgres 28P01 wording",
            "Database Error\n  {'S': 'FATAL', 'C': '28P01', 'M': 'password authentication failed for user \"dbt\"'}"),
        // ---- Snowflake ----
        ex("snowflake.object-does-not-exist", "snowflake", DB, Subclass.MISSING_RELATION,
            "https://github.com/vdesabou/kafka-docker-playground/issues/7348",
            "002003 (42S02): SQL compilation error:\nObject 'PGDBRUNNER810.PUBLIC.FOO' does not exist or not "
                + "authorized."),
        dev("snowflake.invalid-identifier", "snowflake-labs-sfquickstarts-367-1", DB, Subclass.MISSING_COLUMN),
        dev("snowflake.insufficient-privileges", "dbt-labs-dbt-external-tables-214-1", DB,
            Subclass.PERMISSION_DENIED),
        // 000606 is a session without a warehouse (the profile's warehouse: is missing), not a stopped one.
        ex("snowflake.no-warehouse-in-session", "snowflake", DB, Subclass.NO_WAREHOUSE_OR_DATABASE,
            "https://github.com/Snowflake-Labs/OpenLineage-AccessHistory-Setup/issues/14",
            "snowflake.connector.errors.ProgrammingError: 000606 (57P03): 01a503b0-0401-997d-0001-0003016c457e: No "
                + "active warehouse selected in the current session.  Select an active warehouse with the 'use "
                + "warehouse' command."),
        ex("snowflake.no-active-warehouse", "snowflake", DB, Subclass.WAREHOUSE_NOT_RUNNING,
            "Snowflake documentation, error 390201 (the wording the connector prints)",
            "390201 (08004): The requested warehouse does not exist or not authorized."),
        ex("snowflake.account-suspended", "snowflake", dev.dbttriage.classify.ErrorClass.RUNTIME,
            Subclass.ACCOUNT_SUSPENDED,
            "Snowflake community: 'Your free trial has ended' (error 000666 when a trial account's warehouses stop)",
            "000666 (57014): Your free trial has ended and all of your virtual warehouses have been suspended. Add "
                + "billing information in the Snowflake web UI to continue using the full set of Snowflake features."),
        dev("snowflake.statement-timeout", "dbt-labs-dbt-core-2570-1", DB, Subclass.STATEMENT_TIMEOUT),
        dev("snowflake.duplicate-row-in-merge", "dbt-labs-dbt-core-2034-1", DB,
            Subclass.MERGE_CARDINALITY_VIOLATION),
        dev("snowflake.syntax-error", "nigel-brown-learn-dbt-dbt-l18687-1", DB, Subclass.SQL_SYNTAX),
        ex("snowflake.type-mismatch", "snowflake", DB, Subclass.TYPE_MISMATCH,
            "https://github.com/brooklyn-data/dbt_artifacts/issues/219",
            "Database error while running on-run-end\nDatabase Error\n  100038 (22018): Numeric value '' is not "
                + "recognized Code: 10003"),
        ex("snowflake.division-by-zero", "snowflake", DB, Subclass.DIVISION_BY_ZERO,
            "Snowflake 100051 (22012) as printed by dbt-snowflake",
            "Database Error in model margins (models/margins.sql)\n  100051 (22012): Division by zero"),
        ex("snowflake.insert-column-count", "snowflake", DB, Subclass.SCHEMA_CHANGE_NOT_ALLOWED,
            "Snowflake 002020 (21S01) as printed by dbt-snowflake",
            "Database Error in model fct_orders (models/fct_orders.sql)\n  002020 (21S01): SQL compilation error:\n"
                + "  Insert value list does not match column list expecting 12 but got 13"),
        ex("snowflake.lock-conflict", "snowflake", DB, Subclass.CONCURRENT_MODIFICATION,
            "Snowflake 000625 (57014) lock wording",
            "Database Error in model fct_orders (models/fct_orders.sql)\n  000625 (57014): Statement "
                + "'01ab23cd-0000-1111-0000-000123456789' has locked table 'FCT_ORDERS' in transaction "
                + "1690000000000 and this lock has not yet been released."),
        ex("snowflake.python-interpreter", "snowflake", DB, Subclass.PYTHON_MODEL_ERROR,
            "https://github.com/dbt-labs/dbt-core/issues/6418",
            "00:11:05 Database Error in model my_python_v2 (dbt/models/my_python_v2.py)\n00:11:05 100357 (P0000): "
                + "Python Interpreter Error:\n00:11:05 Traceback (most recent call last):\n00:11:05 File "
                + "\"_udf_code.py\", line 9, in <module>\n00:11:05 ModuleNotFoundError: No module named 'requests'"),
        ex("snowflake.internal-error", "snowflake", RT, Subclass.INTERNAL_ERROR,
            "https://github.com/brooklyn-data/dbt_artifacts/issues/109",
            "Database Error in model fct_dbt__critical_path (models/fct_dbt__critical_path.sql)\n  Processing "
                + "aborted due to error 300010:391167117; incident 7185034."),
        ex("trino.internal-error-transient", "trino", RT, Subclass.INTERNAL_ERROR,
            "https://github.com/mitodl/ol-data-platform/issues/685",
            "Database Error in model __micromasters_course_certificates_dedp_from_micromasters (models/intermediate/"
                + "micromasters/subqueries/__micromasters_course_certificates_dedp_from_micromasters.sql)\n"
                + "TrinoQueryError(type=INTERNAL_ERROR, name=GENERIC_INTERNAL_ERROR, message=\"Failed communicating "
                + "with server: https://mitol.galaxy.starburst.io/api/v1/galaxy/security/trino/entity/table/"
                + "c-4004614063/ol_warehouse_production_intermediate/__micromasters_course_certificates_dedp_from_"
                + "micromasters__dbt_tmp/:create\", query_id=20230516_090255_15910_3thya)"),
        ex("trino.internal-error", "trino", RT, Subclass.INTERNAL_ERROR,
            "Trino error code GENERIC_INTERNAL_ERROR (type INTERNAL_ERROR), io.trino.spi.StandardErrorCode, in the "
                + "shape dbt-trino prints a TrinoQueryError",
            "Database Error in model stg_events (models/stg_events.sql)\n  TrinoQueryError(type=INTERNAL_ERROR, "
                + "name=GENERIC_INTERNAL_ERROR, message=\"Could not serialize column 'payload' of type "
                + "'row(a integer)' at position 1:2\", query_id=20240101_000000_00001_abcde)"),
        ex("databricks.jvm-linkage-error", "spark", RT, Subclass.INTERNAL_ERROR,
            "dbt-spark 0.19 log of Data-drone/nyc_taxi_dbt (fixtures/logs, Apache-2.0): a Delta jar missing on the "
                + "Thrift server",
            "Runtime Error in test not_null_daily_trips_date (models/schema.yml)\n  Database Error\n    "
                + "org.apache.hive.service.cli.HiveSQLException: Error running query: java.lang.NoClassDefFoundError: "
                + "org/apache/spark/sql/delta/sources/DeltaSourceUtils$\n    Caused by: java.lang.NoClassDefFoundError: "
                + "org/apache/spark/sql/delta/sources/DeltaSourceUtils$"),
        ex("dbt.unhandled-error", "snowflake", RT, Subclass.INTERNAL_ERROR,
            "https://github.com/dbt-labs/dbt-snowflake/issues/296",
            "Unhandled error while executing test.proj.not_null_orders_id.4160c5e7fe\n252005: Failed to convert "
                + "current row, cause: [Snowflake Exception] unknown arrow internal data type(160100344) for FIXED "
                + "data"),
        ex("snowflake.already-exists", "snowflake", DB, Subclass.OTHER,
            "Snowflake 002002 (42710) as printed by dbt-snowflake",
            "Database Error in model orders (models/orders.sql)\n  002002 (42710): SQL compilation error:\n  Object "
                + "'ORDERS' already exists."),
        ex("snowflake.unsupported-feature", "snowflake", DB, Subclass.UNSUPPORTED_OPERATION,
            "Snowflake 000002 (0A000) Unsupported feature",
            "Database Error in model m (models/m.sql)\n  000002 (0A000): Unsupported feature 'lateral table "
                + "function called with OUTER JOIN syntax or a join predicate (ON clause)'."),
        ex("snowflake.resources", "snowflake", DB, Subclass.RESOURCE_EXHAUSTED,
            "Snowflake 100082 Max LOB size wording",
            "Database Error in model big_json (models/big_json.sql)\n  100082 (22000): Max LOB size (16777216) "
                + "exceeded, actual size of parsed column is 17344810."),
        // ---- BigQuery ----
        dev("bigquery.access-denied", "cal-itp-data-infra-3995-1", DB, Subclass.PERMISSION_DENIED),
        dev("bigquery.not-found", "doviec-ga_retail_project-dbt-l17201-1", DB, Subclass.MISSING_RELATION),
        dev("bigquery.unrecognized-name", "doviec-ga_retail_project-dbt-l29500-1", DB, Subclass.MISSING_COLUMN),
        dev("bigquery.syntax-error", "openlineage-openlineage-run_results-1", DB, Subclass.SQL_SYNTAX),
        dev("bigquery.no-matching-signature", "yu-iskw-dbt-artifacts-parser-run_results-1", DB, Subclass.TYPE_MISMATCH),
        ex("bigquery.division-by-zero", "bigquery", DB, Subclass.DIVISION_BY_ZERO,
            "BigQuery 'division by zero: a / b' wording (SAFE_DIVIDE docs)",
            "Database Error in model margins (models/margins.sql)\n  division by zero: 1 / 0\n  compiled Code at "
                + "target/run/shop/models/margins.sql"),
        ex("bigquery.resources-exceeded", "bigquery", DB, Subclass.RESOURCE_EXHAUSTED,
            "https://github.com/Velir/dbt-ga4/issues/229",
            "03:32:07  Database Error in model dim_ga4__sessions_daily (models/marts/core/dim_ga4__sessions_daily.sql)"
                + "\n03:32:07    Resources exceeded during query execution: The query could not be executed in the "
                + "allotted memory. Peak usage: 123% of limit."),
        ex("bigquery.billing-not-enabled", "bigquery", DB, Subclass.BILLING_NOT_ENABLED,
            "https://github.com/vyasadi/Free_Code_Camp_Material/issues/1",
            "Billing has not been enabled for this project. Enable billing at "
                + "https://console.cloud.google.com/billing. DML queries are not allowed in the free tier. Set up a "
                + "billing account to remove this restriction."),
        dev("bigquery.timeout", "dbt-labs-dbt-bigquery-1246-1", DB, Subclass.STATEMENT_TIMEOUT),
        dev("bigquery.schema-update", "bqbooster-dbt-bigquery-monitoring-181-1", DB, Subclass.SCHEMA_CHANGE_NOT_ALLOWED),
        ex("bigquery.merge-multiple-matches", "bigquery", DB, Subclass.MERGE_CARDINALITY_VIOLATION,
            "https://github.com/dbt-labs/dbt-core/issues/1599",
            "Database Error in snapshot orders_snapshot (snapshots/orders_snapshot.sql)\n  UPDATE/MERGE must match "
                + "at most one source row for each target row"),
        ex("bigquery.concurrent-update", "bigquery", DB, Subclass.CONCURRENT_MODIFICATION,
            "BigQuery DML concurrency wording (https://cloud.google.com/bigquery/docs/data-manipulation-language)",
            "Database Error in model fct_orders (models/fct_orders.sql)\n  Could not serialize access to table "
                + "my-project:analytics.fct_orders due to concurrent update"),
        ex("bigquery.already-exists", "bigquery", DB, Subclass.OTHER,
            "BigQuery 409 Already Exists (https://cloud.google.com/bigquery/docs/error-messages)",
            "Database Error in model orders (models/orders.sql)\n  409 Already Exists: Table "
                + "my-project:analytics.orders"),
        // ---- Databricks / Spark ----
        ex("databricks.table-or-view-not-found", "databricks", DB, Subclass.MISSING_RELATION,
            "https://github.com/t8y2/dbx/issues/7407",
            "org.apache.spark.sql.catalyst.ExtendedAnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view "
                + "`sales`.`ads_veeva_target_customer_new_df` cannot be found. Verify the spelling and correctness "
                + "of the schema and catalog."),
        dev("databricks.unresolved-column", "elementary-data-elementary-1538-1", DB,
            Subclass.MISSING_COLUMN),
        dev("databricks.insufficient-permissions", "databricks-dbt-databricks-838-1", DB,
            Subclass.PERMISSION_DENIED),
        ex("databricks.merge-cardinality", "databricks", DB, Subclass.MERGE_CARDINALITY_VIOLATION,
            "https://github.com/delta-io/delta/issues/218",
            "java.lang.UnsupportedOperationException: Cannot perform MERGE as multiple source rows matched and "
                + "attempted to update the same target row in the Delta table."),
        ex("databricks.schema-change", "databricks", DB, Subclass.SCHEMA_CHANGE_NOT_ALLOWED,
            "https://github.com/databricks/dbt-databricks/issues/725",
            "07:55:15    Runtime Error in model base_source_columns (models/staging/graph/base/base_source_columns.sql)"
                + "\n  [_LEGACY_ERROR_TEMP_DELTA_0007] A schema mismatch detected when writing to the Delta table "
                + "(Table ID: da497304-2797-46fe-9185-037ee80ec708)."),
        ex("databricks.concurrent-modification", "databricks", DB, Subclass.CONCURRENT_MODIFICATION,
            "Delta isolation-level docs (ConcurrentAppendException)",
            "Runtime Error in model fct_events (models/fct_events.sql)\n  [DELTA_CONCURRENT_APPEND] "
                + "ConcurrentAppendException: Files were added to the root of the table by a concurrent update. "
                + "Please try the operation again."),
        ex("databricks.warehouse-not-running", "databricks", DB, Subclass.WAREHOUSE_NOT_RUNNING,
            "on-call runbook (seeds/000): Databricks WAREHOUSE_NOT_RUNNING",
            "Database Error in model fct_orders (models/fct_orders.sql)\n  [WAREHOUSE_NOT_RUNNING] The SQL warehouse "
                + "is not running."),
        dev("databricks.parse-error", "tanmay-developer-historical-dbtvault-dbt-l409-1", DB, Subclass.SQL_SYNTAX),
        ex("databricks.type-mismatch", "databricks", DB, Subclass.TYPE_MISMATCH,
            "Spark error condition CAST_INVALID_INPUT",
            "Runtime Error in model stg_orders (models/stg_orders.sql)\n  [CAST_INVALID_INPUT] The value 'abc' of "
                + "the type \"STRING\" cannot be cast to \"INT\" because it is malformed."),
        ex("databricks.divide-by-zero", "databricks", DB, Subclass.DIVISION_BY_ZERO,
            "Spark error condition DIVIDE_BY_ZERO",
            "Runtime Error in model margins (models/margins.sql)\n  [DIVIDE_BY_ZERO] Division by zero. Use "
                + "`try_divide` to tolerate divisor being 0 and return NULL instead."),
        ex("databricks.resources", "spark", DB, Subclass.RESOURCE_EXHAUSTED,
            "Spark executor OOM wording",
            "Runtime Error in model big_join (models/big_join.sql)\n  Database Error\n    "
                + "org.apache.hive.service.cli.HiveSQLException: Error running query: "
                + "org.apache.spark.SparkException: Job aborted due to stage failure: java.lang.OutOfMemoryError: "
                + "Java heap space"),
        ex("databricks.already-exists", "databricks", DB, Subclass.OTHER,
            "Spark error condition TABLE_OR_VIEW_ALREADY_EXISTS",
            "Runtime Error in model orders (models/orders.sql)\n  [TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create table "
                + "or view `main`.`dbt`.`orders` because it already exists."),
        ex("databricks.unsupported", "databricks", DB, Subclass.UNSUPPORTED_OPERATION,
            "Spark error condition UNSUPPORTED_FEATURE",
            "Runtime Error in model orders (models/orders.sql)\n  [UNSUPPORTED_FEATURE.TABLE_OPERATION] The feature is "
                + "not supported: Table `spark_catalog`.`default`.`orders` does not support REPLACE TABLE AS SELECT."),
        ex("databricks.timeout", "databricks", DB, Subclass.STATEMENT_TIMEOUT,
            "Databricks SQL statement_timeout error condition",
            "Database Error in model big (models/big.sql)\n  [QUERY_EXECUTION_TIMEOUT_EXCEEDED] Query execution was "
                + "cancelled due to exceeding the timeout (3600s)."),
        dev("databricks.hive-error", "tanmay-developer-historical-dbtvault-dbt-l409-1", DB, Subclass.SQL_SYNTAX),
        // ---- Postgres / Redshift ----
        dev("postgres.permission-denied", "dbt-labs-dbt-core-7177-1", DB, Subclass.PERMISSION_DENIED),
        dev("postgres.relation-does-not-exist", "dbt-labs-dbt-redshift-365-1", DB,
            Subclass.MISSING_RELATION),
        ex("postgres.column-in-tmp-does-not-exist", "postgres", DB, Subclass.SCHEMA_CHANGE_NOT_ALLOWED,
            "Postgres 42703 wording on INSERT into the target of an incremental model",
            "Database Error in model fct_orders (models/fct_orders.sql)\n  column \"discount\" of relation "
                + "\"fct_orders\" does not exist\n  LINE 3: (\"order_id\", \"amount\", \"discount\")"),
        dev("postgres.column-does-not-exist", "tanmay-developer-historical-dbtvault-dbt-l24271-1", DB, Subclass.MISSING_COLUMN),
        dev("postgres.function-does-not-exist", "fivetran-dbt_github-25-1", DB, Subclass.SQL_SYNTAX),
        ex("postgres.view-columns-changed", "postgres", DB, Subclass.SCHEMA_CHANGE_NOT_ALLOWED,
            "Postgres CREATE OR REPLACE VIEW wording (src/backend/commands/view.c)",
            "Database Error in model stg_orders (models/stg_orders.sql)\n  cannot drop columns from view"),
        ex("postgres.operator-does-not-exist", "postgres", DB, Subclass.TYPE_MISMATCH,
            "Postgres 42883 operator wording",
            "Database Error in model orders (models/orders.sql)\n  operator does not exist: integer = text\n  LINE 12: "
                + "on o.customer_id = c.id\n  HINT:  No operator matches the given name and argument types. You "
                + "might need to add explicit type casts."),
        ex("postgres.syntax-error", "postgres", DB, Subclass.SQL_SYNTAX,
            "Postgres 42601 wording",
            "Database Error in model orders (models/orders.sql)\n  syntax error at or near \"from\"\n  LINE 5: from "
                + "orders"),
        ex("postgres.statement-timeout", "postgres", DB, Subclass.STATEMENT_TIMEOUT,
            "Postgres 57014 wording",
            "Database Error in model big (models/big.sql)\n  canceling statement due to statement timeout"),
        dev("postgres.division-by-zero", "fivetran-dbt_stripe-86-1", DB, Subclass.DIVISION_BY_ZERO),
        ex("postgres.concurrency", "redshift", DB, Subclass.CONCURRENT_MODIFICATION,
            "Redshift error 1023 wording",
            "Database Error in model fct (models/fct.sql)\n  1023\n  DETAIL: Serializable isolation violation on "
                + "table - 123456, transactions forming the cycle are: 1, 2 (pid:3)"),
        dev("postgres.resources", "fivetran-dbt_zendesk-76-1", DB, Subclass.RESOURCE_EXHAUSTED),
        ex("postgres.already-exists", "postgres", DB, Subclass.OTHER,
            "Postgres 42P07 wording",
            "Database Error in model orders (models/orders.sql)\n  relation \"orders__dbt_tmp\" already exists"),
        ex("postgres.merge-cardinality", "postgres", DB, Subclass.MERGE_CARDINALITY_VIOLATION,
            "Postgres 21000 wording",
            "Database Error in model dim (models/dim.sql)\n  MERGE command cannot affect row a second time\n  HINT:  "
                + "Ensure that not more than one source row matches any one target row."),
        ex("redshift.unsupported", "redshift", DB, Subclass.UNSUPPORTED_OPERATION,
            "Redshift correlated subquery limitation wording",
            "Database Error in model m (models/m.sql)\n  This type of correlated subquery pattern is not supported "
                + "due to internal error"),
        ex("redshift.leader-node-function", "redshift", DB, Subclass.SQL_SYNTAX,
            "Redshift leader-node-only function wording",
            "Database Error in model m (models/m.sql)\n  Specified types or functions (one per INFO message) not "
                + "supported on Redshift tables."),
        // ---- DuckDB ----
        dev("duckdb.catalog-missing-relation", "adamatito-dbt-etl-pipeline-duckdb-dbt-l798-1", DB, Subclass.MISSING_RELATION),
        ex("duckdb.catalog-missing-relation", "duckdb", DB, Subclass.MISSING_RELATION,
            "medsidd/whyline-denver dbt/target/run_results.json @bcaf495 (fixtures/artifacts, MIT)",
            "Runtime Error in model stg_acs_geo (models/staging/stg_acs_geo.sql)\n  Binder Error: Catalog "
                + "\"demo-project\" does not exist!"),
        ex("duckdb.catalog-missing-function", "duckdb", DB, Subclass.SQL_SYNTAX,
            "DuckDB Catalog Error wording",
            "Runtime Error in model stg (models/stg.sql)\n  Catalog Error: Scalar Function with name dateadd does "
                + "not exist!\n  Did you mean \"date_add\"?"),
        dev("duckdb.binder-missing-column", "adamatito-dbt-etl-pipeline-duckdb-dbt-l1383-1", DB, Subclass.MISSING_COLUMN),
        ex("duckdb.binder-missing-table", "duckdb", DB, Subclass.MISSING_RELATION,
            "DuckDB Binder Error wording",
            "Runtime Error in model stg (models/stg.sql)\n  Binder Error: Referenced table \"o\" not found!\n  "
                + "Candidate tables: \"orders\""),
        dev("duckdb.infinite-recursion", "manu639-duckdb_dbt-dbt-l950-1", DB, Subclass.CYCLE),
        ex("duckdb.binder-function-types", "duckdb", DB, Subclass.TYPE_MISMATCH,
            "DuckDB Binder Error wording",
            "Runtime Error in model stg (models/stg.sql)\n  Binder Error: No function matches the given name and "
                + "argument types 'date_diff(STRING_LITERAL, DATE, VARCHAR)'. You might need to add explicit type "
                + "casts."),
        ex("duckdb.conversion-error", "duckdb", DB, Subclass.TYPE_MISMATCH,
            "DuckDB Conversion Error wording",
            "Runtime Error in model stg (models/stg.sql)\n  Conversion Error: Could not convert string 'abc' to "
                + "INT32"),
        ex("duckdb.parser-error", "duckdb", DB, Subclass.SQL_SYNTAX,
            "DuckDB Parser Error wording",
            "Runtime Error in model stg (models/stg.sql)\n  Parser Error: syntax error at or near \"from\""),
        ex("duckdb.out-of-memory", "duckdb", DB, Subclass.RESOURCE_EXHAUSTED,
            "DuckDB Out of Memory Error wording",
            "Runtime Error in model big (models/big.sql)\n  Out of Memory Error: could not allocate block of size "
                + "256.0 KiB (12.7 GiB/12.7 GiB used)"),
        ex("duckdb.transaction-conflict", "duckdb", DB, Subclass.CONCURRENT_MODIFICATION,
            "DuckDB TransactionContext Error wording",
            "Runtime Error in model orders (models/orders.sql)\n  TransactionContext Error: Catalog write-write "
                + "conflict on create with \"orders\""),
        ex("duckdb.not-implemented", "duckdb", DB, Subclass.UNSUPPORTED_OPERATION,
            "DuckDB Not implemented Error wording",
            "Runtime Error in model orders (models/orders.sql)\n  Not implemented Error: ALTER TABLE ... ALTER "
                + "COLUMN with a default value is not supported yet"),
        ex("duckdb.catalog-already-exists", "duckdb", DB, Subclass.OTHER,
            "DuckDB Catalog Error wording",
            "Runtime Error in model orders (models/orders.sql)\n  Catalog Error: Table with name \"orders\" already "
                + "exists!"),
        ex("duckdb.permission", "duckdb", DB, Subclass.PERMISSION_DENIED,
            "DuckDB httpfs HTTP Error wording",
            "Runtime Error in model raw (models/raw.sql)\n  HTTP Error: HTTP GET error on "
                + "'https://bucket.s3.amazonaws.com/raw/orders.parquet' (HTTP 403)"),
        // ---- MySQL / MariaDB, ClickHouse, Oracle, AWS Glue ----
        ex("mysql.syntax-error", "mysql", DB, Subclass.SQL_SYNTAX,
            "fixtures/artifacts/Aasma-Aas_Kasper_Sindri_Media/1.7.17_a59c85e/run_results.json (dbt-mysql)",
            "Database Error in model macro_pro (models/sindri_media_sites\\macro_pro.sql)\n  1064 (42000): You have an "
                + "error in your SQL syntax; check the manual that corresponds to your MySQL server version for the "
                + "right syntax to use near 'CREATE DEFINER=`Site`@`%` PROCEDURE `prod`.`tactical_userneeds_clicks_cha'"
                + " at line 1"),
        ex("mysql.missing-relation", "mysql", DB, Subclass.MISSING_RELATION,
            "MySQL error reference ER_NO_SUCH_TABLE wording",
            "Database Error in model orders (models/orders.sql)\n  1146 (42S02): Table 'analytics.stg_orders' doesn't "
                + "exist"),
        ex("mysql.missing-column", "mysql", DB, Subclass.MISSING_COLUMN,
            "MySQL error reference ER_BAD_FIELD_ERROR wording",
            "Database Error in model orders (models/orders.sql)\n  1054 (42S22): Unknown column 'order_date' in "
                + "'field list'"),
        ex("mysql.permission-denied", "mysql", DB, Subclass.PERMISSION_DENIED,
            "MySQL error reference ER_TABLEACCESS_DENIED_ERROR wording",
            "Database Error in model orders (models/orders.sql)\n  1142 (42000): SELECT command denied to user "
                + "'dbt'@'10.0.0.12' for table 'raw_orders'"),
        ex("mysql.lock", "mysql", DB, Subclass.CONCURRENT_MODIFICATION,
            "MySQL error reference ER_LOCK_WAIT_TIMEOUT wording",
            "Database Error in model orders (models/orders.sql)\n  1205 (HY000): Lock wait timeout exceeded; try "
                + "restarting transaction"),
        ex("mysql.statement-timeout", "mysql", DB, Subclass.STATEMENT_TIMEOUT,
            "MySQL error reference ER_QUERY_TIMEOUT wording",
            "Database Error in model orders (models/orders.sql)\n  3024 (HY000): Query execution was interrupted, "
                + "maximum statement execution time exceeded"),
        ex("clickhouse.missing-column", "clickhouse", DB, Subclass.MISSING_COLUMN,
            "fixtures/artifacts/Anas-REBAI_football-data-pipeline-Dagster/1.9.4_85cbdc6/run_results.json (dbt-clickhouse)",
            "Database Error in model int_possessions (models/intermediate/int_possessions.sql)\n  Code: 47.\n  "
                + "DB::Exception: Unknown expression identifier `match_id` in scope SELECT match_id, possession, "
                + "possession_team_id AS team_id"),
        ex("clickhouse.missing-relation", "clickhouse", DB, Subclass.MISSING_RELATION,
            "ClickHouse error codes UNKNOWN_TABLE wording",
            "Database Error in model orders (models/orders.sql)\n  Code: 60. DB::Exception: Table default.stg_orders "
                + "does not exist. (UNKNOWN_TABLE) (version 24.3.2.23 (official build))"),
        ex("clickhouse.syntax-error", "clickhouse", DB, Subclass.SQL_SYNTAX,
            "ClickHouse error codes SYNTAX_ERROR wording",
            "Database Error in model orders (models/orders.sql)\n  Code: 62. DB::Exception: Syntax error: failed at "
                + "position 15 ('FORM'): FORM orders. Expected one of: token, Comma, FROM. (SYNTAX_ERROR)"),
        ex("clickhouse.type-mismatch", "clickhouse", DB, Subclass.TYPE_MISMATCH,
            "ClickHouse error codes ILLEGAL_TYPE_OF_ARGUMENT wording",
            "Database Error in model orders (models/orders.sql)\n  Code: 43. DB::Exception: Illegal type String of "
                + "argument of function plus. (ILLEGAL_TYPE_OF_ARGUMENT)"),
        ex("clickhouse.permission-denied", "clickhouse", DB, Subclass.PERMISSION_DENIED,
            "ClickHouse error codes ACCESS_DENIED wording",
            "Database Error in model orders (models/orders.sql)\n  Code: 497. DB::Exception: dbt: Not enough "
                + "privileges. To execute this query, it's necessary to have the grant SELECT(id, amount) ON "
                + "raw.orders. (ACCESS_DENIED)"),
        ex("clickhouse.resources", "clickhouse", DB, Subclass.RESOURCE_EXHAUSTED,
            "ClickHouse error codes MEMORY_LIMIT_EXCEEDED wording",
            "Database Error in model orders (models/orders.sql)\n  Code: 241. DB::Exception: Memory limit (total) "
                + "exceeded: would use 9.32 GiB (attempt to allocate chunk of 4194304 bytes), maximum: 9.31 GiB. "
                + "(MEMORY_LIMIT_EXCEEDED)"),
        ex("clickhouse.timeout", "clickhouse", DB, Subclass.STATEMENT_TIMEOUT,
            "ClickHouse error codes TIMEOUT_EXCEEDED wording",
            "Database Error in model orders (models/orders.sql)\n  Code: 159. DB::Exception: Timeout exceeded: "
                + "elapsed 300.0 seconds, maximum: 300. (TIMEOUT_EXCEEDED)"),
        ex("oracle.missing-relation", "oracle", DB, Subclass.MISSING_RELATION,
            "Oracle Database Error Messages ORA-00942",
            "Database Error in model orders (models/orders.sql)\n  ORA-00942: table or view does not exist"),
        ex("oracle.missing-column", "oracle", DB, Subclass.MISSING_COLUMN,
            "Oracle Database Error Messages ORA-00904",
            "Database Error in model orders (models/orders.sql)\n  ORA-00904: \"ORDER_DATE\": invalid identifier"),
        ex("oracle.permission-denied", "oracle", DB, Subclass.PERMISSION_DENIED,
            "Oracle Database Error Messages ORA-01031",
            "Database Error in model orders (models/orders.sql)\n  ORA-01031: insufficient privileges"),
        ex("oracle.syntax-error", "oracle", DB, Subclass.SQL_SYNTAX,
            "Oracle Database Error Messages ORA-00933",
            "Database Error in model orders (models/orders.sql)\n  ORA-00933: SQL command not properly ended"),
        ex("oracle.division-by-zero", "oracle", DB, Subclass.DIVISION_BY_ZERO,
            "Oracle Database Error Messages ORA-01476",
            "Database Error in model orders (models/orders.sql)\n  ORA-01476: divisor is equal to zero"),
        ex("oracle.type-mismatch", "oracle", DB, Subclass.TYPE_MISMATCH,
            "Oracle Database Error Messages ORA-01722",
            "Database Error in model orders (models/orders.sql)\n  ORA-01722: invalid number"),
        ex("oracle.concurrent", "oracle", DB, Subclass.CONCURRENT_MODIFICATION,
            "Oracle Database Error Messages ORA-00054",
            "Database Error in model orders (models/orders.sql)\n  ORA-00054: resource busy and acquire with NOWAIT "
                + "specified or timeout expired"),
        ex("glue.entity-not-found", "glue", DB, Subclass.MISSING_RELATION,
            "AWS Glue API EntityNotFoundException wording",
            "Runtime Error in model orders (models/orders.sql)\n  An error occurred (EntityNotFoundException) when "
                + "calling the GetTable operation: Table stg_orders not found."),
        // ---- Trino ----
        ex("trino.not-found", "trino", DB, Subclass.MISSING_RELATION,
            "https://github.com/mage-ai/mage-ai/pull/2467",
            "TrinoUserError(type=USER_ERROR, name=TABLE_NOT_FOUND, message=\"line 1:15: Table "
                + "'hudi_ingest.etl_tmp.cwang_test_changes_yeah' does not exist\", query_id=20230420_180015_34890_xnaun)"),
        ex("trino.column-not-found", "trino", DB, Subclass.MISSING_COLUMN,
            "Trino COLUMN_NOT_FOUND wording",
            "Database Error in model m (models/m.sql)\n  TrinoUserError(type=USER_ERROR, name=COLUMN_NOT_FOUND, "
                + "message=\"line 3:8: Column 'amount' cannot be resolved\", query_id=20240101_000000_00001_abcde)"),
        ex("trino.permission-denied", "trino", DB, Subclass.PERMISSION_DENIED,
            "Trino PERMISSION_DENIED wording",
            "Database Error in model m (models/m.sql)\n  TrinoUserError(type=USER_ERROR, name=PERMISSION_DENIED, "
                + "message=\"Access Denied: Cannot select from table hive.raw.orders\", query_id=x)"),
        ex("trino.syntax-error", "trino", DB, Subclass.SQL_SYNTAX,
            "https://github.com/dbt-labs/dbt-labs-experimental-features/issues/49",
            "Database Error in model my_sample_model (models/model.sql)\n  TrinoUserError(type=USER_ERROR, "
                + "name=SYNTAX_ERROR, message=\"line 70:1: mismatched input 'false'. Expecting: ')', ',', '.', 'AS'\", "
                + "query_id=34242341243124)"),
        ex("trino.type-mismatch", "trino", DB, Subclass.TYPE_MISMATCH,
            "Trino TYPE_MISMATCH wording",
            "Database Error in model m (models/m.sql)\n  TrinoUserError(type=USER_ERROR, name=TYPE_MISMATCH, "
                + "message=\"line 4:20: Cannot apply operator: varchar = integer\", query_id=x)"),
        ex("trino.division-by-zero", "trino", DB, Subclass.DIVISION_BY_ZERO,
            "Trino DIVISION_BY_ZERO wording",
            "Database Error in model m (models/m.sql)\n  TrinoUserError(type=USER_ERROR, name=DIVISION_BY_ZERO, "
                + "message=\"Division by zero\", query_id=x)"),
        ex("trino.time-limit", "trino", DB, Subclass.STATEMENT_TIMEOUT,
            "Trino EXCEEDED_TIME_LIMIT wording",
            "Database Error in model m (models/m.sql)\n  TrinoQueryError(type=INSUFFICIENT_RESOURCES, "
                + "name=EXCEEDED_TIME_LIMIT, message=\"Query exceeded the maximum execution time limit of 1.00h\", "
                + "query_id=x)"),
        ex("trino.resources", "trino", DB, Subclass.RESOURCE_EXHAUSTED,
            "Trino EXCEEDED_LOCAL_MEMORY_LIMIT wording",
            "Database Error in model m (models/m.sql)\n  TrinoQueryError(type=INSUFFICIENT_RESOURCES, "
                + "name=EXCEEDED_LOCAL_MEMORY_LIMIT, message=\"Query exceeded per-node memory limit of 3GB\", "
                + "query_id=x)"),
        ex("trino.not-supported", "trino", DB, Subclass.UNSUPPORTED_OPERATION,
            "https://github.com/dungdm93/sqlalchemy-trino/issues/11",
            "trino.exceptions.TrinoUserError: TrinoUserError(type=USER_ERROR, name=NOT_SUPPORTED, message=\"Invalid "
                + "Iceberg table name (unknown type 'properties'): mytbl$properties\", "
                + "query_id=20210502_013728_03976_krdnf)"),
        dev("trino.already-exists", "starburstdata-dbt-trino-488-1", DB, Subclass.OTHER),
        ex("trino.transaction-conflict", "trino", DB, Subclass.CONCURRENT_MODIFICATION,
            "Trino TRANSACTION_CONFLICT standard error code",
            "Database Error in model m (models/m.sql)\n  TrinoQueryError(type=INTERNAL_ERROR, "
                + "name=TRANSACTION_CONFLICT, message=\"Transaction conflict\", query_id=x)"),
        ex("trino.merge-multiple-matches", "trino", DB, Subclass.MERGE_CARDINALITY_VIOLATION,
            "Trino MERGE_TARGET_ROW_MULTIPLE_MATCHES wording",
            "Database Error in model m (models/m.sql)\n  TrinoUserError(type=USER_ERROR, "
                + "name=MERGE_TARGET_ROW_MULTIPLE_MATCHES, message=\"One MERGE target table row matched more than "
                + "one source row\", query_id=x)"),
        ex("trino.not-running", "trino", DB, Subclass.WAREHOUSE_NOT_RUNNING,
            "Trino NO_NODES_AVAILABLE wording",
            "Database Error in model m (models/m.sql)\n  TrinoQueryError(type=INTERNAL_ERROR, "
                + "name=NO_NODES_AVAILABLE, message=\"No nodes available to run query\", query_id=x)"),
        ex("trino.user-error", "trino", DB, Subclass.OTHER,
            "Trino INVALID_SESSION_PROPERTY wording",
            "Database Error in model m (models/m.sql)\n  TrinoUserError(type=USER_ERROR, "
                + "name=INVALID_SESSION_PROPERTY, message=\"Session property 'x' does not exist\", query_id=x)"),
        // ---- SQL Server ----
        dev("sqlserver.invalid-column", "diegovski02-dbt_bbva-dbt-l41255-1", DB, Subclass.MISSING_COLUMN),
        ex("sqlserver.invalid-object", "sqlserver", DB, Subclass.MISSING_RELATION,
            "https://github.com/microsoft/msphpsql/issues/876",
            "('42S02', \"[42S02] [Microsoft][ODBC Driver 17 for SQL Server][SQL Server]Invalid object name "
                + "'view_table'. (208) (SQLExecDirectW)\")"),
        ex("sqlserver.permission-denied", "sqlserver", DB, Subclass.PERMISSION_DENIED,
            "SQL Server error 229 wording",
            "('42000', \"[42000] [Microsoft][ODBC Driver 17 for SQL Server][SQL Server]The SELECT permission was "
                + "denied on the object 'orders', database 'analytics', schema 'dbo'. (229) (SQLExecDirectW)\")"),
        ex("sqlserver.syntax", "sqlserver", DB, Subclass.SQL_SYNTAX,
            "SQL Server error 102 wording",
            "('42000', \"[42000] [Microsoft][ODBC Driver 17 for SQL Server][SQL Server]Incorrect syntax near "
                + "'LIMIT'. (102) (SQLExecDirectW)\")"),
        ex("sqlserver.conversion", "sqlserver", DB, Subclass.TYPE_MISMATCH,
            "SQL Server error 245 wording",
            "('22018', \"[22018] [Microsoft][ODBC Driver 17 for SQL Server][SQL Server]Conversion failed when "
                + "converting the varchar value 'abc' to data type int. (245) (SQLExecDirectW)\")"),
        ex("sqlserver.divide-by-zero", "sqlserver", DB, Subclass.DIVISION_BY_ZERO,
            "SQL Server error 8134 wording",
            "('22012', '[22012] [Microsoft][ODBC Driver 17 for SQL Server][SQL Server]Divide by zero error "
                + "encountered. (8134) (SQLExecDirectW)')"),
        ex("sqlserver.deadlock", "sqlserver", DB, Subclass.CONCURRENT_MODIFICATION,
            "SQL Server error 1205 wording",
            "('40001', '[40001] [Microsoft][ODBC Driver 17 for SQL Server][SQL Server]Transaction (Process ID 57) "
                + "was deadlocked on lock resources with another process and has been chosen as the deadlock "
                + "victim. Rerun the transaction. (1205) (SQLExecDirectW)')"),
        ex("sqlserver.merge-cardinality", "sqlserver", DB, Subclass.MERGE_CARDINALITY_VIOLATION,
            "SQL Server error 8672 wording",
            "('42000', '[42000] [Microsoft][ODBC Driver 17 for SQL Server][SQL Server]The MERGE statement attempted "
                + "to UPDATE or DELETE the same row more than once. (8672) (SQLExecDirectW)')"),
        ex("sqlserver.resources", "sqlserver", DB, Subclass.RESOURCE_EXHAUSTED,
            "SQL Server error 1105 wording",
            "('42000', \"[42000] [Microsoft][ODBC Driver 17 for SQL Server][SQL Server]Could not allocate space for "
                + "object 'dbo.orders' in database 'analytics' because the 'PRIMARY' filegroup is full. (1105)\")"),
        ex("sqlserver.already-exists", "sqlserver", DB, Subclass.OTHER,
            "SQL Server error 2714 wording",
            "('42S01', \"[42S01] [Microsoft][ODBC Driver 17 for SQL Server][SQL Server]There is already an object "
                + "named 'orders' in the database. (2714) (SQLExecDirectW)\")"),
        ex("sqlserver.query-timeout", "sqlserver", DB, Subclass.STATEMENT_TIMEOUT,
            "ODBC HYT00 wording",
            "('HYT00', '[HYT00] [Microsoft][ODBC Driver 17 for SQL Server]Query timeout expired (0) "
                + "(SQLExecDirectW)')"),
        ex("sqlserver.unsupported", "fabric", DB, Subclass.UNSUPPORTED_OPERATION,
            "Fabric Warehouse unsupported data type wording",
            "('42000', \"[42000] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]The data type "
                + "'nvarchar(max)' is not supported in this edition of SQL Server. (24574) (SQLExecDirectW)\")"),
        ex("sqlserver.odbc-error", "sqlserver", DB, Subclass.OTHER,
            "ODBC HY000 driver wording",
            "('HY000', '[HY000] [Microsoft][ODBC Driver 17 for SQL Server]Connection is busy with results for "
                + "another command (0) (SQLExecDirectW)')"));
  }
}
