package dev.dbttriage;

/**
 * The root of the library's small unchecked exception tree.
 *
 * <p>Subclasses point at the spot: {@link dev.dbttriage.artifact.ArtifactException} names the file and JSON
 * path, {@link dev.dbttriage.select.SelectorSyntaxException} the expression and offset, and
 * {@link dev.dbttriage.classify.RuleConfigurationException} the rules involved. API misuse (a null argument,
 * an illegal state) is reported with the JDK's own exceptions instead.
 */
public class TriageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a one-line message.
   *
   * @param message what went wrong, quoting the input
   */
  public TriageException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a one-line message and a cause.
   *
   * @param message what went wrong, quoting the input
   * @param cause the underlying failure
   */
  public TriageException(String message, Throwable cause) {
    super(message, cause);
  }
}
