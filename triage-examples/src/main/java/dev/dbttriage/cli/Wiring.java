package dev.dbttriage.cli;

import dev.dbttriage.artifact.ArtifactException;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.plan.RescuePlanner;
import dev.dbttriage.rules.BuiltInRules;
import dev.dbttriage.select.SelectorEngine;
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
   * A planner that verifies its steps with the selector; when the manifest's graph cannot be built (a
   * dependency on a node it lacks), the plan is made unverified and the reason printed on stderr.
   */
  static RescuePlanner.Builder planner(Manifest manifest, CliContext context) {
    try {
      return RescuePlanner.builder().evaluator(SelectorEngine.of(manifest)::evaluate);
    } catch (ArtifactException e) {
      context.err().println("warning: the plan's selections are not verified: " + e.getMessage());
      return RescuePlanner.builder();
    }
  }
}
