/** The dbt-triage command line and worked examples of embedding the library. */
module dev.dbttriage.examples {
  requires transitive dev.dbttriage.core;
  requires dev.dbttriage.rules;

  exports dev.dbttriage.cli;
  exports dev.dbttriage.examples;
}
