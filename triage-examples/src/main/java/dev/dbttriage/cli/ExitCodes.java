package dev.dbttriage.cli;

/** The exit codes scripts can rely on. */
final class ExitCodes {
  /** Success: nothing at or above the chosen severity was found. */
  static final int OK = 0;
  /** Findings at or above the chosen severity. */
  static final int FINDINGS = 1;
  /** Bad usage or bad input. */
  static final int USAGE_OR_INPUT = 2;

  private ExitCodes() {}
}
