package dev.dbttriage.triage;

import dev.dbttriage.artifact.Catalog;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.RunState;
import dev.dbttriage.artifact.SourceFreshness;
import dev.dbttriage.artifact.TargetArtifacts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the triage engine reads: the manifest, the run being triaged (one run, or a run and its
 * {@code dbt retry}s merged), optionally the freshness results and catalog, and older runs for history.
 *
 * @param manifest the manifest the run used
 * @param current the run being triaged
 * @param previousRuns older runs, used only for each root's history (never for the current state)
 * @param sources the {@code sources.json} of the same target, if any
 * @param catalog the catalog, if any
 */
public record TriageInput(
    Manifest manifest,
    RunState current,
    List<RunResults> previousRuns,
    Optional<SourceFreshness> sources,
    Optional<Catalog> catalog) {

  /** Validates and copies the components. */
  public TriageInput {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(current, "current");
    previousRuns = List.copyOf(previousRuns);
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(catalog, "catalog");
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

  /** Returns a copy with older runs for history. */
  public TriageInput withPreviousRuns(List<RunResults> runs) {
    return new TriageInput(manifest, current, runs, sources, catalog);
  }
}
