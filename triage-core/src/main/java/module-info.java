/**
 * dbt-triage core: the artifact model and readers, lineage graph, selector engine, classifier SPI, decision
 * and planning engines, and AssertJ assertions (with assertj-core as an optional dependency).
 */
module dev.dbttriage.core {
  requires transitive com.fasterxml.jackson.databind;
  requires transitive org.jgrapht.core;
  requires org.yaml.snakeyaml;
  requires static org.assertj.core;

  exports dev.dbttriage;
  exports dev.dbttriage.artifact;
  exports dev.dbttriage.assertj;
  exports dev.dbttriage.lineage;
  exports dev.dbttriage.select;
  exports dev.dbttriage.triage;
  exports dev.dbttriage.plan;
  exports dev.dbttriage.decide;
  exports dev.dbttriage.deploy;
  exports dev.dbttriage.classify;
  exports dev.dbttriage.command;
  exports dev.dbttriage.log;

  uses dev.dbttriage.classify.Rule;
  uses dev.dbttriage.classify.RulePack;
}
