package dev.dbttriage.artifact;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads dbt artifacts of every schema version into the model, in one streaming pass each.
 *
 * <p>Each method dispatches on the schema URL in {@code metadata.dbt_schema_version} and on which keys are
 * present, never on {@code dbt_version}. Unknown fields are ignored; a future schema version loads best-effort
 * with a warning. Bad input raises {@link ArtifactException} naming the file, the JSON path, the line and column,
 * and what was expected. All methods are thread-safe.
 */
public final class Artifacts {
  private Artifacts() {}

  /**
   * Reads a {@code manifest.json}.
   *
   * @param file the file
   * @return the manifest
   * @throws ArtifactException if the file is missing, empty, not JSON, not a manifest, or has a wrong type at a
   *     field the library reads
   */
  public static Manifest readManifest(Path file) {
    throw new UnsupportedOperationException("readManifest");
  }

  /**
   * Reads a {@code manifest.json} from a stream, which is not closed.
   *
   * @param in the stream
   * @param name the name to use in messages, such as {@code manifest.json}
   * @return the manifest
   * @throws ArtifactException on bad input, as for {@link #readManifest(Path)}
   */
  public static Manifest readManifest(InputStream in, String name) {
    throw new UnsupportedOperationException("readManifest");
  }

  /**
   * Reads a {@code run_results.json}.
   *
   * @param file the file
   * @return the run results
   * @throws ArtifactException on bad input
   */
  public static RunResults readRunResults(Path file) {
    throw new UnsupportedOperationException("readRunResults");
  }

  /**
   * Reads a {@code run_results.json} from a stream, which is not closed.
   *
   * @param in the stream
   * @param name the name to use in messages
   * @return the run results
   * @throws ArtifactException on bad input
   */
  public static RunResults readRunResults(InputStream in, String name) {
    throw new UnsupportedOperationException("readRunResults");
  }

  /**
   * Reads a {@code sources.json}.
   *
   * @param file the file
   * @return the freshness results
   * @throws ArtifactException on bad input
   */
  public static SourceFreshness readSources(Path file) {
    throw new UnsupportedOperationException("readSources");
  }

  /**
   * Reads a {@code sources.json} from a stream, which is not closed.
   *
   * @param in the stream
   * @param name the name to use in messages
   * @return the freshness results
   * @throws ArtifactException on bad input
   */
  public static SourceFreshness readSources(InputStream in, String name) {
    throw new UnsupportedOperationException("readSources");
  }

  /**
   * Reads a {@code catalog.json}.
   *
   * @param file the file
   * @return the catalog
   * @throws ArtifactException on bad input
   */
  public static Catalog readCatalog(Path file) {
    throw new UnsupportedOperationException("readCatalog");
  }

  /**
   * Reads a {@code catalog.json} from a stream, which is not closed.
   *
   * @param in the stream
   * @param name the name to use in messages
   * @return the catalog
   * @throws ArtifactException on bad input
   */
  public static Catalog readCatalog(InputStream in, String name) {
    throw new UnsupportedOperationException("readCatalog");
  }

  /**
   * Reads a {@code target/} directory: its {@code manifest.json} (required), and {@code run_results.json},
   * {@code sources.json} and {@code catalog.json} when present.
   *
   * @param directory the directory
   * @return the artifacts
   * @throws ArtifactException if the directory does not exist, has no manifest, or a file is bad
   */
  public static TargetArtifacts readTarget(Path directory) {
    throw new UnsupportedOperationException("readTarget");
  }
}
