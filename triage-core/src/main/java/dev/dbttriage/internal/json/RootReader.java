package dev.dbttriage.internal.json;

import dev.dbttriage.artifact.ArtifactKind;
import dev.dbttriage.artifact.WarningCode;
import java.io.InputStream;
import java.util.function.Function;

/**
 * The top level every artifact file shares, read once here: the stream's lifetime, the root object, its
 * {@code metadata} and the top-level {@code generated_at} of the shapes before v1. Each artifact's reader
 * reads its own keys ({@link #field}) and builds its value ({@link #finish}). Not thread-safe; one instance per
 * file.
 *
 * @param <T> the artifact read
 */
abstract class RootReader<T> {
  /** The file being read. */
  final JsonInput in;
  /** What the file's {@code metadata} said. */
  final MetadataReader meta;
  private final String expected;
  private final String unrecognised;
  private String fallbackGeneratedAt;

  /**
   * @param expected what the file should have been, for the error when it is not ("a dbt manifest")
   * @param unrecognised what a file is taken for when it is not, for the same error
   */
  RootReader(JsonInput in, ArtifactKind kind, String expected, String unrecognised) {
    this.in = in;
    this.meta = new MetadataReader(kind);
    this.expected = expected;
    this.unrecognised = unrecognised;
  }

  /**
   * Opens {@code stream}, reads the artifact with the reader {@code reader} makes for it, and closes the parser
   * (not the stream).
   *
   * @throws dev.dbttriage.artifact.ArtifactException on bad input
   */
  static <T> T read(InputStream stream, String name, Function<JsonInput, ? extends RootReader<T>> reader) {
    try (JsonInput in = JsonInput.open(stream, name)) {
      RootReader<T> root = reader.apply(in);
      return root.readRoot();
    }
  }

  private T readRoot() {
    in.startRootObject();
    String field;
    while ((field = in.nextField()) != null) {
      if (field.equals("metadata")) {
        meta.read(in);
      } else if (field.equals("generated_at")) {
        fallbackGeneratedAt = in.string();
      } else if (!field(field)) {
        in.skip();
      }
    }
    if (meta.schemaUrl == null && !recognised()) {
      throw in.notArtifact(expected, unrecognised);
    }
    if (meta.generatedAt == null) {
      meta.generatedAt = fallbackGeneratedAt;
    }
    return finish();
  }

  /** Records a generation time found outside {@code metadata}, used when the metadata has none. */
  final void fallbackGeneratedAt(String generatedAt) {
    this.fallbackGeneratedAt = generatedAt;
  }

  /** Warns that a results artifact had no {@code results} key, so no {@code what} could be read. */
  final void warnNoResults(String what) {
    in.warn(WarningCode.RESULTS_MISSING, "$", "the file has no results: no " + what + " could be read");
  }

  /**
   * Reads the current value of the root's key {@code name}, or returns false to have it skipped.
   *
   * @param name a root key other than {@code metadata} and {@code generated_at}
   */
  abstract boolean field(String name);

  /**
   * Whether the root's keys show this kind of artifact. Asked only of a file whose metadata names no schema:
   * one that names one was checked against the kind when its metadata was read.
   */
  abstract boolean recognised();

  /** Builds the artifact once the root is read and recognised, warning of what it lacked. */
  abstract T finish();
}
