/** The dbt-triage command line and worked examples of embedding the library. */
module dev.dbttriage.examples {
  requires transitive dev.dbttriage.core;
  requires dev.dbttriage.rules;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;

  // picocli reads and sets the commands' annotated fields reflectively
  opens dev.dbttriage.cli to info.picocli;

  exports dev.dbttriage.cli;
  exports dev.dbttriage.examples;
}
