package dev.dbttriage.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What a command may touch: its standard streams, whether stdout is a terminal (colour and progress only
 * then), and the working directory.
 *
 * @param out standard output
 * @param err standard error
 * @param in standard input
 * @param terminal whether standard output is an interactive terminal
 * @param workingDirectory the directory relative paths are resolved against
 */
record CliContext(PrintStream out, PrintStream err, InputStream in, boolean terminal, Path workingDirectory) {

  /** Prints a progress note on stderr, only when attached to a terminal. */
  void progress(String message) {
    if (terminal) {
      err.println(message);
      err.flush();
    }
  }
}
