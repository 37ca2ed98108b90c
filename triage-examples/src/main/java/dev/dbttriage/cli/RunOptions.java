package dev.dbttriage.cli;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunState;
import dev.dbttriage.artifact.TargetArtifacts;
import dev.dbttriage.examples.SampleRun;
import dev.dbttriage.lineage.Project;
import dev.dbttriage.triage.TriageInput;
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

  /** Reads the target (or the bundled sample), the extra run results and the history. */
  TriageInput input(CliContext context) {
    TargetArtifacts target;
    if (sample) {
      if (this.target != null) {
        throw new CliUsageException("give TARGET_DIR or --sample, not both");
      }
      context.err().println(SAMPLE_NOTE);
      target = SampleRun.load();
    } else {
      target = Loading.readTarget(TargetDir.resolve(this.target, targetPath, projectDir, context), context);
    }
    List<RunResults> current = new ArrayList<>();
    target.runResults().ifPresent(current::add);
    for (String f : runResults) {
      current.add(Artifacts.readRunResults(Inputs.asFile(f, "--run-results", context)));
    }
    if (current.isEmpty() && target.sources().isEmpty()) {
      // a target/ from `dbt source freshness` alone (sources.json, no run_results.json) triages its sources
      throw new CliUsageException("no run_results.json to triage in " + target.directory()
          .map(Path::toString).orElse("the sample") + "; pass --run-results FILE");
    }
    List<RunResults> history = new ArrayList<>();
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
}
