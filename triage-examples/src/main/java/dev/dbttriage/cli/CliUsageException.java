package dev.dbttriage.cli;

/** Bad command-line usage; printed on stderr with exit code 2. */
final class CliUsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliUsageException(String message) {
    super(message);
  }
}
