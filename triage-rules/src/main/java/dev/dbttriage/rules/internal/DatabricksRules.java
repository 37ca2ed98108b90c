package dev.dbttriage.rules.internal;

import static dev.dbttriage.classify.ErrorClass.DATABASE;
import static dev.dbttriage.classify.ErrorClass.RUNTIME;
import static dev.dbttriage.rules.internal.PatternRule.rule;

import dev.dbttriage.classify.FixLayer;
import dev.dbttriage.classify.Rule;
import dev.dbttriage.classify.Subclass;
import dev.dbttriage.classify.Transience;
import java.util.List;

/**
 * Databricks and Spark: the bracketed error classes ({@code [TABLE_OR_VIEW_NOT_FOUND]},
 * {@code [UNRESOLVED_COLUMN.WITH_SUGGESTION]}, {@code [DELTA_...]}) and the older AnalysisException,
 * ParseException and Delta exception wording that dbt-spark prints under "Runtime Error".
 */
public final class DatabricksRules {
  private static final String CLASS = "\\[(?<code>%s)(?:\\.[A-Z_]+)?\\]";

  private DatabricksRules() {}

  private static String cls(String names) {
    return String.format(CLASS, names);
  }

  /** Returns the pack's rules. */
  public static List<Rule> rules() {
    return List.of(
        rule("databricks.table-or-view-not-found", DATABASE, Subclass.MISSING_RELATION)
            .summary("TABLE_OR_VIEW_NOT_FOUND, SCHEMA_NOT_FOUND, catalog or path not found")
            .priority(600)
            .match(cls("TABLE_OR_VIEW_NOT_FOUND|SCHEMA_NOT_FOUND|CATALOG_NOT_FOUND|NO_SUCH_CATALOG_EXCEPTION|"
                    + "DELTA_TABLE_NOT_FOUND|PATH_NOT_FOUND|VIEW_NOT_FOUND|DELTA_PATH_DOES_NOT_EXIST"),
                "(?i)\\bTable or view not found\\b", "(?i)\\b(?:Database|Schema|Namespace) '[^'\\n]*' not found",
                "NoSuchTableException|NoSuchDatabaseException|NoSuchNamespaceException",
                "(?i)\\bPath does not exist:", "(?i)is not a Delta table")
            .extract("(?i)The table or view (?<rel>[`\\w.]+) cannot be found", "(?i)not found: (?<rel>[`\\w.]+)",
                "(?i)(?:Database|Schema) '(?<rel>[^'\\n]*)' not found", cls("[A-Z_]+"))
            .advice(Texts.MISSING_RELATION)
            .build(),
        rule("databricks.unresolved-column", DATABASE, Subclass.MISSING_COLUMN)
            .summary("UNRESOLVED_COLUMN, MISSING_COLUMN, DELTA_MISSING_COLUMN, cannot resolve given input columns")
            .priority(600)
            .match(cls("UNRESOLVED_COLUMN|MISSING_COLUMN|DELTA_MISSING_COLUMN|UNRESOLVED_FIELD|FIELD_NOT_FOUND|"
                    + "DELTA_COLUMN_NOT_FOUND|UNRESOLVED_MAP_KEY|COLUMN_NOT_FOUND"),
                "(?i)cannot resolve '[^'\\n]*' given input columns", "(?i)\\bColumn '[^'\\n]*' does not exist\\b",
                "\\bDELTA_MISSING_COLUMN\\b", "(?i)A column or function parameter with name [^\\n]{1,200} cannot be "
                    + "resolved")
            .extract("(?i)with name (?<col>`[^\\n]*?`) cannot be resolved", "(?i)Column '(?<col>[^'\\n]*)'",
                "(?i)cannot resolve '(?<col>[^'\\n]*)'", cls("[A-Z_]+"))
            .advice(Texts.MISSING_COLUMN)
            .build(),
        rule("databricks.insufficient-permissions", DATABASE, Subclass.PERMISSION_DENIED)
            .summary("INSUFFICIENT_PERMISSIONS / PERMISSION_DENIED: Unity Catalog privilege missing")
            .priority(600)
            .match(cls("INSUFFICIENT_PERMISSIONS|PERMISSION_DENIED|UC_NOT_ENABLED_ON_THIS_SECURABLE"),
                "(?i)User does not have (?:USE CATALOG|USE SCHEMA|SELECT|MODIFY|CREATE [A-Z ]+|ALL PRIVILEGES|"
                    + "READ FILES|WRITE FILES|MANAGE|EXECUTE|READ_METADATA|USAGE|OWN(?:ERSHIP)?) on",
                "\\bPERMISSION_DENIED\\b")
            .unless("(?i)Invalid access token|token is expired")
            .extract("(?i)User does not have (?<priv>[A-Z_ ]+?) on (?<kind>Catalog|Schema|Table|View|Function|"
                + "Volume|External Location) '?(?<rel>[^'\\s]+)'?", cls("[A-Z_]+"))
            .advice(Texts.PERMISSION).dialect("databricks")
            .build(),
        rule("databricks.merge-cardinality", DATABASE, Subclass.MERGE_CARDINALITY_VIOLATION)
            .summary("DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE (MERGE cardinality violation)")
            .priority(600)
            .match("DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE",
                "(?i)multiple source rows matched and attempted to (?:update|modify|delete) the same target row",
                "MERGE_CARDINALITY_VIOLATION")
            .extract(cls("[A-Z_]+"))
            .advice(Texts.MERGE)
            .build(),
        rule("databricks.schema-change", DATABASE, Subclass.SCHEMA_CHANGE_NOT_ALLOWED)
            .summary("Delta schema mismatch on write, failed to merge fields, SCHEMA_CHANGE_NOT_ALLOWED")
            .priority(600)
            .match(cls("DELTA_SCHEMA_CHANGED|DELTA_FAILED_TO_MERGE_FIELDS|DELTA_SCHEMA_MISMATCH|"
                    + "_LEGACY_ERROR_TEMP_DELTA_0007|INCOMPATIBLE_DATA_FOR_TABLE|DELTA_COLUMN_DATA_TYPE_MISMATCH|"
                    + "CANNOT_UPDATE_FIELD|DELTA_GENERATED_COLUMNS_DATA_TYPE_MISMATCH|INSERT_COLUMN_ARITY_MISMATCH|"
                    + "DELTA_INSERT_COLUMN_ARITY_MISMATCH"),
                "(?i)A schema mismatch detected when writing to the Delta table", "SCHEMA_CHANGE_NOT_ALLOWED",
                "(?i)Failed to merge (?:fields|incompatible data types)",
                "(?i)cannot write to '[^'\\n]*', not enough data columns")
            .extract(cls("[A-Z_0-9]+"))
            .advice(Texts.SCHEMA_CHANGE)
            .build(),
        rule("databricks.concurrent-modification", DATABASE, Subclass.CONCURRENT_MODIFICATION)
            .summary("Delta concurrent append/delete/metadata change conflicts")
            .priority(600)
            .match(cls("DELTA_CONCURRENT_[A-Z_]+|DELTA_METADATA_CHANGED|DELTA_PROTOCOL_CHANGED|"
                    + "CONCURRENT_[A-Z_]+"),
                "Concurrent(?:Append|DeleteRead|DeleteDelete|Transaction|Write)Exception|MetadataChangedException|"
                    + "ProtocolChangedException")
            .extract(cls("[A-Z_]+"))
            .advice(Texts.CONCURRENT + " (Delta: partition the writes or serialise the jobs.)")
            .transience(Transience.TRANSIENT)
            .build(),
        rule("databricks.warehouse-not-running", DATABASE, Subclass.WAREHOUSE_NOT_RUNNING)
            .summary("WAREHOUSE_NOT_RUNNING: SQL warehouse or cluster stopped, terminated or starting")
            .priority(620)
            .match("WAREHOUSE_NOT_RUNNING", "(?i)SQL warehouse [^\\n]{0,80}(?:is not running|is stopped|stopped)",
                "(?i)cluster [^\\n]{0,80}(?:is not running|is terminated|TERMINATED|TERMINATING|is starting|"
                    + "does not exist)",
                "(?i)\\bTEMPORARILY_UNAVAILABLE\\b", "(?i)warehouse [^\\n]{0,60}(?:is not running|is starting)")
            .advice(Texts.WAREHOUSE)
            .fixLayer(FixLayer.WAREHOUSE_OR_INFRASTRUCTURE)
            .transience(Transience.TRANSIENT)
            .build(),
        rule("databricks.parse-error", DATABASE, Subclass.SQL_SYNTAX)
            .summary("PARSE_SYNTAX_ERROR / ParseException (mismatched input), UNRESOLVED_ROUTINE")
            .priority(600)
            .match(cls("PARSE_SYNTAX_ERROR|UNRESOLVED_ROUTINE|PARSE_EMPTY_STATEMENT|INVALID_IDENTIFIER|"
                    + "UNSUPPORTED_DATATYPE|MISSING_AGGREGATION|MISSING_GROUP_BY|AMBIGUOUS_REFERENCE|"
                    + "AMBIGUOUS_COLUMN_OR_FIELD"),
                "\\bParseException\\b", "(?i)\\bmismatched input '", "(?i)\\bextraneous input '",
                "(?i)no viable alternative at input", "(?i)\\bUndefined function: ")
            .unless("Trino(?:User|Query)Error|Presto")
            .extract(cls("[A-Z_]+"))
            .advice(Texts.SYNTAX + " (Spark SQL: backticks for identifiers, date_add/datediff forms.)")
            .build(),
        rule("databricks.type-mismatch", DATABASE, Subclass.TYPE_MISMATCH)
            .summary("DATATYPE_MISMATCH, CAST_INVALID_INPUT and related type errors")
            .priority(600)
            .match(cls("DATATYPE_MISMATCH|CAST_INVALID_INPUT|CANNOT_PARSE_TIMESTAMP|CAST_OVERFLOW|"
                    + "INVALID_FORMAT|NUMERIC_VALUE_OUT_OF_RANGE|CANNOT_PARSE_DECIMAL|INCOMPATIBLE_COLUMN_TYPE|"
                    + "INVALID_ARRAY_INDEX|ARITHMETIC_OVERFLOW"),
                "(?i)due to data type mismatch", "(?i)Cannot up cast ")
            .extract(cls("[A-Z_]+"))
            .advice(Texts.TYPES)
            .build(),
        rule("databricks.divide-by-zero", DATABASE, Subclass.DIVISION_BY_ZERO)
            .summary("DIVIDE_BY_ZERO")
            .priority(600)
            .match(cls("DIVIDE_BY_ZERO"))
            .extract(cls("[A-Z_]+"))
            .advice(Texts.DIVISION + " (Spark: try_divide.)")
            .build(),
        rule("databricks.resources", DATABASE, Subclass.RESOURCE_EXHAUSTED)
            .summary("Spark out of memory, lost executors, result size limits")
            .priority(600)
            .match("OutOfMemoryError|Java heap space|GC overhead limit exceeded|ExecutorLostFailure|"
                    + "spark\\.driver\\.maxResultSize|Container killed|No space left on device",
                "(?i)\\bDRIVER_OUT_OF_MEMORY\\b|\\bSPARK_JOB_CANCELLED\\b|\\bEXECUTOR_[A-Z_]*\\b")
            .advice(Texts.RESOURCES)
            .build(),
        rule("databricks.already-exists", DATABASE, Subclass.OTHER)
            .summary("TABLE_OR_VIEW_ALREADY_EXISTS and similar")
            .priority(590)
            .match(cls("TABLE_OR_VIEW_ALREADY_EXISTS|SCHEMA_ALREADY_EXISTS|[A-Z_]+_ALREADY_EXISTS"),
                "TableAlreadyExistsException")
            .extract(cls("[A-Z_]+"))
            .advice(Texts.ALREADY_EXISTS)
            .build(),
        rule("databricks.unsupported", DATABASE, Subclass.UNSUPPORTED_OPERATION)
            .summary("UNSUPPORTED_FEATURE / NOT_SUPPORTED_* / Operation not allowed")
            .priority(590)
            .match(cls("UNSUPPORTED_FEATURE|NOT_SUPPORTED_[A-Z_]+|UNSUPPORTED_[A-Z_]+|DELTA_UNSUPPORTED_[A-Z_]+"),
                "(?i)\\bOperation not allowed: ")
            .unless("UNSUPPORTED_DATATYPE")
            .extract(cls("[A-Z_]+"))
            .advice(Texts.UNSUPPORTED)
            .build(),
        rule("databricks.timeout", DATABASE, Subclass.STATEMENT_TIMEOUT)
            .summary("Query execution timeout (statement_timeout on a SQL warehouse)")
            .priority(600)
            .match("(?i)QUERY_EXECUTION_TIMEOUT_EXCEEDED|Query has been timed out|statement timeout|"
                + "timed out due to statement_timeout")
            .unless("(?i)canceling statement due to statement timeout")
            .advice(Texts.TIMEOUT)
            .transience(Transience.TRANSIENT)
            .build(),
        // The Thrift server or cluster failed in the JVM: a missing or mismatched library (a Delta or connector
        // jar absent from the cluster, two versions of one on the classpath). Not the SQL, and no retry helps.
        rule("databricks.jvm-linkage-error", RUNTIME, Subclass.INTERNAL_ERROR)
            .summary("HiveSQLException/SparkException wrapping a JVM linkage error (NoClassDefFoundError, ...)")
            .priority(640)
            .match("(?s)(?:HiveSQLException|SparkException|Error running query)[^\\n]{0,300}?java\\.lang\\."
                + "(?:NoClassDefFoundError|ClassNotFoundException|NoSuchMethodError|NoSuchFieldError|"
                + "UnsatisfiedLinkError|IncompatibleClassChangeError|AbstractMethodError)")
            .extract("java\\.lang\\.(?<code>NoClassDefFoundError|ClassNotFoundException|NoSuchMethodError|"
                + "NoSuchFieldError|UnsatisfiedLinkError|IncompatibleClassChangeError|AbstractMethodError): "
                + "(?<ref>[^\\s]+)")
            .advice("The Spark cluster (or its Thrift server) lacks a library or has two versions of one: install "
                + "the jar the class belongs to (for Delta, the delta-core/delta-spark package matching the Spark "
                + "version) on the cluster and restart it. Nothing in the model's SQL causes this, and no retry "
                + "fixes it.")
            .fixLayer(FixLayer.WAREHOUSE_OR_INFRASTRUCTURE)
            .transience(Transience.PERSISTENT).dialect("spark")
            .build(),
        rule("databricks.hive-error", DATABASE, Subclass.OTHER)
            .summary("A HiveSQLException / AnalysisException no more specific rule recognised")
            .priority(300)
            .match("\\bHiveSQLException\\b|\\bAnalysisException\\b|\\bSparkException\\b|Error running query:")
            .advice(Texts.DATABASE_OTHER)
            .build());
  }
}
