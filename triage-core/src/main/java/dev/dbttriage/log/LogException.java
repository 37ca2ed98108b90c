package dev.dbttriage.log;

import dev.dbttriage.TriageException;

/**
 * A file or stream could not be read as a dbt log: it is empty, binary, or no line of it is in one of dbt's log
 * formats. The message is one line naming the source and what was expected; it never quotes the input.
 */
public final class LogException extends TriageException {
  private static final long serialVersionUID = 1L;

  private final String source;

  /**
   * Creates an exception.
   *
   * @param message the complete one-line message
   * @param source the file name or stream description
   * @param cause the underlying failure, or {@code null}
   */
  public LogException(String message, String source, Throwable cause) {
    super(message, cause);
    this.source = source;
  }

  /** Returns the file name or stream description the problem was found in. */
  public String source() {
    return source;
  }
}
