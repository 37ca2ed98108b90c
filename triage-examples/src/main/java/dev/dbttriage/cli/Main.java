package dev.dbttriage.cli;

import dev.dbttriage.TriageException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code dbt-triage} command line: {@code inspect}, {@code ls}, {@code classify}, {@code triage},
 * {@code plan} and {@code deploy-check}, one picocli command class each. Without a command it triages the
 * bundled sample failing run, and says so.
 *
 * <p>Exit codes: 0 ok, 1 findings at or above the chosen severity, 2 bad usage or bad input. No stack trace
 * reaches the user: every failure is one line on stderr, {@code dbt-triage COMMAND: message}.
 */
public final class Main {
  private Main() {}

  /**
   * Runs the command line and exits the JVM with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
        StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
        StandardCharsets.UTF_8);
    boolean terminal = System.console() != null && System.getenv("NO_COLOR") == null;
    int code = run(List.of(args), new CliContext(out, err, System.in, terminal, Path.of(""), System.getenv()));
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command line without exiting, for tests and embedding.
   *
   * @param args the arguments
   * @param context the streams
   * @return the exit code
   */
  static int run(List<String> args, CliContext context) {
    CommandLine cl = commandLine(context);
    try {
      return cl.execute(args.toArray(String[]::new));
    } catch (OutOfMemoryError e) {
      context.err().println(outOfMemory(commandName(args)));
      return ExitCodes.USAGE_OR_INPUT;
    } catch (StackOverflowError e) {
      context.err().println("dbt-triage " + commandName(args) + ": internal error: the input nests too deeply "
          + "(stack overflow); try JAVA_OPTS=-Xss8m");
      return ExitCodes.USAGE_OR_INPUT;
    } catch (Error e) {
      // A broken installation (a missing class) or a JVM failure: one line, never a stack trace.
      context.err().println("dbt-triage " + commandName(args) + ": internal error: " + e);
      return ExitCodes.USAGE_OR_INPUT;
    }
  }

  /** The command tree, with one wording for every usage error and every failure. */
  static CommandLine commandLine(CliContext context) {
    CommandLine cl = new CommandLine(new RootCommand(context));
    cl.addSubcommand(new CommandLine(new InspectCommand(context)));
    cl.addSubcommand(LsCommand.configure(new CommandLine(new LsCommand(context))));
    cl.addSubcommand(new CommandLine(new ClassifyCommand(context)));
    cl.addSubcommand(new CommandLine(new TriageCommand(context)));
    cl.addSubcommand(new CommandLine(new PlanCommand(context)));
    cl.addSubcommand(new CommandLine(new DeployCheckCommand(context)));
    CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
    completion.getCommandSpec().usageMessage().hidden(true);
    cl.addSubcommand("generate-completion", completion);
    cl.setOut(new PrintWriter(context.out(), true));
    cl.setErr(new PrintWriter(context.err(), true));
    cl.setOverwrittenOptionsAllowed(true); // the last --format wins, as in dbt
    cl.setParameterExceptionHandler((ex, args) -> {
      context.err().println(prefix(ex.getCommandLine()) + usageMessage(ex));
      return ExitCodes.USAGE_OR_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      context.out().flush();
      context.err().println(prefix(commandLine) + failureMessage(ex));
      return ExitCodes.USAGE_OR_INPUT;
    });
    return cl;
  }

  /** {@code dbt-triage ls: } for a subcommand, {@code dbt-triage: } at the top. */
  static String prefix(CommandLine cl) {
    return cl.getParent() == null ? "dbt-triage: " : "dbt-triage " + cl.getCommandName() + ": ";
  }

  /** Usage errors in dbt's (click's) wording where dbt has one. */
  static String usageMessage(ParameterException ex) {
    if (ex instanceof MissingParameterException m && !m.getMissing().isEmpty()
        && m.getMissing().get(0) instanceof CommandLine.Model.OptionSpec o) {
      return "Option '" + o.longestName() + "' requires an argument.";
    }
    if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String first = u.getUnmatched().get(0);
      if (first.startsWith("-") && !first.equals("-")) {
        return "No such option: " + first + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
            + " --help')";
      }
      return "unexpected argument '" + first + "' (see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
          + " --help')";
    }
    return ex.getMessage();
  }

  /** One line for a failure; a bug is called one, never shown as a stack trace. */
  static String failureMessage(Exception ex) {
    if (ex instanceof CliUsageException || ex instanceof TriageException || ex instanceof IllegalArgumentException
        || ex instanceof UnsupportedOperationException) {
      return String.valueOf(ex.getMessage());
    }
    if (ex instanceof UncheckedIOException u) {
      return String.valueOf(u.getCause());
    }
    return "internal error: " + ex;
  }

  private static String commandName(List<String> args) {
    return args.isEmpty() || args.get(0).startsWith("-") ? "triage" : args.get(0);
  }

  /** One line: how big the input was, how big the heap is, and which {@code -Xmx} to try. */
  static String outOfMemory(String command) {
    long heap = Runtime.getRuntime().maxMemory();
    long input = Inputs.biggestInput();
    // The loaded model keeps up to ~0.7x the manifest's size; parsing needs headroom on top of that.
    long needed = Math.max(heap * 2, (long) (input * 1.5) + (256L << 20));
    long gb = (needed + (1L << 30) - 1) >> 30;
    String size = input > 0 ? Inputs.biggestName() + " is " + mb(input) : "the input is of unknown size";
    return String.format(Locale.ROOT, "dbt-triage %s: out of memory: %s and the heap is at most %s; try "
        + "JAVA_OPTS=-Xmx%dg", command, size, mb(heap), gb);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
  }

  /** The version in the jar's manifest ({@code Implementation-Version}), for {@code --version}. */
  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "unknown (not run from a packaged jar)" : v;
  }

  /** Reads {@code --version} from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"dbt-triage " + version()};
    }
  }
}
