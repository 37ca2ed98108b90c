package dev.dbttriage.rules.internal;

import static dev.dbttriage.classify.ErrorClass.DATABASE;
import static dev.dbttriage.rules.internal.PatternRule.rule;

import dev.dbttriage.classify.Rule;
import dev.dbttriage.classify.Subclass;
import dev.dbttriage.classify.Transience;
import java.util.List;

/**
 * SQL Server, Azure SQL, Synapse and Fabric: ODBC tuples {@code ('42S22', "[42S22] [Microsoft]...message.
 * (207)")} carrying the SQLSTATE and the engine's error number in parentheses.
 */
public final class SqlServerRules {
  private SqlServerRules() {}

  private static String num(String numbers) {
    return "\\[SQL Server\\][^\\n]{0,500}\\((?<code>" + numbers + ")\\)";
  }

  /** Returns the pack's rules. */
  public static List<Rule> rules() {
    return List.of(
        rule("sqlserver.invalid-column", DATABASE, Subclass.MISSING_COLUMN)
            .summary("207 (42S22): Invalid column name")
            .priority(600)
            .match(num("207"), "(?i)Invalid column name '")
            .extract("(?i)Invalid column name '(?<col>[^'\\n]*)'", num("\\d+"))
            .advice(Texts.MISSING_COLUMN).dialect("sqlserver")
            .build(),
        rule("sqlserver.invalid-object", DATABASE, Subclass.MISSING_RELATION)
            .summary("208 (42S02): Invalid object name; 2760 schema does not exist")
            .priority(600)
            .match(num("208|2760|15151"), "(?i)Invalid object name '",
                "(?i)The specified schema name \"[^\"\\n]*\" either does not exist")
            .extract("(?i)Invalid object name '(?<rel>[^'\\n]*)'", num("\\d+"))
            .advice(Texts.MISSING_RELATION).dialect("sqlserver")
            .build(),
        rule("sqlserver.permission-denied", DATABASE, Subclass.PERMISSION_DENIED)
            .summary("229/230/262/297/300/916: permission was denied")
            .priority(600)
            .match(num("229|230|262|297|300|916|1088|15247"),
                "(?i)The [A-Z]{1,20}(?: [A-Z]{1,20}){0,3} permission was denied on the object",
                "(?i)\\b[A-Z]{1,20}(?: [A-Z]{1,20}){0,3} permission denied in database",
                "(?i)is not able to access the database")
            .extract("(?i)The (?<priv>[A-Z]{1,20}(?: [A-Z]{1,20}){0,3}) permission was denied on the object '(?<rel>[^'\\n]*)'",
                num("\\d+"))
            .advice(Texts.PERMISSION).dialect("sqlserver")
            .build(),
        rule("sqlserver.syntax", DATABASE, Subclass.SQL_SYNTAX)
            .summary("102/156/195/4121: incorrect syntax, unknown built-in function")
            .priority(600)
            .match(num("102|156|195|4121|319|1018"), "(?i)Incorrect syntax near",
                "(?i)is not a recognized built-in function name")
            .extract(num("\\d+"))
            .advice(Texts.SYNTAX + " (T-SQL: no LIMIT, use TOP; DATEADD(day, n, d).)")
            .build(),
        rule("sqlserver.conversion", DATABASE, Subclass.TYPE_MISMATCH)
            .summary("241/245/8114/8115/206/2628/8152: conversion failed, operand type clash, truncation")
            .priority(600)
            .match(num("241|245|8114|8115|206|2628|8152|242|517"), "(?i)Conversion failed when converting",
                "(?i)Error converting data type", "(?i)Operand type clash",
                "(?i)String or binary data would be truncated", "(?i)Arithmetic overflow error")
            .extract(num("\\d+"))
            .advice(Texts.TYPES)
            .build(),
        rule("sqlserver.divide-by-zero", DATABASE, Subclass.DIVISION_BY_ZERO)
            .summary("8134: Divide by zero error encountered")
            .priority(610)
            .match(num("8134"), "(?i)Divide by zero error encountered")
            .extract(num("\\d+"))
            .advice(Texts.DIVISION)
            .build(),
        rule("sqlserver.deadlock", DATABASE, Subclass.CONCURRENT_MODIFICATION)
            .summary("1205/1222/3960/24556: deadlock victim, lock timeout, snapshot isolation update conflict")
            .priority(600)
            .match(num("1205|1222|3960|24556"), "(?i)was deadlocked on lock", "(?i)Lock request time out period exceeded",
                "(?i)Snapshot isolation transaction aborted due to update conflict")
            .extract(num("\\d+"))
            .advice(Texts.CONCURRENT)
            .transience(Transience.TRANSIENT)
            .build(),
        rule("sqlserver.merge-cardinality", DATABASE, Subclass.MERGE_CARDINALITY_VIOLATION)
            .summary("8672: MERGE attempted to UPDATE or DELETE the same row more than once")
            .priority(600)
            .match(num("8672"), "(?i)The MERGE statement attempted to UPDATE or DELETE the same row more than once")
            .extract(num("\\d+"))
            .advice(Texts.MERGE)
            .build(),
        rule("sqlserver.resources", DATABASE, Subclass.RESOURCE_EXHAUSTED)
            .summary("1105/9002/701/40544: out of space, log full, out of memory, database size quota")
            .priority(600)
            .match(num("1105|9002|701|40544|40197|10928|10929"), "(?i)Could not allocate space for object",
                "(?i)The transaction log for database '[^'\\n]*' is full",
                "(?i)There is insufficient system memory", "(?i)has reached its size quota")
            .extract(num("\\d+"))
            .advice(Texts.RESOURCES)
            .build(),
        rule("sqlserver.already-exists", DATABASE, Subclass.OTHER)
            .summary("2714: There is already an object named")
            .priority(590)
            .match(num("2714"), "(?i)There is already an object named")
            .extract(num("\\d+"))
            .advice(Texts.ALREADY_EXISTS)
            .build(),
        rule("sqlserver.query-timeout", DATABASE, Subclass.STATEMENT_TIMEOUT)
            .summary("HYT00: Query timeout expired")
            .priority(600)
            .match("(?i)Query timeout expired", "\\('HYT00'")
            .unless("(?i)Login timeout expired")
            .advice(Texts.TIMEOUT)
            .transience(Transience.TRANSIENT)
            .build(),
        rule("sqlserver.unsupported", DATABASE, Subclass.UNSUPPORTED_OPERATION)
            .summary("A statement or feature not supported in this edition (Fabric, Synapse)")
            .priority(590)
            .match("(?i)is not supported in this (?:edition|version)", "(?i)is not supported in Fabric",
                "(?i)is not supported (?:for|in) (?:Fabric|Synapse|Azure)")
            .advice(Texts.UNSUPPORTED)
            .build(),
        rule("sqlserver.odbc-error", DATABASE, Subclass.OTHER)
            .summary("An ODBC error tuple no more specific rule recognised")
            .priority(300)
            .match("\\('[0-9A-Z]{5}', ['\"]\\[[0-9A-Z]{5}\\] \\[Microsoft\\]", "\\[Microsoft\\]\\[ODBC")
            .advice(Texts.DATABASE_OTHER)
            .build());
  }
}
