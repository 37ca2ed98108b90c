package dev.dbttriage.cli;

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

  static RescuePlanner.Builder planner(Manifest manifest) {
    return RescuePlanner.builder().evaluator(SelectorEngine.of(manifest)::evaluate);
  }
}
