package dev.dbttriage.rules.internal;

import dev.dbttriage.classify.Rule;
import dev.dbttriage.classify.RuleDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders docs/rules.md, the catalogue of built-in rules, from their descriptors. Stateless. */
public final class RuleCatalog {
  private RuleCatalog() {}

  /** Returns the Markdown catalogue of the built-in rules. */
  public static String markdown() {
    Map<String, List<Rule>> packs = new LinkedHashMap<>();
    packs.put("Generic dbt", DbtRules.rules());
    packs.put("SQLSTATE (any adapter)", SqlStateRules.rules());
    packs.put("Snowflake", SnowflakeRules.rules());
    packs.put("BigQuery", BigQueryRules.rules());
    packs.put("Databricks and Spark", DatabricksRules.rules());
    packs.put("Postgres and Redshift", PostgresRules.rules());
    packs.put("DuckDB", DuckDbRules.rules());
    packs.put("Trino", TrinoRules.rules());
    packs.put("SQL Server, Azure SQL, Synapse, Fabric", SqlServerRules.rules());
    packs.put("MySQL and MariaDB, ClickHouse, Oracle, AWS Glue", OtherWarehouseRules.rules());
    StringBuilder sb = new StringBuilder();
    sb.append("# Built-in classification rules\n\n");
    sb.append("<!-- Generated from the rule descriptors by RuleCatalogTest (triage-rules). Do not edit by hand:\n");
    sb.append("     mvn -o -q -pl triage-rules -am test -Dtest=RuleCatalogTest -Ddbttriage.updateDocs=true -->\n\n");
    sb.append("Every failure is offered to every rule; the matching rule with the highest priority decides ");
    sb.append("(ties break by id) and the others are kept as evidence. A Database/Compilation/Runtime header only ");
    sb.append("decides when nothing more specific matched (priority 100-140), so a warehouse error printed under ");
    sb.append("\"Runtime Error\" or \"Failure in test\" is classed by its cause. Advice placeholders: `{relation}`, ");
    sb.append("`{column}`, `{reference}`, `{model}`, `{privilege}`, `{role}`, and `{grant}` (the GRANT in the ");
    sb.append("warehouse's own syntax, with the objects the message names).\n\n");
    sb.append("Add your own rules on top: `Classifier.builder().rules(BuiltInRules.all()).rule(new MyRule())");
    sb.append(".build()`, or ship them as a `Rule`/`RulePack` service and call `discoverRules()`; test them with ");
    sb.append("`RuleTester`. Two rules with one id fail the build of the classifier.\n\n");
    int total = packs.values().stream().mapToInt(List::size).sum();
    sb.append(total).append(" rules in ").append(packs.size()).append(" packs.\n\n");
    for (Map.Entry<String, List<Rule>> pack : packs.entrySet()) {
      sb.append("## ").append(pack.getKey()).append("\n\n");
      for (Rule rule : pack.getValue()) {
        RuleDescriptor d = rule.descriptor();
        sb.append("<a id=\"").append(d.id().replace('.', '-')).append("\"></a>\n");
        sb.append("### `").append(d.id()).append("`\n\n");
        sb.append("- catches: ").append(d.summary()).append('\n');
        sb.append("- priority: ").append(d.priority()).append('\n');
        if (rule instanceof Documented) {
          Documented doc = (Documented) rule;
          sb.append("- verdict: ").append(doc.verdict()).append('\n');
          if (!doc.adviceText().isEmpty()) {
            sb.append("- advice: ").append(doc.adviceText()).append('\n');
          }
        }
        sb.append("- tags: ").append(String.join(", ", new java.util.TreeSet<>(d.tags()))).append("\n\n");
      }
    }
    return sb.toString();
  }
}
