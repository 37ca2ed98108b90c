package dev.dbttriage.triage;

import dev.dbttriage.artifact.Catalog;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunState;
import dev.dbttriage.artifact.SourceFreshness;
import dev.dbttriage.artifact.TargetArtifacts;
import dev.dbttriage.lineage.Project;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the triage engine reads: the loaded project, the run being triaged (one run, or a run and its
 * {@code dbt retry}s merged), optionally the freshness results and catalog, and older runs for history.
 *
 * @param project the project the run used (its manifest, indexed once; share it with the planner)
 * @param current the run being triaged
 * @param previousRuns older runs, used only for each root's history (never for the current state)
 * @param sources the {@code sources.json} of the same target, if any
 * @param catalog the catalog, if any
 * @param previousManifest the manifest of the last good deploy, if any: the full-refresh advisor compares
 *     failed incremental models against it
 */
public record TriageInput(
    Project project,
    RunState current,
    List<RunResults> previousRuns,
    Optional<SourceFreshness> sources,
    Optional<Catalog> catalog,
    Optional<Manifest> previousManifest) {

  /** Validates and copies the components. */
  public TriageInput {
    Objects.requireNonNull(previousManifest, "previousManifest");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(current, "current");
    previousRuns = List.copyOf(previousRuns);
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(catalog, "catalog");
  }

  /**
   * Creates the input for a manifest, loading it as a project.
   *
   * @param manifest the manifest the run used
   * @param current the run being triaged
   * @param previousRuns older runs, for history
   * @param sources the {@code sources.json}, if any
   * @param catalog the catalog, if any
   */
  public TriageInput(Manifest manifest, RunState current, List<RunResults> previousRuns,
      Optional<SourceFreshness> sources, Optional<Catalog> catalog) {
    this(Project.of(manifest), current, previousRuns, sources, catalog, Optional.empty());
  }

  /**
   * Creates the input for a loaded project, without a previous manifest.
   *
   * @param project the project the run used
   * @param current the run being triaged
   * @param previousRuns older runs, for history
   * @param sources the {@code sources.json}, if any
   * @param catalog the catalog, if any
   */
  public TriageInput(Project project, RunState current, List<RunResults> previousRuns,
      Optional<SourceFreshness> sources, Optional<Catalog> catalog) {
    this(project, current, previousRuns, sources, catalog, Optional.empty());
  }

  /** Returns the project's manifest. */
  public Manifest manifest() {
    return project.manifest();
  }

  /**
   * Returns the input for one {@code target/} directory, with no history.
   *
   * @param target the artifacts read from the directory
   * @return the input
   */
  public static TriageInput of(TargetArtifacts target) {
    return new TriageInput(
        target.manifest(),
        RunState.of(target.runResults().map(List::of).orElse(List.of())),
        List.of(),
        target.sources(),
        target.catalog());
  }

  /**
   * Returns the input for a manifest and one run.
   *
   * @param manifest the manifest
   * @param run the run results
   * @return the input
   */
  public static TriageInput of(Manifest manifest, RunResults run) {
    return new TriageInput(manifest, RunState.of(List.of(run)), List.of(), Optional.empty(), Optional.empty());
  }

  /**
   * Returns the input for a loaded project and one run.
   *
   * @param project the project
   * @param run the run results
   * @return the input
   */
  public static TriageInput of(Project project, RunResults run) {
    return new TriageInput(project, RunState.of(List.of(run)), List.of(), Optional.empty(), Optional.empty());
  }

  /** Returns a copy with older runs for history. */
  public TriageInput withPreviousRuns(List<RunResults> runs) {
    return new TriageInput(project, current, runs, sources, catalog, previousManifest);
  }

  /**
   * Returns a copy with the manifest of the last good deploy, for the full-refresh advisor.
   *
   * @param manifest the previous manifest
   * @return the input
   */
  public TriageInput withPreviousManifest(Manifest manifest) {
    return new TriageInput(project, current, previousRuns, sources, catalog,
        Optional.of(Objects.requireNonNull(manifest, "manifest")));
  }
}
