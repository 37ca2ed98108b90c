package dev.dbttriage.examples;

import dev.dbttriage.artifact.Artifacts;
import dev.dbttriage.artifact.Catalog;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.artifact.SourceFreshness;
import dev.dbttriage.artifact.TargetArtifacts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The sample failing run bundled with dbt-triage: {@code jaffle_ops}, a 50-model Snowflake project whose
 * {@code dbt build} hit one failure of every class (see the README beside the data in
 * {@code dev/dbttriage/examples/sample/}).
 */
public final class SampleRun {
  static final String BASE = "/dev/dbttriage/examples/sample/";

  private SampleRun() {}

  /**
   * Reads the sample's manifest, run results, sources and catalog from the class path.
   *
   * @return the artifacts
   */
  public static TargetArtifacts load() {
    Manifest manifest = read("manifest.json", in -> Artifacts.readManifest(in, "sample/manifest.json"));
    RunResults run = read("run_results.json", in -> Artifacts.readRunResults(in, "sample/run_results.json"));
    SourceFreshness sources = read("sources.json", in -> Artifacts.readSources(in, "sample/sources.json"));
    Catalog catalog = read("catalog.json", in -> Artifacts.readCatalog(in, "sample/catalog.json"));
    return new TargetArtifacts(Optional.empty(), manifest, Optional.of(run), Optional.of(sources),
        Optional.of(catalog));
  }

  private interface Reader<T> {
    T read(InputStream in);
  }

  private static <T> T read(String file, Reader<T> reader) {
    try (InputStream in = SampleRun.class.getResourceAsStream(BASE + file)) {
      if (in == null) {
        throw new IllegalStateException("the bundled sample is missing " + file);
      }
      return reader.read(new java.io.BufferedInputStream(in, 1 << 16));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
