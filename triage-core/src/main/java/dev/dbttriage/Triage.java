package dev.dbttriage;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.TargetArtifacts;
import java.nio.file.Path;

/**
 * The entry point of dbt-triage: read what a dbt run left in {@code target/}, and triage it.
 *
 * <pre>{@code
 * TargetArtifacts target = Triage.readTarget(Path.of("target"));
 * Manifest manifest = target.manifest();
 * }</pre>
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
}
