package dev.dbttriage;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunState;
import dev.dbttriage.artifact.TargetArtifacts;
import dev.dbttriage.decide.FullRefreshAdvisor;
import dev.dbttriage.lineage.Project;
import dev.dbttriage.log.DbtLog;
import dev.dbttriage.log.LogInvocation;
import dev.dbttriage.log.LogReader;
import dev.dbttriage.log.LogRuns;
import dev.dbttriage.plan.RescuePlan;
import dev.dbttriage.plan.RescuePlanner;
import dev.dbttriage.select.SelectorEngine;
import dev.dbttriage.triage.TriageEngine;
import dev.dbttriage.triage.TriageInput;
import dev.dbttriage.triage.TriageReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The entry point of dbt-triage: read what a dbt run left in {@code target/}, and triage it.
 *
 * <pre>{@code
 * TriageReport report = Triage.triage(Triage.readTarget(Path.of("target")));
 * for (RootCause root : report.failures()) {
 *   System.out.printf("%s %s %s/%s: %d downstream%n  %s%n  then: %s%n",
 *       root.severity(), root.name(), root.diagnosis().errorClass(), root.diagnosis().subclass(),
 *       root.blastRadius().size(), root.firstLine(), root.record().recoveryCommand());
 * }
 * RescuePlan plan = Triage.plan(report, Triage.readTarget(Path.of("target")).manifest());
 * }</pre>
 *
 * <p>With triage-rules on the class or module path, failures are classified by the built-in rule packs
 * (discovered with {@link java.util.ServiceLoader}); without it, by dbt's headers.
 *
 * <p>All methods are thread-safe.
 */
public final class Triage {
  private Triage() {}

  /**
   * Reads a {@code target/} directory.
   *
   * @param directory the directory dbt wrote its artifacts to
   * @return the artifacts
   * @throws dev.dbttriage.artifact.ArtifactException if the directory has no manifest or a file is bad
   */
  public static TargetArtifacts readTarget(Path directory) {
    return Artifacts.readTarget(directory);
  }

  /**
   * Reads a {@code manifest.json}.
   *
   * @param file the file
   * @return the manifest
   * @throws dev.dbttriage.artifact.ArtifactException on bad input
   */
  public static Manifest readManifest(Path file) {
    return Artifacts.readManifest(file);
  }

  /**
   * Reads a {@code run_results.json}.
   *
   * @param file the file
   * @return the run results
   * @throws dev.dbttriage.artifact.ArtifactException on bad input
   */
  public static RunResults readRunResults(Path file) {
    return Artifacts.readRunResults(file);
  }

  /**
   * Triages the run of a {@code target/} directory with the default engine: the runbook's severity thresholds
   * and the classification rules {@link java.util.ServiceLoader} finds.
   *
   * @param target the artifacts, with run results
   * @return the report
   * @throws IllegalArgumentException if the target has no run results
   */
  public static TriageReport triage(TargetArtifacts target) {
    if (target.runResults().isEmpty()) {
      throw new IllegalArgumentException("the target has no run_results.json to triage");
    }
    return engine().build().triage(TriageInput.of(target));
  }

  /**
   * Reads a dbt log ({@code logs/dbt.log}, JSON lines or console output) of any dbt version.
   *
   * @param file the log
   * @return the log, split into invocations
   * @throws dev.dbttriage.log.LogException if the file is missing, empty, binary or not a dbt log
   */
  public static DbtLog readLog(Path file) {
    return LogReader.read(file);
  }

  /**
   * Reads a dbt log an orchestrator holds in memory (a task's captured output, a paste).
   *
   * @param text the log's text
   * @param name the name to use in warnings and errors
   * @return the log, split into invocations
   * @throws dev.dbttriage.log.LogException if the text is empty or not a dbt log
   */
  public static DbtLog parseLog(String text, String name) {
    return LogReader.parse(text, name);
  }

  /**
   * Reads a dbt log from a stream, which is not closed (an orchestrator's log stream, a pipe).
   *
   * @param in the stream
   * @param name the name to use in warnings and errors
   * @return the log, split into invocations
   * @throws dev.dbttriage.log.LogException if the stream is empty, binary or not a dbt log
   */
  public static DbtLog readLog(java.io.InputStream in, String name) {
    return LogReader.read(in, name);
  }

  /**
   * Triages a run from its {@code target/} and its log: the log's results stand in for a
   * {@code run_results.json} that is missing or from another invocation (a killed run), and add timing and
   * messages to one of the same invocation ({@link LogRuns#choose}). A replaced {@code run_results.json} is kept
   * as history.
   *
   * @param target the artifacts (a manifest is required; run results are optional)
   * @param log the log
   * @return the report; its warnings say where the results came from ({@code LOG_RESULTS}) and what a kill
   *     interrupted ({@code RUN_KILLED})
   * @throws dev.dbttriage.log.LogException if neither the log nor the target has results
   */
  public static TriageReport triage(TargetArtifacts target, DbtLog log) {
    RunResults chosen = LogRuns.choose(target.runResults(), log, target.manifest());
    List<RunResults> history = target.runResults().filter(r -> LogRuns.fromLog(chosen)).map(List::of)
        .orElse(List.of());
    TriageInput input = new TriageInput(Project.of(target.manifest()), RunState.of(List.of(chosen)), history,
        target.sources(), target.catalog(), Optional.empty());
    return engine().build().triage(input);
  }

  /**
   * Triages a run from its log alone, without a manifest: each failure's class and first line, what ran and
   * what did not. Lineage is unknown (the warning {@code LINEAGE_UNKNOWN} says so), so blast radii are empty and
   * skipped nodes are not attributed to their failures.
   *
   * @param log the log
   * @return the report
   * @throws dev.dbttriage.log.LogException if no invocation of the log ran nodes
   */
  public static TriageReport triage(DbtLog log) {
    LogInvocation inv = log.incident().orElseThrow(() -> new dev.dbttriage.log.LogException(
        log.source() + ": no invocation in the log ran nodes", log.source(), null));
    Manifest manifest = LogRuns.manifestOf(log, inv);
    RunResults run = LogRuns.toRunResults(log, inv, manifest, "there is no target/ directory");
    return engine().build().triage(new TriageInput(Project.of(manifest), RunState.of(List.of(run)), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty()));
  }

  /**
   * Returns a builder of the triage engine, preset as {@link #triage(TargetArtifacts)} uses it.
   *
   * @return the builder
   */
  public static TriageEngine.Builder engine() {
    return TriageEngine.builder();
  }

  /**
   * Returns a selector engine over a manifest, answering what {@code dbt ls} would.
   *
   * @param manifest the manifest
   * @return the engine, immutable and safe to share between threads
   * @throws dev.dbttriage.artifact.ArtifactException if the manifest's graph has a cycle or a missing node
   */
  public static SelectorEngine selector(Manifest manifest) {
    return SelectorEngine.of(manifest);
  }

  /**
   * Returns the selector engine of a loaded project, shared by every caller of the same project.
   *
   * @param project the project
   * @return the engine, immutable and safe to share between threads
   * @throws dev.dbttriage.artifact.ArtifactException if the project's graph has a cycle or a missing node
   */
  public static SelectorEngine selector(Project project) {
    return SelectorEngine.of(project);
  }

  /**
   * Plans the rescue of a triaged run with the playbook's defaults, each step verified with the selector and
   * the full refreshes the triage's advisor decided.
   *
   * @param report the triage report
   * @param manifest the manifest of the run
   * @return the plan
   */
  public static RescuePlan plan(TriageReport report, Manifest manifest) {
    Project project = report.project().manifest() == manifest ? report.project() : Project.of(manifest);
    return plan(report, project);
  }

  /**
   * Plans the rescue of a triaged run on the project it was triaged on, with the playbook's defaults: each step
   * verified with the project's own selector (no graph is built again) and the full refreshes the triage's
   * advisor decided.
   *
   * @param report the triage report
   * @return the plan
   */
  public static RescuePlan plan(TriageReport report) {
    return plan(report, report.project());
  }

  private static RescuePlan plan(TriageReport report, Project project) {
    // The selector is asked for on first use: a graph dbt would refuse makes each step unverified, with the
    // reason among the plan's problems, instead of failing the plan.
    return RescuePlanner.builder()
        .evaluator((command, select, exclude) -> SelectorEngine.of(project).evaluate(command, select, exclude))
        .build().plan(report, project.manifest());
  }

  /**
   * Loads a manifest as a project: its lineage indexed once, for the selector, triage, planning and the deploy
   * check to share.
   *
   * @param manifest the manifest
   * @return the project
   */
  public static Project load(Manifest manifest) {
    return Project.of(manifest);
  }
}
