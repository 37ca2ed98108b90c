package dev.dbttriage.artifact;

import java.util.Objects;

/**
 * Something that was read leniently: a future schema version, an unknown status kept raw, a field of an
 * unexpected type that triage does not need.
 *
 * @param file the file name or stream description
 * @param jsonPath the JSON path the warning is about, {@code "$"} for the whole file
 * @param message a one-line description
 */
public record ArtifactWarning(String file, String jsonPath, String message) {
  /** Validates the components. */
  public ArtifactWarning {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(jsonPath, "jsonPath");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return file + ": " + message + " at " + jsonPath;
  }
}
