package dev.dbttriage.artifact;

import dev.dbttriage.internal.json.CatalogReader;
import dev.dbttriage.internal.json.KindSniffer;
import dev.dbttriage.internal.json.ManifestReader;
import dev.dbttriage.internal.json.RunResultsReader;
import dev.dbttriage.internal.json.SourcesReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

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
    return read(file, ManifestReader::read);
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
    return ManifestReader.read(Objects.requireNonNull(in, "in"), Objects.requireNonNull(name, "name"));
  }

  /**
   * Reads a {@code run_results.json}.
   *
   * @param file the file
   * @return the run results
   * @throws ArtifactException on bad input
   */
  public static RunResults readRunResults(Path file) {
    return read(file, RunResultsReader::read);
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
    return RunResultsReader.read(Objects.requireNonNull(in, "in"), Objects.requireNonNull(name, "name"));
  }

  /**
   * Reads a {@code sources.json}.
   *
   * @param file the file
   * @return the freshness results
   * @throws ArtifactException on bad input
   */
  public static SourceFreshness readSources(Path file) {
    return read(file, SourcesReader::read);
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
    return SourcesReader.read(Objects.requireNonNull(in, "in"), Objects.requireNonNull(name, "name"));
  }

  /**
   * Reads a {@code catalog.json}.
   *
   * @param file the file
   * @return the catalog
   * @throws ArtifactException on bad input
   */
  public static Catalog readCatalog(Path file) {
    return read(file, CatalogReader::read);
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
    return CatalogReader.read(Objects.requireNonNull(in, "in"), Objects.requireNonNull(name, "name"));
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
    Objects.requireNonNull(directory, "directory");
    String name = directory.toString();
    if (!Files.exists(directory)) {
      throw new ArtifactException(name + ": the directory does not exist", name, null, -1, -1, null);
    }
    if (!Files.isDirectory(directory)) {
      throw new ArtifactException(name + ": expected a target/ directory but found a file", name, null, -1, -1,
          null);
    }
    Path manifest = directory.resolve("manifest.json");
    if (!Files.isRegularFile(manifest)) {
      throw new ArtifactException(name + ": no manifest.json in the directory", name, null, -1, -1, null);
    }
    Manifest m = readManifest(manifest);
    return new TargetArtifacts(
        Optional.of(directory),
        m,
        optional(directory.resolve("run_results.json"), (in, n) -> RunResultsReader.read(in, n, m)),
        optional(directory.resolve("sources.json"), SourcesReader::read),
        optional(directory.resolve("catalog.json"), CatalogReader::read));
  }

  /**
   * Tells which kind of artifact a file is, from its schema URL or, for files written before dbt 0.19, from
   * its top-level keys. Reads only as far as needed (the whole file only for pre-v1 files).
   *
   * @param file the file
   * @return the kind
   * @throws ArtifactException if the file is missing, empty, not JSON or not a dbt artifact
   */
  public static ArtifactKind detectKind(Path file) {
    return read(file, KindSniffer::detect);
  }

  /**
   * Tells which kind of artifact a stream holds without consuming it, so that the same stream (standard input,
   * a pipe, a FIFO) can then be given to the matching {@code read...} method: the stream is marked, at most
   * {@value #SNIFF_LIMIT} bytes are read, and it is reset. dbt writes {@code metadata} first, so the schema URL is
   * within the first kilobytes; only a pre-v1 file may need more.
   *
   * @param in the stream, which must support {@link InputStream#mark(int)} (wrap it in a
   *     {@link BufferedInputStream}); it is not closed
   * @param name the name to use in messages, such as {@code <stdin>}
   * @return the kind
   * @throws IllegalArgumentException if the stream does not support mark
   * @throws ArtifactException if the stream is empty, not JSON or not a dbt artifact, or if its kind cannot be
   *     told from the first {@value #SNIFF_LIMIT} bytes
   */
  public static ArtifactKind detectKind(InputStream in, String name) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(name, "name");
    if (!in.markSupported()) {
      throw new IllegalArgumentException("the stream does not support mark; wrap it in a BufferedInputStream");
    }
    in.mark(SNIFF_LIMIT + 1);
    LimitedInputStream limited = new LimitedInputStream(in, SNIFF_LIMIT);
    try {
      return KindSniffer.detect(limited, name);
    } catch (ArtifactException e) {
      if (limited.hitLimit()) {
        throw new ArtifactException(name + ": cannot tell the artifact kind from the first " + SNIFF_LIMIT
            + " bytes; read it with the reader for its kind", name, null, -1, -1, null);
      }
      throw e;
    } finally {
      try {
        in.reset();
      } catch (IOException e) {
        throw new ArtifactException(name + ": cannot rewind the stream after detecting its kind", name, null, -1,
            -1, e);
      }
    }
  }

  /** How many bytes {@link #detectKind(InputStream, String)} may read ahead: 8 MiB. */
  public static final int SNIFF_LIMIT = 8 << 20;

  /** Reads at most a limit of bytes from a stream, then reports the end. */
  private static final class LimitedInputStream extends java.io.FilterInputStream {
    private long left;
    private boolean hit;

    LimitedInputStream(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    boolean hitLimit() {
      return hit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        hit = true;
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        hit = true;
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public void close() {
      // the caller's stream stays open
    }
  }

  private static <T> Optional<T> optional(Path file, BiFunction<InputStream, String, T> reader) {
    return Files.isRegularFile(file) ? Optional.of(read(file, reader)) : Optional.empty();
  }

  private static <T> T read(Path file, BiFunction<InputStream, String, T> reader) {
    Objects.requireNonNull(file, "file");
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new ArtifactException(name + ": expected a JSON file but found a directory", name, null, -1, -1,
          null);
    }
    // A large buffer: manifests of big projects run to hundreds of megabytes.
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return reader.apply(in, name);
    } catch (NoSuchFileException e) {
      throw new ArtifactException(name + ": the file does not exist", name, null, -1, -1, e);
    } catch (AccessDeniedException e) {
      throw new ArtifactException(name + ": permission denied", name, null, -1, -1, e);
    } catch (IOException e) {
      throw new ArtifactException(name + ": cannot read: " + e.getMessage(), name, null, -1, -1, e);
    }
  }
}
