package dev.dbttriage.rules.internal;

import dev.dbttriage.classify.Rule;
import dev.dbttriage.classify.RulePack;
import java.util.ArrayList;
import java.util.List;

/** Every built-in rule as one {@link RulePack} service, for {@code Classifier.builder().discoverRules()}. */
public final class BuiltInRulePack implements RulePack {
  /** Creates the pack (ServiceLoader needs a public no-argument constructor). */
  public BuiltInRulePack() {}

  @Override
  public String name() {
    return "builtin";
  }

  @Override
  public List<Rule> rules() {
    return all();
  }

  /** Returns every built-in rule, generic pack first. */
  public static List<Rule> all() {
    List<Rule> all = new ArrayList<>();
    all.addAll(DbtRules.rules());
    all.addAll(SqlStateRules.rules());
    all.addAll(SnowflakeRules.rules());
    all.addAll(BigQueryRules.rules());
    all.addAll(DatabricksRules.rules());
    all.addAll(PostgresRules.rules());
    all.addAll(DuckDbRules.rules());
    all.addAll(TrinoRules.rules());
    all.addAll(SqlServerRules.rules());
    all.addAll(OtherWarehouseRules.rules());
    return List.copyOf(all);
  }
}
