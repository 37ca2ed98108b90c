package dev.dbttriage.cli;

import java.util.List;

/** One subcommand of {@code dbt-triage}. Implementations are stateless. */
interface CliCommand {
  /** Returns the subcommand name, such as {@code inspect}. */
  String name();

  /** Returns a one-line summary for the command list. */
  String summary();

  /** Returns the full {@code --help} text. */
  String help();

  /**
   * Runs the command.
   *
   * @param args the arguments after the subcommand name
   * @param context the streams and environment
   * @return the exit code ({@link ExitCodes})
   * @throws CliUsageException on bad usage, reported with exit code 2
   */
  int run(List<String> args, CliContext context);
}
