package dev.dbttriage.rules.internal;

import static dev.dbttriage.classify.ErrorClass.DATABASE;
import static dev.dbttriage.rules.internal.PatternRule.rule;

import dev.dbttriage.classify.Rule;
import dev.dbttriage.classify.Subclass;
import dev.dbttriage.classify.Transience;
import java.util.List;

/**
 * Postgres and Redshift: the server's message wording (psycopg2 prints it bare; redshift_connector prints a
 * dict with {@code 'C'} SQLSTATE and {@code 'M'} message), plus Redshift-only failures (WLM, serializable
 * isolation, leader-node functions).
 */
public final class PostgresRules {
  private PostgresRules() {}

  /** Returns the pack's rules. */
  public static List<Rule> rules() {
    return List.of(
        rule("postgres.permission-denied", DATABASE, Subclass.PERMISSION_DENIED)
            .summary("42501: permission denied for table/schema/database/..., must be owner of")
            .priority(600)
            .match("(?i)permission denied for (?:table|relation|schema|database|sequence|function|view|"
                    + "materialized view|language|type)\\b",
                "(?i)\\bmust be owner of (?:table|relation|schema|view|materialized view|database)")
            .extract("(?i)permission denied for (?<kind>table|relation|schema|database|sequence|function|view) "
                    + "\"?(?<rel>[\\w.$\"-]+?)\"?(?:'|,|\\s|$)",
                "(?i)must be owner of (?<kind>table|relation|schema|view|database) (?<rel>[\\w.$\"-]+)")
            .advice(Texts.PERMISSION)
            .build(),
        rule("postgres.relation-does-not-exist", DATABASE, Subclass.MISSING_RELATION)
            .summary("42P01/3F000/3D000: relation, schema or database does not exist")
            .priority(600)
            .match("(?i)\\b(?:relation|table|view|schema|database) \"[^\"\\n]*\" does not exist",
                "(?i)Cannot find (?:table|relation) [^\\n]{1,200}")
            .unless("(?i)column \"[^\"\\n]*\" of relation")
            .extract("(?i)(?:relation|table|view|schema|database) \"(?<rel>[^\"\\n]*)\" does not exist")
            .advice(Texts.MISSING_RELATION)
            .build(),
        rule("postgres.column-in-tmp-does-not-exist", DATABASE, Subclass.SCHEMA_CHANGE_NOT_ALLOWED)
            .summary("A column missing from the target or __dbt_tmp relation while inserting (schema drift)")
            .priority(610)
            .match("(?i)column \"?[\\w$]+\"? (?:of relation \"?[\\w.$]+\"? )?does not exist[^\\n]{0,60}__dbt_tmp",
                "(?i)column \"[^\"\\n]*\" of relation \"[^\"\\n]*\" does not exist",
                "(?i)column [^\\n]{1,100} does not exist in [^\\n]{0,200}__dbt_tmp")
            .extract("(?i)column \"?(?<col>[\\w$]+)\"?")
            .advice(Texts.SCHEMA_CHANGE)
            .build(),
        rule("postgres.view-columns-changed", DATABASE, Subclass.SCHEMA_CHANGE_NOT_ALLOWED)
            .summary("CREATE OR REPLACE VIEW cannot drop, rename or retype a view column (the view's shape changed)")
            .priority(600)
            .match("(?i)cannot drop columns from view", "(?i)cannot change (?:name|data type) of view column")
            .advice("The view's columns changed in a way CREATE OR REPLACE VIEW cannot apply: drop the view (or "
                + "run `dbt run --select {model} --full-refresh`) and rebuild it.")
            .build(),
        rule("postgres.column-does-not-exist", DATABASE, Subclass.MISSING_COLUMN)
            .summary("42703: column does not exist")
            .priority(600)
            .match("(?i)\\bcolumn \"?[^\"\\n]{1,200}\"? does not exist")
            .extract("(?i)column \"(?<col>[^\"\\n]*)\" does not exist", "(?i)column (?<col>[\\w.$]+) does not exist")
            .advice(Texts.MISSING_COLUMN)
            .build(),
        rule("postgres.function-does-not-exist", DATABASE, Subclass.SQL_SYNTAX)
            .summary("42883: function does not exist (a dialect difference or wrong argument types)")
            .priority(600)
            .match("(?i)\\bfunction [\\w.\"]+\\([^\\n]{0,300}\\) does not exist",
                "(?i)No function matches the given name and argument types")
            .unless("Binder Error")
            .advice(Texts.SYNTAX + " The function or its argument form differs between warehouses (DATEADD vs "
                + "DATE_ADD, DATEDIFF on timestamptz); use a cross-database macro such as dbt.datediff.")
            .build(),
        rule("postgres.operator-does-not-exist", DATABASE, Subclass.TYPE_MISMATCH)
            .summary("42883/42804/22P02: operator does not exist, wrong types, invalid input syntax, casts")
            .priority(600)
            .match("(?i)operator does not exist: ", "(?i)invalid input syntax for (?:type|integer)",
                "(?i)\\bis of type [\\w ]+ but expression is of type", "(?i)cannot cast type [\\w ]+ to",
                "(?i)value too long for type", "(?i)cannot be cast automatically to type",
                "(?i)Invalid digit, Value '", "(?i)Numeric data overflow|numeric field overflow",
                "(?i)out of range for type", "(?i)date/time field value out of range",
                "(?i)could not convert string to", "(?i)types [\\w ]+ and [\\w ]+ cannot be matched",
                "(?i)could not determine data type of parameter")
            .advice(Texts.TYPES)
            .build(),
        rule("postgres.syntax-error", DATABASE, Subclass.SQL_SYNTAX)
            .summary("42601/42702/42803: syntax error, ambiguous column reference, ungrouped column")
            .priority(600)
            .match("(?i)syntax error at or near", "(?i)syntax error at end of input",
                "(?i)column reference \"[^\"\\n]*\" is ambiguous",
                "(?i)must appear in the GROUP BY clause or be used in an aggregate function",
                "(?i)column \"[^\"\\n]*\" specified more than once")
            .advice(Texts.SYNTAX)
            .build(),
        rule("postgres.statement-timeout", DATABASE, Subclass.STATEMENT_TIMEOUT)
            .summary("57014: canceling statement due to statement timeout (or user request)")
            .priority(600)
            .match("(?i)canceling statement due to (?:statement timeout|user request|lock timeout)",
                "(?i)Query \\(\\d+\\) cancelled on user's request", "(?i)statement_timeout")
            .advice(Texts.TIMEOUT)
            .transience(Transience.TRANSIENT)
            .build(),
        rule("postgres.division-by-zero", DATABASE, Subclass.DIVISION_BY_ZERO)
            .summary("22012: division by zero / Divide by zero")
            .priority(600)
            .match("(?i)\\bdivision by zero\\b", "(?i)\\bDivide by zero\\b")
            .unless("Compilation Error|ZeroDivisionError")
            .advice(Texts.DIVISION)
            .build(),
        rule("postgres.concurrency", DATABASE, Subclass.CONCURRENT_MODIFICATION)
            .summary("40P01/40001/55P03: deadlock, serialization failure, lock not available")
            .priority(600)
            .match("(?i)deadlock detected", "(?i)could not serialize access", "(?i)could not obtain lock",
                "(?i)Serializable isolation violation on table", "(?i)concurrent (?:update|transaction)",
                "(?i)tuple concurrently updated", "(?i)lock timeout", "(?i)could not open relation with OID \\d+")
            .advice(Texts.CONCURRENT)
            .transience(Transience.TRANSIENT)
            .build(),
        rule("postgres.resources", DATABASE, Subclass.RESOURCE_EXHAUSTED)
            .summary("53xxx/54000 and Redshift WLM: out of memory/disk, too many connections, QMR abort")
            .priority(600)
            .match("(?i)cancelled by WLM abort action", "(?i)Query Monitoring Rule", "(?i)\\bout of memory\\b",
                "(?i)Disk Full", "(?i)could not (?:extend|write to) file", "(?i)No space left on device",
                "(?i)too many connections", "(?i)could not resize shared memory", "(?i)out of shared memory",
                "(?i)temporary file size exceeds", "(?i)exceeds? (?:the )?(?:maximum|max) (?:allowed )?size")
            .advice(Texts.RESOURCES)
            .build(),
        rule("postgres.already-exists", DATABASE, Subclass.OTHER)
            .summary("42P07/42710: relation or object already exists")
            .priority(590)
            .match("(?i)\\b(?:relation|table|view|schema|index|type) \"[^\"\\n]*\" already exists")
            .advice(Texts.ALREADY_EXISTS)
            .build(),
        rule("postgres.merge-cardinality", DATABASE, Subclass.MERGE_CARDINALITY_VIOLATION)
            .summary("21000: MERGE/ON CONFLICT command cannot affect row a second time")
            .priority(600)
            .match("(?i)command cannot affect row a second time",
                "(?i)Found multiple matches to update the same tuple")
            .advice(Texts.MERGE)
            .build(),
        rule("redshift.unsupported", DATABASE, Subclass.UNSUPPORTED_OPERATION)
            .summary("Redshift: correlated subquery pattern or feature not supported")
            .priority(590)
            .match("(?i)This type of correlated subquery pattern is not supported",
                "(?i)\\bis not supported on Redshift\\b", "(?i)\\bNot implemented\\b")
            .unless("Not implemented Error")
            .advice(Texts.UNSUPPORTED)
            .build(),
        rule("redshift.leader-node-function", DATABASE, Subclass.SQL_SYNTAX)
            .summary("Redshift: a leader-node-only function or type used on a compute-node table")
            .priority(600)
            .match("(?i)functions? \\(one per INFO message\\) not supported on Redshift tables",
                "(?i)Specified types or functions [^\\n]{0,60}not supported")
            .advice(Texts.SYNTAX)
            .build());
  }
}
