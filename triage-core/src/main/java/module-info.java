/**
 * dbt-triage core: the artifact model and readers, lineage graph, selector engine, classifier SPI, decision
 * and planning engines, and AssertJ assertions (with assertj-core as an optional dependency).
 */
module dev.dbttriage.core {
  // Jackson is an implementation detail: no public type of this module exposes one of its types.
  requires com.fasterxml.jackson.databind;
  // LineageGraph.asGraph() returns a JGraphT Graph: users of the module need it on their module path.
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
