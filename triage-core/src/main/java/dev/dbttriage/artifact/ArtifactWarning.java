package dev.dbttriage.artifact;

import java.util.List;
import java.util.Objects;

/**
 * Something that was read leniently: a future schema version, an unknown status kept raw, a missing status, a
 * number out of range, bytes that are not UTF-8. Immutable and thread-safe.
 *
 * @param file the file name or stream description
 * @param jsonPath the JSON path the warning is about, {@code "$"} for the whole file
 * @param message a one-line description
 * @param code the stable code of the leniency
 * @param nodes the unique ids the warning is about, if any (the nodes a killed run was running)
 */
public record ArtifactWarning(String file, String jsonPath, String message, WarningCode code, List<String> nodes) {
  /** Validates and copies the components. */
  public ArtifactWarning {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(jsonPath, "jsonPath");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(code, "code");
    nodes = List.copyOf(nodes);
  }

  /**
   * Creates a warning about no node in particular.
   *
   * @param file the file name or stream description
   * @param jsonPath the JSON path the warning is about, {@code "$"} for the whole file
   * @param message a one-line description
   * @param code the stable code of the leniency
   */
  public ArtifactWarning(String file, String jsonPath, String message, WarningCode code) {
    this(file, jsonPath, message, code, List.of());
  }

  /** Returns true when this leniency can make findings incomplete ({@link WarningCode#degradesFindings()}). */
  public boolean degradesFindings() {
    return code.degradesFindings();
  }

  @Override
  public String toString() {
    return file + ": " + message + " at " + jsonPath;
  }
}
