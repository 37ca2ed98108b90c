package dev.dbttriage.classify;

import dev.dbttriage.TriageException;

/**
 * A set of rules that cannot form a classifier, such as two rules with one id. The message names the id and
 * both rule classes.
 */
public final class RuleConfigurationException extends TriageException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message a one-line message naming the id and the rule classes
   */
  public RuleConfigurationException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message a one-line message
   * @param cause the underlying failure, such as a {@link java.util.ServiceConfigurationError}
   */
  public RuleConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
