package dev.dbttriage.artifact;

import dev.dbttriage.TriageException;
import java.util.Optional;

/**
 * A dbt artifact could not be read: missing, empty, truncated or invalid JSON, not a dbt artifact, or a value
 * of the wrong type at a field the library reads.
 *
 * <p>The message is one line that names the file, the JSON path (with line and column when known) and what was
 * expected, for example {@code manifest.json: expected an object at $.nodes['model.shop.orders'].config but
 * found a string (line 12, column 40; schema v12)}. The parts are also available individually.
 */
public final class ArtifactException extends TriageException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String jsonPath;
  private final long line;
  private final long column;

  /**
   * Creates an exception.
   *
   * @param message the complete one-line message
   * @param file the file name or description of the stream ({@code "<stream>"} when unnamed)
   * @param jsonPath the JSON path of the offending value, or {@code null} when the problem is the whole file
   * @param line the 1-based line, or -1 when unknown
   * @param column the 1-based column, or -1 when unknown
   * @param cause the underlying failure, or {@code null}
   */
  public ArtifactException(
      String message, String file, String jsonPath, long line, long column, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.jsonPath = jsonPath;
    this.line = line;
    this.column = column;
  }

  /** Returns the file name or stream description the problem was found in. */
  public String file() {
    return file;
  }

  /** Returns the JSON path of the offending value, if the problem is at a value. */
  public Optional<String> jsonPath() {
    return Optional.ofNullable(jsonPath);
  }

  /** Returns the 1-based line of the problem, or -1 when unknown. */
  public long line() {
    return line;
  }

  /** Returns the 1-based column of the problem, or -1 when unknown. */
  public long column() {
    return column;
  }
}
