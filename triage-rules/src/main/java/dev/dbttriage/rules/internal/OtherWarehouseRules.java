package dev.dbttriage.rules.internal;

import static dev.dbttriage.classify.ErrorClass.DATABASE;
import static dev.dbttriage.rules.internal.PatternRule.rule;

import dev.dbttriage.classify.Rule;
import dev.dbttriage.classify.Subclass;
import dev.dbttriage.classify.Transience;
import java.util.List;

/**
 * The other warehouses dbt runs on, by their documented error vocabularies: MySQL and MariaDB (numeric error
 * numbers with SQLSTATE, {@code 1146 (42S02): Table 'x' doesn't exist}), ClickHouse ({@code Code: 60.
 * DB::Exception: ... (UNKNOWN_TABLE)}), Oracle ({@code ORA-00942}) and AWS Glue's Data Catalog.
 */
public final class OtherWarehouseRules {
  private OtherWarehouseRules() {}

  /** A MySQL error number as the connector prints it: {@code 1146 (42S02): ...}. */
  private static String mysql(String numbers) {
    return "(?<![\\d.])(?<code>" + numbers + ") \\((?:[0-9A-Z]{5})\\):";
  }

  /** A ClickHouse error: {@code Code: 60. DB::Exception: ...} or its symbolic name in parentheses. */
  private static String clickhouse(String codes, String names) {
    return "(?:Code: (?<code>" + codes + ")\\. DB::Exception|DB::Exception:[^\\n]*\\((?:" + names + ")\\))";
  }

  /** An Oracle error code. */
  private static String ora(String numbers) {
    return "(?<code>ORA-(?:" + numbers + "))\\b";
  }

  /** Returns the pack's rules. */
  public static List<Rule> rules() {
    return List.of(
        rule("mysql.syntax-error", DATABASE, Subclass.SQL_SYNTAX)
            .summary("1064 (42000): You have an error in your SQL syntax (MySQL/MariaDB)")
            .priority(600)
            .match(mysql("1064|1149"), "(?i)You have an error in your SQL syntax")
            .extract(mysql("\\d+"))
            .advice(Texts.SYNTAX + " (MySQL: no FULL OUTER JOIN, no QUALIFY; use DATE_ADD(d, INTERVAL n DAY).)")
            .build(),
        rule("mysql.missing-relation", DATABASE, Subclass.MISSING_RELATION)
            .summary("1146 (42S02): Table 'x' doesn't exist; 1049 unknown database")
            .priority(600)
            .match(mysql("1146|1049|1051"), "(?i)Table '[^'\\n]+' doesn't exist", "(?i)Unknown database '")
            .extract("(?i)Table '(?<rel>[^'\\n]+)' doesn't exist", mysql("\\d+"))
            .advice(Texts.MISSING_RELATION)
            .build(),
        rule("mysql.missing-column", DATABASE, Subclass.MISSING_COLUMN)
            .summary("1054 (42S22): Unknown column 'x' in 'field list'")
            .priority(600)
            .match(mysql("1054"), "(?i)Unknown column '[^'\\n]+' in '")
            .extract("(?i)Unknown column '(?<col>[^'\\n]+)'", mysql("\\d+"))
            .advice(Texts.MISSING_COLUMN)
            .build(),
        rule("mysql.permission-denied", DATABASE, Subclass.PERMISSION_DENIED)
            .summary("1142/1143/1044 (42000): command denied to user")
            .priority(600)
            .match(mysql("1142|1143|1044|1227"), "(?i)command denied to user '[^'\\n]*'@'")
            .extract("(?i)for table '(?<rel>[^'\\n]+)'", mysql("\\d+"))
            .advice(Texts.PERMISSION).dialect("mysql")
            .build(),
        rule("mysql.lock", DATABASE, Subclass.CONCURRENT_MODIFICATION)
            .summary("1205 lock wait timeout, 1213 deadlock")
            .priority(600)
            .match(mysql("1205|1213"), "(?i)Lock wait timeout exceeded; try restarting transaction",
                "(?i)Deadlock found when trying to get lock")
            .extract(mysql("\\d+"))
            .advice(Texts.CONCURRENT).transience(Transience.TRANSIENT)
            .build(),
        rule("mysql.statement-timeout", DATABASE, Subclass.STATEMENT_TIMEOUT)
            .summary("3024: maximum statement execution time exceeded")
            .priority(600)
            .match(mysql("3024|1969"), "(?i)maximum statement execution time exceeded")
            .extract(mysql("\\d+"))
            .advice(Texts.TIMEOUT).transience(Transience.TRANSIENT)
            .build(),
        rule("clickhouse.missing-column", DATABASE, Subclass.MISSING_COLUMN)
            .summary("Code: 47 UNKNOWN_IDENTIFIER / Missing columns (ClickHouse)")
            .priority(600)
            .match(clickhouse("47|16", "UNKNOWN_IDENTIFIER|NO_SUCH_COLUMN_IN_TABLE"),
                "(?i)DB::Exception: (?:Unknown (?:expression )?identifier|Missing columns:)")
            .extract("(?i)Unknown (?:expression )?identifier [`'](?<col>[^`'\\n]+)[`']",
                "(?i)Missing columns: '(?<col>[^'\\n]+)'", "Code: (?<code>\\d+)")
            .advice(Texts.MISSING_COLUMN)
            .build(),
        rule("clickhouse.missing-relation", DATABASE, Subclass.MISSING_RELATION)
            .summary("Code: 60 UNKNOWN_TABLE, 81 UNKNOWN_DATABASE (ClickHouse)")
            .priority(600)
            .match(clickhouse("60|81", "UNKNOWN_TABLE|UNKNOWN_DATABASE"))
            .extract("(?i)Table (?<rel>[\\w.`]+) (?:does not|doesn't) exist", "Code: (?<code>\\d+)")
            .advice(Texts.MISSING_RELATION)
            .build(),
        rule("clickhouse.syntax-error", DATABASE, Subclass.SQL_SYNTAX)
            .summary("Code: 62 SYNTAX_ERROR, 46 UNKNOWN_FUNCTION (ClickHouse)")
            .priority(610)
            .match(clickhouse("62|46", "SYNTAX_ERROR|UNKNOWN_FUNCTION"))
            .extract("Code: (?<code>\\d+)")
            .advice(Texts.SYNTAX)
            .build(),
        rule("clickhouse.type-mismatch", DATABASE, Subclass.TYPE_MISMATCH)
            .summary("Code: 43/53/70/386 ILLEGAL_TYPE_OF_ARGUMENT, TYPE_MISMATCH, CANNOT_CONVERT_TYPE (ClickHouse)")
            .priority(600)
            .match(clickhouse("43|53|70|386|6|27", "ILLEGAL_TYPE_OF_ARGUMENT|TYPE_MISMATCH|CANNOT_CONVERT_TYPE|"
                + "NO_COMMON_TYPE|CANNOT_PARSE_TEXT|CANNOT_PARSE_INPUT_ASSERTION_FAILED"))
            .extract("Code: (?<code>\\d+)")
            .advice(Texts.TYPES)
            .build(),
        rule("clickhouse.permission-denied", DATABASE, Subclass.PERMISSION_DENIED)
            .summary("Code: 497 ACCESS_DENIED: Not enough privileges (ClickHouse)")
            .priority(600)
            .match(clickhouse("497", "ACCESS_DENIED"), "(?i)DB::Exception: [^\\n]*Not enough privileges")
            .extract("(?i)have the grant (?<priv>[A-Z ]+)(?:\\([^)]*\\))? ON (?<rel>[\\w.`*]+)", "Code: (?<code>\\d+)")
            .advice("The user lacks a grant: GRANT {privilege} ON {relation} TO <dbt_user> (ClickHouse). Grant it "
                + "once in the target environment (not from dbt), then re-run the model.")
            .build(),
        rule("clickhouse.resources", DATABASE, Subclass.RESOURCE_EXHAUSTED)
            .summary("Code: 241 MEMORY_LIMIT_EXCEEDED, 202 TOO_MANY_SIMULTANEOUS_QUERIES (ClickHouse)")
            .priority(600)
            .match(clickhouse("241|202|252", "MEMORY_LIMIT_EXCEEDED|TOO_MANY_SIMULTANEOUS_QUERIES|TOO_MANY_PARTS"))
            .extract("Code: (?<code>\\d+)")
            .advice(Texts.RESOURCES).transience(Transience.TRANSIENT)
            .build(),
        rule("clickhouse.timeout", DATABASE, Subclass.STATEMENT_TIMEOUT)
            .summary("Code: 159 TIMEOUT_EXCEEDED (ClickHouse)")
            .priority(600)
            .match(clickhouse("159", "TIMEOUT_EXCEEDED"))
            .extract("Code: (?<code>\\d+)")
            .advice(Texts.TIMEOUT).transience(Transience.TRANSIENT)
            .build(),
        rule("oracle.missing-relation", DATABASE, Subclass.MISSING_RELATION)
            .summary("ORA-00942: table or view does not exist; ORA-04043 object does not exist")
            .priority(600)
            .match(ora("00942|04043|01918"))
            .extract(ora("\\d{5}"))
            .advice(Texts.MISSING_RELATION)
            .build(),
        rule("oracle.missing-column", DATABASE, Subclass.MISSING_COLUMN)
            .summary("ORA-00904: invalid identifier")
            .priority(600)
            .match(ora("00904"))
            .extract("ORA-00904: \"?(?<col>[^\":\\n]+)\"?: invalid identifier", ora("\\d{5}"))
            .advice(Texts.MISSING_COLUMN)
            .build(),
        rule("oracle.permission-denied", DATABASE, Subclass.PERMISSION_DENIED)
            .summary("ORA-01031: insufficient privileges; ORA-01950 no privileges on tablespace")
            .priority(600)
            .match(ora("01031|01950|01749|01720"))
            .extract(ora("\\d{5}"))
            .advice(Texts.PERMISSION).dialect("oracle")
            .build(),
        rule("oracle.syntax-error", DATABASE, Subclass.SQL_SYNTAX)
            .summary("ORA-00933/00936/00907/00923/00905/00979/00937: malformed SQL")
            .priority(600)
            .match(ora("00933|00936|00907|00923|00905|00979|00937|00918|00911"))
            .extract(ora("\\d{5}"))
            .advice(Texts.SYNTAX + " (Oracle: no LIMIT, use FETCH FIRST n ROWS ONLY; no AS before table aliases.)")
            .build(),
        rule("oracle.division-by-zero", DATABASE, Subclass.DIVISION_BY_ZERO)
            .summary("ORA-01476: divisor is equal to zero")
            .priority(600)
            .match(ora("01476"))
            .extract(ora("\\d{5}"))
            .advice(Texts.DIVISION)
            .build(),
        rule("oracle.type-mismatch", DATABASE, Subclass.TYPE_MISMATCH)
            .summary("ORA-01722 invalid number, ORA-01843/01830/01861 bad dates, ORA-12899/01438 value too large")
            .priority(600)
            .match(ora("01722|01843|01830|01861|01858|12899|01438|01401|00932"))
            .extract(ora("\\d{5}"))
            .advice(Texts.TYPES)
            .build(),
        rule("oracle.concurrent", DATABASE, Subclass.CONCURRENT_MODIFICATION)
            .summary("ORA-00054 resource busy, ORA-00060 deadlock, ORA-08177 cannot serialize")
            .priority(600)
            .match(ora("00054|00060|08177"))
            .extract(ora("\\d{5}"))
            .advice(Texts.CONCURRENT).transience(Transience.TRANSIENT)
            .build(),
        rule("glue.entity-not-found", DATABASE, Subclass.MISSING_RELATION)
            .summary("AWS Glue EntityNotFoundException: table or database not found in the Data Catalog")
            .priority(600)
            .match("EntityNotFoundException\\)? when calling the Get(?:Table|Database|Partitions?) operation",
                "(?i)EntityNotFoundException[^\\n]{0,80}(?:Table|Database) [^\\n]{0,120}not found")
            .extract("(?i)(?:Table|Database) (?<rel>[\\w.]+) not found")
            .advice(Texts.MISSING_RELATION)
            .build());
  }
}
