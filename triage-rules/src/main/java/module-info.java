/** dbt-triage's built-in classification rule packs: generic dbt rules and one pack per warehouse. */
module dev.dbttriage.rules {
  requires transitive dev.dbttriage.core;

  exports dev.dbttriage.rules;

  provides dev.dbttriage.classify.RulePack with dev.dbttriage.rules.internal.BuiltInRulePack;
}
