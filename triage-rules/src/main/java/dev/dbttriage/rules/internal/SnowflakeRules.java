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
 * Snowflake: numeric error codes printed as {@code NNNNNN (SQLSTATE): message}, and their documented
 * wording.
 */
public final class SnowflakeRules {
  private static final String CODE = "(?<code>\\d{6}) \\((?<state>[0-9A-Z]{5})\\)";

  private static final java.util.regex.Pattern SNOWFLAKE_CODE =
      java.util.regex.Pattern.compile("\\b\\d{6} \\([0-9A-Z]{5}\\)");

  private SnowflakeRules() {}

  private static String code(String... codes) {
    return "\\b(?:" + String.join("|", codes) + ") \\([0-9A-Z]{5}\\)";
  }

  /** Returns the pack's rules. */
  public static List<Rule> rules() {
    return List.of(
        rule("snowflake.object-does-not-exist", DATABASE, Subclass.MISSING_RELATION)
            .summary("002003/002043: object, schema, database or stage does not exist or not authorized")
            .priority(610)
            .match(code("002003", "002043", "002001"),
                "(?i)\\b(?:Object|Table|View|Schema|Database|Stage|Sequence|File format|Integration) '[^'\\n]*' "
                    + "does not exist(?: or not authorized)?",
                "(?i)does not exist or not authorized")
            .unless("(?i)Warehouse '[^'\\n]*' does not exist")
            .extract("(?i)(?<kind>Object|Table|View|Schema|Database|Stage) '(?<rel>[^'\\n]*)' does not exist",
                CODE)
            .advice(Texts.MISSING_RELATION + " In Snowflake the role may also lack USAGE/SELECT: "
                + "SHOW GRANTS TO ROLE <dbt_role>.")
            .dialect("snowflake").tag("snowflake")
            .build(),
        rule("snowflake.invalid-identifier", DATABASE, Subclass.MISSING_COLUMN)
            .summary("000904: invalid identifier (a column that does not exist)")
            .priority(600)
            .match(code("000904"), "(?i)invalid identifier '")
            .extract("(?i)invalid identifier '(?<col>[^\\n]*)'", CODE)
            .advice(Texts.MISSING_COLUMN).dialect("snowflake")
            .build(),
        rule("snowflake.insufficient-privileges", DATABASE, Subclass.PERMISSION_DENIED)
            .summary("003001/003011: SQL access control error, insufficient privileges")
            .priority(600)
            .match(code("003001", "003011", "003111"), "(?i)Insufficient privileges to operate on",
                "(?i)SQL access control error")
            .extract("(?i)Insufficient privileges to operate on (?<kind>[a-z ]+?) '(?<rel>[^'\\n]*)'",
                "(?i)role '?(?<role>[A-Z0-9_$\"]+)'?", CODE)
            .advice(Texts.PERMISSION).dialect("snowflake")
            .build(),
        rule("snowflake.account-suspended", RUNTIME, Subclass.ACCOUNT_SUSPENDED)
            // Snowflake's documented wording for an ended trial and a suspended account (error 000666).
            .summary("000666: the account is suspended (an ended trial, no payment method, locked)")
            .priority(840)
            .match(code("000666"), "(?i)Your free trial has ended",
                "(?i)account (?:\\S+ )?(?:is|has been) (?:temporarily )?suspended",
                "(?i)suspended due to lack of payment method")
            .extract(CODE)
            .advice("The Snowflake account is suspended: add billing information or have an account admin lift the"
                + " suspension. Nothing in dbt and no retry can fix it: escalate to whoever owns the account.")
            .fixLayer(FixLayer.WAREHOUSE_OR_INFRASTRUCTURE)
            .transience(Transience.PERSISTENT).dialect("snowflake")
            .build(),
        // 000603 "SQL execution internal error: Processing aborted due to error 300010:...; incident N": a
        // failure inside Snowflake. The same statement usually fails again (a plan or UDF bug), so it is not
        // retryable; Snowflake asks for a support case quoting the incident number.
        rule("snowflake.internal-error", RUNTIME, Subclass.INTERNAL_ERROR)
            .summary("000603: SQL execution internal error, processing aborted (incident number)")
            .priority(700)
            .match(code("000603"), "(?i)SQL execution internal error",
                "(?i)Processing aborted due to error \\d{6}:\\d+(?:; incident \\d+)?")
            .extract(CODE, "(?i)incident (?<ref>\\d+)")
            .advice("Snowflake failed inside its engine, not on your SQL's meaning: open a Snowflake support case "
                + "quoting incident {reference} and the query id; meanwhile rewrite the statement around the construct that triggers it "
                + "(a recursive CTE in a view, a UDF's return type, an outsized expression) or materialize an "
                + "intermediate step. One retry is cheap, but the same statement usually fails the same way.")
            .fixLayer(FixLayer.WAREHOUSE_OR_INFRASTRUCTURE)
            .transience(Transience.PERSISTENT).dialect("snowflake")
            .build(),
        rule("snowflake.no-warehouse-in-session", DATABASE, Subclass.NO_WAREHOUSE_OR_DATABASE)
            .summary("000606: no active warehouse (or database) selected in the current session")
            .priority(830)
            .match(code("000606"), "(?i)No active warehouse selected in the current session",
                "(?i)does not have a current database")
            .extract(CODE)
            .advice("The session has no warehouse: set `warehouse:` in the profile (or the role's default"
                + " warehouse) and GRANT USAGE ON WAREHOUSE <wh> TO ROLE <dbt_role>. A retry fails the same way.")
            .fixLayer(FixLayer.ENVIRONMENT)
            .transience(Transience.PERSISTENT).dialect("snowflake")
            .build(),
        rule("snowflake.no-active-warehouse", DATABASE, Subclass.WAREHOUSE_NOT_RUNNING)
            .summary("090064/390201: the warehouse is suspended, resuming or missing")
            .priority(820)
            .match(code("090064", "090063", "390201"),
                "(?i)The requested warehouse does not exist or not authorized",
                "(?i)Warehouse '[^'\\n]*' (?:does not exist|is suspended|cannot be resumed|was suspended)")
            .extract("(?i)Warehouse '(?<rel>[^'\\n]*)'", CODE)
            .advice(Texts.WAREHOUSE + " In Snowflake: ALTER WAREHOUSE <wh> RESUME; check the profile's "
                + "`warehouse:` and GRANT USAGE ON WAREHOUSE <wh> TO ROLE <dbt_role>.")
            .fixLayer(FixLayer.WAREHOUSE_OR_INFRASTRUCTURE)
            .transience(Transience.TRANSIENT)
            .build(),
        rule("snowflake.statement-timeout", DATABASE, Subclass.STATEMENT_TIMEOUT)
            .summary("000630/000604: statement reached its timeout or was cancelled")
            .priority(600)
            .match(code("000630", "000604"), "(?i)Statement reached its statement or warehouse timeout",
                "(?i)SQL execution canceled")
            .extract(CODE)
            .advice(Texts.TIMEOUT).transience(Transience.TRANSIENT)
            .build(),
        rule("snowflake.duplicate-row-in-merge", DATABASE, Subclass.MERGE_CARDINALITY_VIOLATION)
            .summary("100090: duplicate row detected during DML action (MERGE with a non-unique key)")
            .priority(600)
            .match(code("100090"), "(?i)Duplicate row detected during DML action")
            .extract(CODE)
            .advice(Texts.MERGE + " For snapshots, look for several current rows (dbt_valid_to is null) per key.")
            .build(),
        rule("snowflake.syntax-error", DATABASE, Subclass.SQL_SYNTAX)
            .summary("001003/002140/002141/002142/002028/000979: syntax error, unknown function, ambiguous column, "
                + "invalid GROUP BY")
            .priority(600)
            .match(code("001003", "001007", "002140", "002141", "002142", "001008", "002028", "000979", "002025"),
                "(?i)duplicate column name '",
                "(?i)syntax error line \\d+ at position \\d+", "(?i)Unknown (?:table )?function [A-Z_$]",
                "(?i)ambiguous column name '", "(?i)is not a valid group by expression")
            .extract(CODE)
            .advice(Texts.SYNTAX)
            .build(),
        rule("snowflake.type-mismatch", DATABASE, Subclass.TYPE_MISMATCH)
            .summary("100038/100040/100035/100071/001044: a value or argument of the wrong type")
            .priority(600)
            .match(code("100038", "100040", "100035", "100036", "100037", "100071", "100069", "001044", "002023",
                    "100145"),
                "(?i)(?:Numeric|Date|Timestamp|Time|Boolean) value '[^'\\n]*' is not recognized",
                "(?i)Invalid argument types for function", "(?i)Failed to cast variant value",
                "(?i)Expression type does not match column data type")
            .extract(CODE)
            .advice(Texts.TYPES)
            .build(),
        rule("snowflake.division-by-zero", DATABASE, Subclass.DIVISION_BY_ZERO)
            .summary("100051: division by zero")
            .priority(600)
            .match(code("100051"))
            .extract(CODE)
            .advice(Texts.DIVISION)
            .build(),
        rule("snowflake.insert-column-count", DATABASE, Subclass.SCHEMA_CHANGE_NOT_ALLOWED)
            .summary("002020: insert value list does not match column list (the target table drifted)")
            .priority(600)
            .match(code("002020"), "(?i)Insert value list does not match column list")
            .extract(CODE)
            .advice(Texts.SCHEMA_CHANGE)
            .build(),
        rule("snowflake.lock-conflict", DATABASE, Subclass.CONCURRENT_MODIFICATION)
            .summary("000625: statement aborted waiting for a lock held by another transaction")
            .priority(600)
            .match(code("000625"), "(?i)has locked table '[^'\\n]*' in transaction",
                "(?i)number of waiters for this lock exceeds")
            .extract(CODE)
            .advice(Texts.CONCURRENT).transience(Transience.TRANSIENT)
            .build(),
        rule("snowflake.python-interpreter", DATABASE, Subclass.PYTHON_MODEL_ERROR)
            .summary("100357: Python Interpreter Error (a Python model or UDF failed)")
            .priority(620)
            .match(code("100357"))
            .extract(CODE)
            .advice("The Python model's code raised in Snowpark: read the Python traceback, fix the model's "
                + "function, then re-run {model}.")
            .build(),
        rule("snowflake.already-exists", DATABASE, Subclass.OTHER)
            .summary("002002: object already exists")
            .priority(600)
            .match(code("002002"), "(?i)Object '[^'\\n]*' already exists")
            .extract(CODE)
            .advice(Texts.ALREADY_EXISTS)
            .build(),
        rule("snowflake.unsupported-feature", DATABASE, Subclass.UNSUPPORTED_OPERATION)
            .summary("000002/000008: unsupported feature")
            .priority(590)
            .match(code("000002", "000008"), "(?i)Unsupported feature '")
            .extract(CODE)
            .advice(Texts.UNSUPPORTED)
            .build(),
        rule("snowflake.resources", DATABASE, Subclass.RESOURCE_EXHAUSTED)
            .summary("Snowflake ran out of memory or hit a resource limit")
            .priority(600)
            .match("(?i)exceeded (?:the )?memory limit|out of memory|(?:max|maximum) (?:LOB|lob) size|"
                + "Max LOB size|memory exhausted")
            .when(c -> c.adapter().map("snowflake"::equals).orElse(false)
                || SNOWFLAKE_CODE.matcher(c.text()).find())
            .advice(Texts.RESOURCES)
            .build());
  }
}
