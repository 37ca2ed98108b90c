package dev.dbttriage.artifact;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The artifacts read from one {@code target/} directory. The manifest is required; the others are present
 * when the directory has them. Instances are immutable and thread-safe.
 *
 * @param directory the directory they were read from, if read from one
 * @param manifest the manifest
 * @param runResults the run results, if present
 * @param sources the source freshness results, if present
 * @param catalog the catalog, if present
 */
public record TargetArtifacts(
    Optional<Path> directory,
    Manifest manifest,
    Optional<RunResults> runResults,
    Optional<SourceFreshness> sources,
    Optional<Catalog> catalog) {

  /** Validates the components. */
  public TargetArtifacts {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(runResults, "runResults");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(catalog, "catalog");
  }

  /** Returns the warnings of every artifact read, manifest first. */
  public List<ArtifactWarning> warnings() {
    List<ArtifactWarning> all = new ArrayList<>(manifest.warnings());
    runResults.ifPresent(r -> all.addAll(r.warnings()));
    sources.ifPresent(s -> all.addAll(s.warnings()));
    catalog.ifPresent(c -> all.addAll(c.warnings()));
    return List.copyOf(all);
  }
}
