package dev.dbttriage.rules.internal;

import static dev.dbttriage.classify.ErrorClass.DATABASE;
import static dev.dbttriage.classify.ErrorClass.RUNTIME;
import static dev.dbttriage.rules.internal.PatternRule.rule;

import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.classify.FixLayer;
import dev.dbttriage.classify.Rule;
import dev.dbttriage.classify.Subclass;
import dev.dbttriage.classify.Transience;
import java.util.List;

/** Trino and Starburst: the standard error names ({@code name=TABLE_NOT_FOUND} in TrinoUserError). */
public final class TrinoRules {
  private TrinoRules() {}

  private static String names(String alternatives) {
    return "(?:name=|error_name['\"]?[:=] ?['\"]?|errorName['\"]?[:=] ?['\"]?)(?<code>" + alternatives + ")\\b";
  }

  private static PatternRule.Builder trino(String id, ErrorClass c, Subclass s, String alternatives,
      String... wording) {
    String[] all = new String[wording.length + 1];
    all[0] = names(alternatives);
    System.arraycopy(wording, 0, all, 1, wording.length);
    return rule(id, c, s).priority(600).match(all).extract(names("[A-Z_]+"))
        .dialect("trino");
  }

  /** Returns the pack's rules. */
  public static List<Rule> rules() {
    return List.of(
        trino("trino.not-found", DATABASE, Subclass.MISSING_RELATION,
            "TABLE_NOT_FOUND|SCHEMA_NOT_FOUND|CATALOG_NOT_FOUND|MISSING_TABLE|NOT_FOUND",
            "(?i)\\b(?:Table|Schema|Catalog) '[^'\\n]*' does not exist")
            .summary("TABLE_NOT_FOUND / SCHEMA_NOT_FOUND / CATALOG_NOT_FOUND").advice(Texts.MISSING_RELATION)
            .build(),
        trino("trino.column-not-found", DATABASE, Subclass.MISSING_COLUMN, "COLUMN_NOT_FOUND|MISSING_COLUMN_NAME",
            "(?i)Column '[^'\\n]*' cannot be resolved")
            .summary("COLUMN_NOT_FOUND: Column cannot be resolved").advice(Texts.MISSING_COLUMN)
            .build(),
        trino("trino.permission-denied", DATABASE, Subclass.PERMISSION_DENIED, "PERMISSION_DENIED|ACCESS_DENIED",
            "(?i)Access Denied: Cannot (?:select|insert|create|drop|delete|update|show|access)")
            .summary("PERMISSION_DENIED: Access Denied: Cannot select from table ...").advice(Texts.PERMISSION)
            .build(),
        trino("trino.syntax-error", DATABASE, Subclass.SQL_SYNTAX,
            "SYNTAX_ERROR|FUNCTION_NOT_FOUND|AMBIGUOUS_NAME|INVALID_COLUMN_REFERENCE|MISSING_GROUP_BY|"
                + "EXPRESSION_NOT_AGGREGATE|AMBIGUOUS_FUNCTION_CALL|DUPLICATE_COLUMN_NAME|MISSING_OVER|"
                + "NESTED_AGGREGATION|INVALID_ARGUMENTS|TOO_MANY_ARGUMENTS",
            "(?i)Function '[^'\\n]*' not registered")
            .summary("SYNTAX_ERROR / FUNCTION_NOT_FOUND (dialect)").advice(Texts.SYNTAX)
            .build(),
        trino("trino.type-mismatch", DATABASE, Subclass.TYPE_MISMATCH,
            "TYPE_MISMATCH|INVALID_CAST_ARGUMENT|INVALID_FUNCTION_ARGUMENT|NUMERIC_VALUE_OUT_OF_RANGE|"
                + "INVALID_LITERAL|TYPE_NOT_FOUND|OPERATOR_NOT_FOUND",
            "(?i)Cannot cast [^\\n]{1,100} to ")
            .summary("TYPE_MISMATCH / INVALID_CAST_ARGUMENT").advice(Texts.TYPES)
            .build(),
        trino("trino.division-by-zero", DATABASE, Subclass.DIVISION_BY_ZERO, "DIVISION_BY_ZERO")
            .summary("DIVISION_BY_ZERO").advice(Texts.DIVISION)
            .build(),
        trino("trino.time-limit", DATABASE, Subclass.STATEMENT_TIMEOUT,
            "EXCEEDED_TIME_LIMIT|EXCEEDED_CPU_LIMIT|EXCEEDED_SCHEDULING_TIME_LIMIT|ABANDONED_QUERY",
            "(?i)Query exceeded (?:the )?maximum (?:execution |run )?time limit")
            .summary("EXCEEDED_TIME_LIMIT / EXCEEDED_CPU_LIMIT").advice(Texts.TIMEOUT)
            .transience(Transience.TRANSIENT)
            .build(),
        trino("trino.resources", DATABASE, Subclass.RESOURCE_EXHAUSTED,
            "EXCEEDED_[A-Z_]*MEMORY_LIMIT|CLUSTER_OUT_OF_MEMORY|INSUFFICIENT_RESOURCES|EXCEEDED_SPILL_LIMIT|"
                + "EXCEEDED_LOCAL_MEMORY_LIMIT|QUERY_QUEUE_FULL|EXCEEDED_OUTPUT_SIZE_LIMIT|QUERY_HAS_TOO_MANY_STAGES|"
                + "EXCEEDED_SCAN_LIMIT|GENERIC_INSUFFICIENT_RESOURCES|OUT_OF_SPILL_SPACE",
            "(?i)Query exceeded (?:per-node|distributed|local) [^\\n]{0,40}memory limit")
            .summary("EXCEEDED_*_MEMORY_LIMIT / CLUSTER_OUT_OF_MEMORY / INSUFFICIENT_RESOURCES")
            .advice(Texts.RESOURCES).transience(Transience.TRANSIENT)
            .build(),
        trino("trino.not-supported", DATABASE, Subclass.UNSUPPORTED_OPERATION, "NOT_SUPPORTED",
            "(?i)\\bconnector (?:does not|doesn't) support\\b")
            .summary("NOT_SUPPORTED: the connector lacks this capability").advice(Texts.UNSUPPORTED)
            .build(),
        trino("trino.already-exists", DATABASE, Subclass.OTHER,
            "TABLE_ALREADY_EXISTS|ALREADY_EXISTS|SCHEMA_ALREADY_EXISTS|COLUMN_ALREADY_EXISTS",
            "(?i)Destination table '[^'\\n]*' already exists")
            .summary("TABLE_ALREADY_EXISTS (often a leftover __dbt_tmp)").advice(Texts.ALREADY_EXISTS)
            .build(),
        trino("trino.transaction-conflict", DATABASE, Subclass.CONCURRENT_MODIFICATION,
            "TRANSACTION_CONFLICT|TRANSACTION_ALREADY_ABORTED|MULTI_CATALOG_WRITE_CONFLICT|AUTOCOMMIT_WRITE_CONFLICT")
            .summary("TRANSACTION_CONFLICT").advice(Texts.CONCURRENT).transience(Transience.TRANSIENT)
            .build(),
        trino("trino.merge-multiple-matches", DATABASE, Subclass.MERGE_CARDINALITY_VIOLATION,
            "MERGE_TARGET_ROW_MULTIPLE_MATCHES",
            "(?i)One MERGE target table row matched more than one source row")
            .summary("MERGE_TARGET_ROW_MULTIPLE_MATCHES").advice(Texts.MERGE)
            .build(),
        trino("trino.not-running", DATABASE, Subclass.WAREHOUSE_NOT_RUNNING,
            "NO_NODES_AVAILABLE|SERVER_STARTING_UP|SERVER_SHUTTING_DOWN")
            .summary("NO_NODES_AVAILABLE / SERVER_STARTING_UP").advice(Texts.WAREHOUSE)
            .fixLayer(FixLayer.WAREHOUSE_OR_INFRASTRUCTURE)
            .transience(Transience.TRANSIENT)
            .build(),
        // Below the rules for specific error names (a TRANSACTION_CONFLICT or NO_NODES_AVAILABLE has type
        // INTERNAL_ERROR too). An error of type INTERNAL_ERROR is Trino's (or its coordinator's, or the proxy's in front of it), not
        // the SQL's. Trino's fault-tolerant execution retries this type; a communication failure or a 502/503
        // from the gateway is transient, anything else is a Trino or connector bug to report.
        rule("trino.internal-error-transient", RUNTIME, Subclass.INTERNAL_ERROR)
            .summary("INTERNAL_ERROR from a failed call inside the cluster (Failed communicating, 502/503)")
            .priority(595)
            .match("type=INTERNAL_ERROR[^\\n]{0,200}(?:Failed communicating with|Bad Gateway|Service Unavailable|"
                + "Gateway Timeout|\\b50[234]\\b)")
            .extract(names("[A-Z_]+"))
            .advice("Trino (or the gateway in front of it) failed an internal call: retry the node once; if it "
                + "recurs, check the coordinator's health and the catalog's metastore before touching the SQL.")
            .fixLayer(FixLayer.WAREHOUSE_OR_INFRASTRUCTURE)
            .transience(Transience.TRANSIENT).dialect("trino")
            .build(),
        rule("trino.internal-error", RUNTIME, Subclass.INTERNAL_ERROR)
            .summary("type=INTERNAL_ERROR / GENERIC_INTERNAL_ERROR: a failure inside Trino or a connector")
            .priority(590)
            .match("type=INTERNAL_ERROR\\b", names("GENERIC_INTERNAL_ERROR|COMPILER_ERROR|REMOTE_TASK_ERROR|"
                + "PAGE_TRANSPORT_ERROR|REMOTE_HOST_GONE"))
            .extract(names("[A-Z_]+"))
            .advice("Trino failed inside the engine or a connector, not on the SQL: retry once; if the same node "
                + "fails again, take the message and query id to the cluster's owners (a connector or engine bug, "
                + "often worked around by rewriting the statement).")
            .fixLayer(FixLayer.WAREHOUSE_OR_INFRASTRUCTURE)
            .transience(Transience.UNKNOWN).dialect("trino")
            .build(),
        rule("trino.user-error", DATABASE, Subclass.OTHER)
            .summary("A TrinoUserError/TrinoQueryError no more specific rule recognised")
            .priority(300)
            .match("\\bTrino(?:User|Query|External)Error\\b", "\\bPresto(?:User|Query)Error\\b")
            .extract(names("[A-Z_]+"))
            .advice(Texts.DATABASE_OTHER)
            .build());
  }
}
