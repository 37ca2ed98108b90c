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

/**
 * The standard SQLSTATE classes, for any adapter whose message carries one: Snowflake's
 * {@code 000904 (42000)}, redshift_connector's {@code 'C': '42P01'}, Databricks' {@code SQLSTATE: 42501} and
 * ODBC tuples {@code ('42S22', ...)}. Ranked below the vendors' own wording.
 */
public final class SqlStateRules {
  private SqlStateRules() {}

  static String state(String states) {
    return "(?:\\b\\d{6} \\(|'C': '|SQLSTATE[:=]? ?\\[?|\\('|\\[)(?<state>" + states + ")(?:'|\\]|\\)|\\b)";
  }

  private static PatternRule.Builder st(String id, ErrorClass c, Subclass s, String states, String summary) {
    return rule(id, c, s).priority(450).match(state(states)).extract(state(states)).summary(summary);
  }

  /** Returns the pack's rules. */
  public static List<Rule> rules() {
    return List.of(
        st("sqlstate.insufficient-privilege", DATABASE, Subclass.PERMISSION_DENIED, "42501",
            "SQLSTATE 42501 insufficient_privilege").advice(Texts.PERMISSION).build(),
        st("sqlstate.undefined-table", DATABASE, Subclass.MISSING_RELATION, "42P01|42S02|3F000|3D000",
            "SQLSTATE 42P01/42S02/3F000/3D000: undefined table, schema or database")
            .advice(Texts.MISSING_RELATION).build(),
        st("sqlstate.undefined-column", DATABASE, Subclass.MISSING_COLUMN, "42703|42S22",
            "SQLSTATE 42703/42S22: undefined column").advice(Texts.MISSING_COLUMN).build(),
        st("sqlstate.syntax-error", DATABASE, Subclass.SQL_SYNTAX, "42601|42883|42P02",
            "SQLSTATE 42601/42883: syntax error or undefined function").advice(Texts.SYNTAX).build(),
        st("sqlstate.data-exception", DATABASE, Subclass.TYPE_MISMATCH,
            "42804|42846|22P02|22007|22008|22018|22003|22001",
            "SQLSTATE 42804/22P02/22007/22018/22003: datatype mismatch, invalid text, cast failure")
            .advice(Texts.TYPES).build(),
        st("sqlstate.division-by-zero", DATABASE, Subclass.DIVISION_BY_ZERO, "22012",
            "SQLSTATE 22012 division_by_zero").advice(Texts.DIVISION).build(),
        st("sqlstate.query-canceled", DATABASE, Subclass.STATEMENT_TIMEOUT, "57014",
            "SQLSTATE 57014 query_canceled (statement timeout)").advice(Texts.TIMEOUT)
            .transience(Transience.TRANSIENT).build(),
        st("sqlstate.transaction-rollback", DATABASE, Subclass.CONCURRENT_MODIFICATION, "40P01|40001|55P03|40000",
            "SQLSTATE 40P01/40001/55P03: deadlock, serialization failure, lock not available")
            .advice(Texts.CONCURRENT).transience(Transience.TRANSIENT).build(),
        st("sqlstate.insufficient-resources", DATABASE, Subclass.RESOURCE_EXHAUSTED, "53[0-9A-Z]{3}|54000|54001",
            "SQLSTATE 53xxx/54000: insufficient resources, program limit exceeded").advice(Texts.RESOURCES)
            .build(),
        st("sqlstate.duplicate-object", DATABASE, Subclass.OTHER, "42P07|42710|42S01",
            "SQLSTATE 42P07/42710: duplicate table or object").advice(Texts.ALREADY_EXISTS).build(),
        st("sqlstate.feature-not-supported", DATABASE, Subclass.UNSUPPORTED_OPERATION, "0A000",
            "SQLSTATE 0A000 feature_not_supported").advice(Texts.UNSUPPORTED).build(),
        st("sqlstate.invalid-authorization", RUNTIME, Subclass.CREDENTIALS_INVALID_OR_EXPIRED, "28000|28P01",
            "SQLSTATE 28000/28P01: invalid authorization specification or password").advice(Texts.CREDENTIALS)
            .fixLayer(FixLayer.ENVIRONMENT).build());
  }
}
