package dev.dbttriage.cli;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunState;
import dev.dbttriage.artifact.TargetArtifacts;
import dev.dbttriage.examples.SampleRun;
import dev.dbttriage.triage.ReportFormat;
import dev.dbttriage.triage.Severity;
import dev.dbttriage.triage.TriageEngine;
import dev.dbttriage.triage.TriageInput;
import dev.dbttriage.triage.TriageReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.lineage.Project;
import java.util.Optional;
import java.util.Set;

/** {@code dbt-triage triage}: root causes, blast radius and the triage record of a run. */
final class TriageCommand implements CliCommand {
  private static final Set<String> SINGLE =
      Set.of("--format", "--fail-on", "--major-threshold", "--minor-threshold");
  private static final Set<String> MULTI = Set.of("--previous", "--run-results");

  @Override
  public String name() {
    return "triage";
  }

  @Override
  public String summary() {
    return "root causes behind a failed run, their blast radius and the triage record";
  }

  @Override
  public String help() {
    return """
        usage: dbt-triage triage [TARGET_DIR] [--previous DIR...] [--run-results FILE...]
                                 [--format text|markdown|json|junit] [--fail-on SEVERITY]
                                 [--major-threshold N] [--minor-threshold N]

        Triages the run dbt left in TARGET_DIR (manifest.json and run_results.json, plus sources.json and
        catalog.json when present): attributes every skipped node to the failures upstream of it, classifies
        each root cause, sizes its blast radius and fills in the runbook's triage template. Without
        TARGET_DIR, triages the sample failing run bundled with dbt-triage.

        options:
          --previous DIR...       older target/ directories (or run_results.json files): history only
          --run-results FILE...   more run_results.json of the same incident (dbt retry, later job steps),
                                  merged with TARGET_DIR's, the newest result per node winning
          --format FORMAT         text (default), markdown, json (docs/cli.md) or junit
          --fail-on SEVERITY      exit 1 when a root cause is at or above it: info, minor (default with
                                  TARGET_DIR), moderate, major, or none (default for the bundled sample)
          --major-threshold N     downstream nodes above which a root is major (default 50)
          --minor-threshold N     downstream nodes up to which a root is minor (default 2)

        exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad usage or input
        """;
  }

  @Override
  public int run(List<String> args, CliContext context) {
    CliArgs a = CliArgs.parse(args, SINGLE, MULTI, Set.of());
    if (a.positionals().size() > 1) {
      throw new CliUsageException("expected at most one TARGET_DIR but got " + a.positionals());
    }
    ReportFormat format = format(a);
    boolean sample = a.positionals().isEmpty();
    Optional<Severity> failOn = failOn(a, sample ? "none" : "minor");
    TriageEngine engine = Wiring.triageEngine(a.intValue("--minor-threshold", 2),
        a.intValue("--major-threshold", 50));
    TriageReport report = engine.triage(input(a, context, sample));
    context.out().print(format.render(report));
    context.out().flush();
    return exitCode(report, failOn);
  }

  static ReportFormat format(CliArgs a) {
    try {
      return ReportFormat.fromName(a.value("--format").orElse("text"));
    } catch (IllegalArgumentException e) {
      throw new CliUsageException(e.getMessage());
    }
  }

  static Optional<Severity> failOn(CliArgs a, String defaultValue) {
    String v = a.value("--fail-on").orElse(defaultValue);
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
    if (failOn.isPresent() && report.maxSeverity().map(s -> s.compareTo(failOn.get()) >= 0).orElse(false)) {
      return ExitCodes.FINDINGS;
    }
    return ExitCodes.OK;
  }

  /** Reads the target (or the bundled sample), the extra run results and the history. */
  static TriageInput input(CliArgs a, CliContext context, boolean sample) {
    TargetArtifacts target;
    if (sample) {
      target = SampleRun.load();
    } else {
      Path dir = context.workingDirectory().resolve(a.positionals().get(0));
      if (!Files.isDirectory(dir)) {
        throw new CliUsageException("'" + a.positionals().get(0) + "' is not a directory");
      }
      target = Loading.readTarget(dir, context);
    }
    List<RunResults> current = new ArrayList<>();
    target.runResults().ifPresent(current::add);
    for (String f : a.values("--run-results")) {
      current.add(Artifacts.readRunResults(context.workingDirectory().resolve(f)));
    }
    if (current.isEmpty()) {
      throw new CliUsageException("no run_results.json to triage in " + target.directory()
          .map(Path::toString).orElse("the sample") + "; pass --run-results FILE");
    }
    List<RunResults> previous = new ArrayList<>();
    Optional<Manifest> previousManifest = Optional.empty();
    for (String p : a.values("--previous")) {
      Path path = context.workingDirectory().resolve(p);
      previous.add(Artifacts.readRunResults(Files.isDirectory(path) ? path.resolve("run_results.json") : path));
      // the first previous target with a manifest is what the full-refresh advisor compares against
      if (previousManifest.isEmpty() && Files.isRegularFile(path.resolve("manifest.json"))) {
        previousManifest = Optional.of(Loading.readManifest(path.resolve("manifest.json"), context));
      }
    }
    return new TriageInput(Project.of(target.manifest()), RunState.of(current), previous, target.sources(),
        target.catalog(), previousManifest);
  }
}
