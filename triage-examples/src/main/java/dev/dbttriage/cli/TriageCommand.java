package dev.dbttriage.cli;

import dev.dbttriage.triage.ReportFormat;
import dev.dbttriage.triage.Severity;
import dev.dbttriage.triage.TriageEngine;
import dev.dbttriage.triage.ReportWarning;
import dev.dbttriage.triage.TriageReport;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dbt-triage triage}: root causes, blast radius and the triage record of a run. */
@Command(name = "triage", header = "root causes behind a failed run, their blast radius and the triage record",
    mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Triages the run dbt left in TARGET_DIR (manifest.json and run_results.json, plus sources.json and "
            + "catalog.json when present): attributes every skipped node to the failures upstream of it, "
            + "classifies each root cause, sizes its blast radius and fills in the runbook's triage template.",
        "Without TARGET_DIR it reads ./target as dbt finds it (--project-dir, --target-path, DBT_PROJECT_DIR, "
            + "DBT_TARGET_PATH) and fails with exit code 2 when there is none; --sample reads the bundled "
            + "sample failing run.",
        "The project's logs/dbt.log (or --log FILE, '-' for a paste) stands in for a run_results.json that is "
            + "missing or from another invocation, as a killed run leaves it; with --log and no target directory "
            + "the log alone is triaged, lineage unknown."},
    footerHeading = "%n", footer = "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it (or a "
        + "killed run), "
        + "2 bad usage or input.")
final class TriageCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin RunOptions run = new RunOptions();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default), markdown, json (docs/cli.md) or junit")
  String format;

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "exit 1 when a root cause is at or above it: info, minor (default), moderate, major, or none "
          + "(default for --sample)")
  String failOn;

  @Option(names = "--major-threshold", paramLabel = "N", defaultValue = "50",
      description = "downstream nodes above which a root is major (default 50)")
  int majorThreshold;

  @Option(names = "--minor-threshold", paramLabel = "N", defaultValue = "2",
      description = "downstream nodes up to which a root is minor (default 2)")
  int minorThreshold;

  TriageCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ReportFormat reportFormat = format(format);
    Optional<Severity> threshold = failOn(failOn, run.sample ? "none" : "minor");
    TriageEngine engine = Wiring.triageEngine(nonNegative("--minor-threshold", minorThreshold),
        nonNegative("--major-threshold", majorThreshold));
    TriageReport report = engine.triage(run.input(context));
    // streamed, not rendered into one string first: the JSON of a 200k-node run is tens of megabytes
    java.io.Writer writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(context.out(),
        java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
    reportFormat.write(report, writer);
    context.out().flush();
    return exitCode(report, threshold);
  }

  static int nonNegative(String flag, int n) {
    if (n < 0) {
      throw new CliUsageException(flag + " expects a non-negative integer but got '" + n + "'");
    }
    return n;
  }

  static ReportFormat format(String name) {
    try {
      return ReportFormat.fromName(name);
    } catch (IllegalArgumentException e) {
      throw new CliUsageException(e.getMessage());
    }
  }

  static Optional<Severity> failOn(String given, String defaultValue) {
    String v = given == null ? defaultValue : given;
    if (v.equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Severity.fromLabel(v));
    } catch (IllegalArgumentException e) {
      throw new CliUsageException("'" + v + "' is not a severity; valid values: info, minor, moderate, major, none");
    }
  }

  static int exitCode(TriageReport report, Optional<Severity> failOn) {
    // artifacts that could not be read in full are never a clean run a script may pass on
    // nor is a run that was killed while nodes ran, whatever the severity of what it lost
    if (failOn.isPresent() && (report.hasWarning(ReportWarning.RESULTS_INCOMPLETE)
        || report.hasWarning(dev.dbttriage.artifact.WarningCode.RUN_KILLED.name()))) {
      return ExitCodes.FINDINGS;
    }
    if (failOn.isPresent() && report.maxSeverity().map(s -> s.compareTo(failOn.get()) >= 0).orElse(false)) {
      return ExitCodes.FINDINGS;
    }
    return ExitCodes.OK;
  }
}
