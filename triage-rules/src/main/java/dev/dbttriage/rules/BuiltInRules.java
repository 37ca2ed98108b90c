package dev.dbttriage.rules;

import dev.dbttriage.classify.Classifier;
import dev.dbttriage.classify.Rule;
import dev.dbttriage.rules.internal.BigQueryRules;
import dev.dbttriage.rules.internal.BuiltInRulePack;
import dev.dbttriage.rules.internal.DatabricksRules;
import dev.dbttriage.rules.internal.DbtRules;
import dev.dbttriage.rules.internal.DuckDbRules;
import dev.dbttriage.rules.internal.PostgresRules;
import dev.dbttriage.rules.internal.SnowflakeRules;
import dev.dbttriage.rules.internal.OtherWarehouseRules;
import dev.dbttriage.rules.internal.SqlServerRules;
import dev.dbttriage.rules.internal.SqlStateRules;
import dev.dbttriage.rules.internal.TrinoRules;
import java.util.List;

/**
 * The built-in classification rules: a generic dbt pack (headers, graph and package resolution, profiles,
 * connections, Jinja, YAML, tests, freshness), a SQLSTATE pack, and one pack per warehouse (Snowflake,
 * BigQuery, Databricks/Spark, Postgres/Redshift, DuckDB, Trino, SQL Server). Every rule has a stable id and is
 * documented in {@code docs/rules.md}.
 *
 * <pre>{@code
 * Classification c = BuiltInRules.classifier().classify(message);
 * // add your own rules on top:
 * Classifier mine = Classifier.builder().rules(BuiltInRules.all()).rule(new MyWarehouseRule()).build();
 * }</pre>
 *
 * <p>Thread-safe: the rules are immutable and the lists unmodifiable.
 */
public final class BuiltInRules {
  private static final Classifier CLASSIFIER = Classifier.builder().rules(BuiltInRulePack.all()).build();

  private BuiltInRules() {}

  /**
   * Returns every built-in rule.
   *
   * @return the rules, unmodifiable
   */
  public static List<Rule> all() {
    return BuiltInRulePack.all();
  }

  /**
   * Returns a shared classifier with every built-in rule.
   *
   * @return the classifier
   */
  public static Classifier classifier() {
    return CLASSIFIER;
  }

  /**
   * Returns the generic dbt pack: headers, refs and sources, packages, profiles, connections, credentials,
   * Jinja, YAML, tests and freshness.
   *
   * @return the rules
   */
  public static List<Rule> dbt() {
    return DbtRules.rules();
  }

  /**
   * Returns the SQLSTATE pack, for any adapter whose message carries a SQLSTATE.
   *
   * @return the rules
   */
  public static List<Rule> sqlState() {
    return SqlStateRules.rules();
  }

  /**
   * Returns the Snowflake pack (numeric error codes such as 002003, 000904, 003001).
   *
   * @return the rules
   */
  public static List<Rule> snowflake() {
    return SnowflakeRules.rules();
  }

  /**
   * Returns the BigQuery pack (reasons such as accessDenied, notFound, resourcesExceeded).
   *
   * @return the rules
   */
  public static List<Rule> bigQuery() {
    return BigQueryRules.rules();
  }

  /**
   * Returns the Databricks/Spark pack (error classes such as TABLE_OR_VIEW_NOT_FOUND, DELTA_MISSING_COLUMN).
   *
   * @return the rules
   */
  public static List<Rule> databricks() {
    return DatabricksRules.rules();
  }

  /**
   * Returns the Postgres and Redshift pack.
   *
   * @return the rules
   */
  public static List<Rule> postgres() {
    return PostgresRules.rules();
  }

  /**
   * Returns the DuckDB pack (Catalog, Binder, Conversion, Parser errors).
   *
   * @return the rules
   */
  public static List<Rule> duckDb() {
    return DuckDbRules.rules();
  }

  /**
   * Returns the Trino pack (error names such as TABLE_NOT_FOUND, NOT_SUPPORTED).
   *
   * @return the rules
   */
  public static List<Rule> trino() {
    return TrinoRules.rules();
  }

  /**
   * Returns the SQL Server pack (ODBC tuples and engine error numbers).
   *
   * @return the rules
   */
  public static List<Rule> sqlServer() {
    return SqlServerRules.rules();
  }

  /**
   * Returns the pack for MySQL and MariaDB (error numbers), ClickHouse ({@code Code: N. DB::Exception}), Oracle
   * ({@code ORA-NNNNN}) and the AWS Glue Data Catalog.
   *
   * @return the rules
   */
  public static List<Rule> otherWarehouses() {
    return OtherWarehouseRules.rules();
  }
}
