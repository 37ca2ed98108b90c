package dev.dbttriage.cli;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunState;
import dev.dbttriage.artifact.TargetArtifacts;
import dev.dbttriage.examples.SampleRun;
import dev.dbttriage.lineage.Project;
import dev.dbttriage.log.DbtLog;
import dev.dbttriage.log.LogException;
import dev.dbttriage.log.LogInvocation;
import dev.dbttriage.log.LogReader;
import dev.dbttriage.log.LogRuns;
import dev.dbttriage.triage.TriageInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options {@code triage} and {@code plan} share: which run to read. Every list option takes one value per
 * occurrence ({@code --previous A --previous B}), so it can never swallow TARGET_DIR.
 */
final class RunOptions {
  /** The line that says the bundled sample is what was triaged. */
  static final String SAMPLE_NOTE = "note: this is the bundled sample failing run (jaffle_ops), not a run of "
      + "yours; give TARGET_DIR, or run inside a dbt project, to triage yours";

  @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET_DIR",
      description = "the dbt target/ directory of the run (default: ./target, as dbt finds it)")
  String target;

  @Option(names = "--sample", description = "read the sample failing run bundled with dbt-triage instead")
  boolean sample;

  @Option(names = "--target-path", paramLabel = "DIR",
      description = "dbt's target path, relative to the project directory (default: DBT_TARGET_PATH, else target)")
  String targetPath;

  @Option(names = "--project-dir", paramLabel = "DIR",
      description = "the dbt project (default: DBT_PROJECT_DIR, else the nearest directory up with a "
          + "dbt_project.yml, else the working directory)")
  String projectDir;

  @Option(names = "--previous", paramLabel = "DIR|FILE",
      description = "an older target/ directory or run_results.json: history only; repeat for more ('-' reads "
          + "standard input)")
  List<String> previous = new ArrayList<>();

  @Option(names = "--run-results", paramLabel = "FILE",
      description = "another run_results.json of the same incident (dbt retry, later job steps), merged, the "
          + "newest result per node winning; repeat for more ('-' reads standard input)")
  List<String> runResults = new ArrayList<>();

  @Option(names = "--log", paramLabel = "FILE",
      description = "dbt's log of the run (logs/dbt.log, JSON log lines or console output; '-' reads standard "
          + "input, for a paste): its results stand in for a run_results.json that is missing or from another "
          + "invocation (a killed run). Default: logs/dbt.log of the project, when there is one")
  String log;

  @Option(names = "--no-log", description = "do not read the project's logs/dbt.log")
  boolean noLog;

  /** Reads the target (or the bundled sample), the log, the extra run results and the history. */
  TriageInput input(CliContext context) {
    TargetArtifacts target;
    if (log != null && noLog) {
      throw new CliUsageException("give --log or --no-log, not both");
    }
    if (sample) {
      if (this.target != null) {
        throw new CliUsageException("give TARGET_DIR or --sample, not both");
      }
      if (log != null) {
        throw new CliUsageException("give --log or --sample, not both");
      }
      context.err().println(SAMPLE_NOTE);
      target = SampleRun.load();
    } else {
      Path dir;
      try {
        dir = TargetDir.resolve(this.target, targetPath, projectDir, context);
      } catch (CliUsageException e) {
        if (log == null || this.target != null) {
          throw e;
        }
        return logOnly(context);
      }
      target = Loading.readTarget(dir, context);
    }
    Optional<DbtLog> dbtLog = sample || noLog ? Optional.empty() : log != null ? Optional.of(readLog(context))
        : projectLog(target, context);
    List<RunResults> current = new ArrayList<>();
    List<RunResults> replaced = new ArrayList<>();
    if (dbtLog.isPresent()) {
      RunResults chosen = LogRuns.choose(target.runResults(), dbtLog.get(), target.manifest());
      current.add(chosen);
      if (LogRuns.fromLog(chosen)) {
        target.runResults().ifPresent(replaced::add);
      }
    } else {
      target.runResults().ifPresent(current::add);
    }
    for (String f : runResults) {
      current.add(Artifacts.readRunResults(Inputs.asFile(f, "--run-results", context)));
    }
    if (current.isEmpty() && target.sources().isEmpty()) {
      // a target/ from `dbt source freshness` alone (sources.json, no run_results.json) triages its sources
      throw new CliUsageException("no run_results.json to triage in " + target.directory()
          .map(Path::toString).orElse("the sample") + "; pass --run-results FILE");
    }
    List<RunResults> history = new ArrayList<>(replaced);
    Optional<Manifest> previousManifest = Optional.empty();
    for (String p : previous) {
      Path path = Inputs.asFile(p, "--previous", context);
      history.add(Artifacts.readRunResults(Files.isDirectory(path) ? path.resolve("run_results.json") : path));
      // the first previous target with a manifest is what the full-refresh advisor compares against
      if (previousManifest.isEmpty() && Files.isRegularFile(path.resolve("manifest.json"))) {
        previousManifest = Optional.of(Loading.readManifest(path.resolve("manifest.json"), context));
      }
    }
    return new TriageInput(Project.of(target.manifest()), RunState.of(current), history, target.sources(),
        target.catalog(), previousManifest);
  }

  private DbtLog readLog(CliContext context) {
    String name = Inputs.isStdin(log) ? "standard input" : log;
    try (InputStream in = Inputs.open(log, "--log", context)) {
      return LogReader.read(in, name);
    } catch (IOException e) {
      throw new CliUsageException("cannot read --log '" + name + "': " + e.getMessage());
    }
  }

  /** The project's {@code logs/dbt.log} (or {@code DBT_LOG_PATH}'s), when it has an invocation that ran nodes. */
  private static Optional<DbtLog> projectLog(TargetArtifacts target, CliContext context) {
    Optional<Path> dir = target.directory();
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    String logPath = context.env().get("DBT_LOG_PATH");
    Path project = dir.get().toAbsolutePath().getParent();
    if (project == null) {
      return Optional.empty();
    }
    Path file = (logPath != null && !logPath.isBlank() ? project.resolve(logPath) : project.resolve("logs"))
        .resolve("dbt.log");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    DbtLog read = LogReader.read(file);
    // dbt rotates logs/dbt.log at about 10 MB into dbt.log.1 ... dbt.log.5: the manifest's invocation may be in one
    Optional<String> id = target.manifest().metadata().invocationId();
    for (int k = 1; k <= 5 && id.isPresent() && read.invocation(id.get()).isEmpty(); k++) {
      Path rotated = file.resolveSibling("dbt.log." + k);
      if (!Files.isRegularFile(rotated)) {
        break;
      }
      DbtLog older = LogReader.read(rotated);
      if (older.invocation(id.get()).isPresent()) {
        read = older;
        file = rotated;
      }
    }
    if (read.incident().isEmpty()) {
      return Optional.empty();
    }
    context.err().println("note: reading " + file + " next to the target (--no-log to skip it)");
    return Optional.of(read);
  }

  /** A triage of the log alone: no target directory was found and --log was given. */
  private TriageInput logOnly(CliContext context) {
    if (!runResults.isEmpty() || !previous.isEmpty()) {
      throw new CliUsageException("--run-results and --previous need a target directory");
    }
    DbtLog read = readLog(context);
    LogInvocation inv = read.incident().orElseThrow(() -> new LogException(
        read.source() + ": no invocation in the log ran nodes", read.source(), null));
    context.err().println("note: no target directory: triaging " + read.source() + " alone (lineage unknown)");
    Manifest manifest = LogRuns.manifestOf(read, inv);
    RunResults run = LogRuns.toRunResults(read, inv, manifest, "there is no target/ directory");
    return new TriageInput(Project.of(manifest), RunState.of(List.of(run)), List.of(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }
}
