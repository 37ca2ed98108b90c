package dev.dbttriage.rules.internal;

import static dev.dbttriage.classify.ErrorClass.DATABASE;
import static dev.dbttriage.rules.internal.PatternRule.rule;

import dev.dbttriage.classify.Rule;
import dev.dbttriage.classify.Subclass;
import java.util.List;

/** DuckDB: errors are prefixed with their type (Catalog, Binder, Conversion, Parser, ... Error). */
public final class DuckDbRules {
  private DuckDbRules() {}

  /** Returns the pack's rules. */
  public static List<Rule> rules() {
    return List.of(
        rule("duckdb.catalog-missing-relation", DATABASE, Subclass.MISSING_RELATION)
            .summary("Catalog Error: Table/View/Schema with name ... does not exist; Binder Error: Catalog ... does not exist")
            .priority(600)
            .match("(?i)Catalog Error: (?:Table|View|Schema|Catalog|Database|Sequence) with name [^\\n]{1,200}"
                    + "does not exist",
                "(?i)IO Error: No files found that match the pattern",
                "(?i)IO Error: Cannot open file \"[^\"\\n]*\": No such file or directory", "(?i)Catalog Error: [^\\n]{0,200}"
                    + "(?:Table|View|Schema) [^\\n]{0,100} does not exist",
                "(?i)Binder Error: (?:Catalog|Schema|Table|View|Database) \"?[^\\n]{1,200}\"? does not exist")
            .extract("(?i)with name \"?(?<rel>[\\w.\"]+?)\"? does not exist",
                "(?i)Error: (?:Catalog|Schema|Table|View|Database) \"?(?<rel>[^\"\\n]+?)\"? does not exist")
            .advice(Texts.MISSING_RELATION)
            .build(),
        rule("duckdb.catalog-missing-function", DATABASE, Subclass.SQL_SYNTAX)
            .summary("Catalog Error: Scalar/Table/Aggregate Function or Type with name ... does not exist")
            .priority(610)
            .match("(?i)Catalog Error: (?:Scalar Function|Table Function|Aggregate Function|Function|Macro|"
                + "Type|Pragma Function|Collation) with name [^\\n]{1,200}does not exist")
            .advice(Texts.SYNTAX + " DuckDB lacks this function: use its equivalent or a cross-database macro.")
            .build(),
        rule("duckdb.binder-missing-column", DATABASE, Subclass.MISSING_COLUMN)
            .summary("Binder Error: Referenced column not found / does not have a column named")
            .priority(600)
            .match("(?i)Binder Error: Referenced column [^\\n]{1,200} not found",
                "(?i)Binder Error: [^\\n]{0,200}does not have a column named",
                "(?i)Binder Error: [^\\n]{0,200}column [^\\n]{1,100} (?:not found|does not exist)")
            .extract("(?i)Referenced column \"?(?<col>[^\"\\n]+?)\"? not found", "(?i)column named \"?(?<col>[^\""
                + "\\n]+?)\"?$")
            .advice(Texts.MISSING_COLUMN)
            .build(),
        rule("duckdb.binder-missing-table", DATABASE, Subclass.MISSING_RELATION)
            .summary("Binder Error: Referenced table ... not found")
            .priority(600)
            .match("(?i)Binder Error: Referenced table [^\\n]{1,200} not found")
            .advice(Texts.MISSING_RELATION)
            .build(),
        rule("duckdb.infinite-recursion", DATABASE, Subclass.CYCLE)
            .summary("Binder Error: infinite recursion detected (a self-referencing view)")
            .priority(620)
            .match("(?i)infinite recursion detected")
            .advice("A view refers to itself: remove the self-reference (use {{ this }} only in incremental "
                + "models) and rebuild.")
            .build(),
        rule("duckdb.binder-function-types", DATABASE, Subclass.TYPE_MISMATCH)
            .summary("Binder Error: No function matches the given name and argument types; cannot compare")
            .priority(600)
            .match("(?i)Binder Error: No function matches", "(?i)Binder Error: Cannot compare values of type",
                "(?i)Binder Error: [^\\n]{0,100}Cannot mix values of type", "(?i)Mismatch Type Error")
            .advice(Texts.TYPES)
            .build(),
        rule("duckdb.conversion-error", DATABASE, Subclass.TYPE_MISMATCH)
            .summary("Conversion Error / Invalid Input Error: could not convert or cast a value")
            .priority(600)
            .match("(?i)Conversion Error: ", "(?i)Invalid Input Error: Could not (?:convert|parse)",
                "(?i)Out of Range Error: ")
            .advice(Texts.TYPES)
            .build(),
        rule("duckdb.parser-error", DATABASE, Subclass.SQL_SYNTAX)
            .summary("Parser Error: syntax error; Binder Error: ambiguous or ungrouped column")
            .priority(600)
            .match("(?i)Parser Error: ", "(?i)Binder Error: Ambiguous reference to column",
                "(?i)Binder Error: [^\\n]{0,200}must appear in the GROUP BY clause")
            .advice(Texts.SYNTAX)
            .build(),
        rule("duckdb.out-of-memory", DATABASE, Subclass.RESOURCE_EXHAUSTED)
            .summary("Out of Memory Error")
            .priority(600)
            .match("(?i)Out of Memory Error")
            .advice(Texts.RESOURCES + " (DuckDB: set memory_limit and a temp_directory for spilling.)")
            .build(),
        rule("duckdb.transaction-conflict", DATABASE, Subclass.CONCURRENT_MODIFICATION)
            .summary("Transaction Error: write-write conflict")
            .priority(600)
            .match("(?i)TransactionContext Error: [^\\n]{0,200}Conflict", "(?i)Transaction Error: [^\\n]{0,200}"
                + "conflict", "(?i)write-write conflict")
            .advice(Texts.CONCURRENT)
            .build(),
        rule("duckdb.not-implemented", DATABASE, Subclass.UNSUPPORTED_OPERATION)
            .summary("Not implemented Error")
            .priority(600)
            .match("(?i)Not implemented Error")
            .advice(Texts.UNSUPPORTED)
            .build(),
        rule("duckdb.catalog-already-exists", DATABASE, Subclass.OTHER)
            .summary("Catalog Error: ... already exists; Dependency Error on drop")
            .priority(590)
            .match("(?i)Catalog Error: [^\\n]{0,200}already exists", "(?i)Dependency Error: Cannot (?:drop|alter)")
            .advice(Texts.ALREADY_EXISTS)
            .build(),
        rule("duckdb.permission", DATABASE, Subclass.PERMISSION_DENIED)
            .summary("Permission Error / HTTP 403 reading remote files")
            .priority(600)
            .match("(?i)Permission Error: ", "(?i)HTTP Error: [^\\n]{0,200}\\b403\\b")
            .advice("DuckDB could not read or write a file or object-store path: check file permissions or the "
                + "S3/GCS credentials (CREATE SECRET) for that path.")
            .build());
  }
}
