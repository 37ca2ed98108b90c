package dev.dbttriage.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch: its standard streams, whether stdout is a terminal (colour and progress only
 * then), the working directory and the environment (dbt's {@code DBT_TARGET_PATH}, {@code DBT_PROJECT_DIR}).
 *
 * @param out standard output
 * @param err standard error
 * @param in standard input
 * @param terminal whether standard output is an interactive terminal
 * @param workingDirectory the directory relative paths are resolved against
 * @param env the environment variables
 */
record CliContext(PrintStream out, PrintStream err, InputStream in, boolean terminal, Path workingDirectory,
    Map<String, String> env) {

  /** A context with an empty environment, for tests. */
  CliContext(PrintStream out, PrintStream err, InputStream in, boolean terminal, Path workingDirectory) {
    this(out, err, in, terminal, workingDirectory, Map.of());
  }

  /** Prints a progress note on stderr, only when attached to a terminal. */
  void progress(String message) {
    if (terminal) {
      err.println(message);
      err.flush();
    }
  }
}
