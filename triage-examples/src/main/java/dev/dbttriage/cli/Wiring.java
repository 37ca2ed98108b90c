package dev.dbttriage.cli;

import dev.dbttriage.plan.RescuePlanner;
import dev.dbttriage.rules.BuiltInRules;
import dev.dbttriage.lineage.Project;
import dev.dbttriage.select.SelectorEngine;
import dev.dbttriage.triage.TriageReport;
import dev.dbttriage.triage.TriageEngine;

/** How the command line wires the engines together: the built-in rules, the selector. */
final class Wiring {
  private Wiring() {}

  static TriageEngine triageEngine(int minor, int major) {
    if (minor > major) {
      throw new CliUsageException("--minor-threshold " + minor + " is above --major-threshold " + major);
    }
    return TriageEngine.builder().minorThreshold(minor).majorThreshold(major)
        .classifier(BuiltInRules.classifier()).build();
  }

  /**
   * A planner that verifies its steps with the report's project's selector; when the manifest's graph is one
   * dbt refuses (a dependency on a node it lacks), the plan is made unverified and the reason printed on stderr.
   */
  static RescuePlanner.Builder planner(TriageReport report, CliContext context) {
    Project project = report.project();
    if (project.graphProblem().isPresent()) {
      context.err().println("warning: the plan's selections are not verified: " + project.graphProblem().get());
      return RescuePlanner.builder();
    }
    return RescuePlanner.builder().evaluator(SelectorEngine.of(project)::evaluate);
  }
}
