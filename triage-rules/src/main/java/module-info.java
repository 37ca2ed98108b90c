/** dbt-triage's built-in classification rule packs: generic dbt rules and one pack per warehouse. */
module dev.dbttriage.rules {
  requires transitive dev.dbttriage.core;

  exports dev.dbttriage.rules;
}
