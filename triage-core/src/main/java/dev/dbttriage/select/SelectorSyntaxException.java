package dev.dbttriage.select;

import dev.dbttriage.TriageException;

/**
 * A selection could not be evaluated: a malformed criterion (unknown method, {@code @} with a trailing
 * {@code +}, a bad {@code source:}, {@code resource_type:}, {@code test_type:}, {@code version:} or
 * {@code state:} value), a missing selector definition, or state a method needs but was not given.
 *
 * <p>The message is one line in dbt's own wording, such as {@code 'modle' is not a valid method name}. The
 * offending expression and the offset of the criterion within it are available individually.
 */
public final class SelectorSyntaxException extends TriageException {
  private static final long serialVersionUID = 1L;

  private final String expression;
  private final int offset;

  /**
   * Creates an exception.
   *
   * @param message the complete one-line message
   * @param expression the offending expression (a criterion, token or selector name)
   * @param offset the 0-based offset of the problem within {@code expression}, or -1 when not positional
   */
  public SelectorSyntaxException(String message, String expression, int offset) {
    super(message);
    this.expression = expression == null ? "" : expression;
    this.offset = offset;
  }

  /** Returns the offending expression. */
  public String expression() {
    return expression;
  }

  /** Returns the 0-based offset within {@link #expression()}, or -1 when the problem is not positional. */
  public int offset() {
    return offset;
  }
}
