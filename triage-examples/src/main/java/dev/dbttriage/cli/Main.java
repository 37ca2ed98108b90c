package dev.dbttriage.cli;

import dev.dbttriage.TriageException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code dbt-triage} command line: {@code inspect}, {@code ls}, {@code classify}, {@code triage},
 * {@code plan} and {@code deploy-check}. Without arguments it triages the bundled sample failing run.
 *
 * <p>Exit codes: 0 ok, 1 findings at or above the chosen severity, 2 bad usage or bad input.
 */
public final class Main {
  private static final Map<String, CliCommand> COMMANDS = new LinkedHashMap<>();

  static {
    for (CliCommand c :
        List.of(
            new InspectCommand(),
            new LsCommand(),
            new ClassifyCommand(),
            new TriageCommand(),
            new PlanCommand(),
            new DeployCheckCommand())) {
      COMMANDS.put(c.name(), c);
    }
  }

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
    int code = run(List.of(args), new CliContext(out, err, System.in, terminal, Path.of("")));
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
    if (args.isEmpty()) {
      return COMMANDS.get("triage").run(List.of(), context);
    }
    String first = args.get(0);
    if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
      context.out().print(usage());
      return ExitCodes.OK;
    }
    if (first.equals("--version")) {
      context.out().println("dbt-triage " + version());
      return ExitCodes.OK;
    }
    CliCommand command = COMMANDS.get(first);
    if (command == null) {
      context.err().println("dbt-triage: '" + first + "' is not a command; valid commands: "
          + String.join(", ", COMMANDS.keySet()));
      return ExitCodes.USAGE_OR_INPUT;
    }
    List<String> rest = args.subList(1, args.size());
    if (rest.contains("--help") || rest.contains("-h")) {
      context.out().print(command.help());
      return ExitCodes.OK;
    }
    try {
      return command.run(rest, context);
    } catch (CliUsageException e) {
      context.err().println("dbt-triage " + command.name() + ": " + e.getMessage());
      return ExitCodes.USAGE_OR_INPUT;
    } catch (TriageException e) {
      context.err().println("dbt-triage " + command.name() + ": " + e.getMessage());
      return ExitCodes.USAGE_OR_INPUT;
    } catch (java.io.UncheckedIOException e) {
      context.err().println("dbt-triage " + command.name() + ": " + e.getCause());
      return ExitCodes.USAGE_OR_INPUT;
    } catch (IllegalArgumentException e) {
      context.err().println("dbt-triage " + command.name() + ": " + e.getMessage());
      return ExitCodes.USAGE_OR_INPUT;
    } catch (RuntimeException e) {
      // A bug, not bad input: say so in one line rather than a stack trace a script cannot parse.
      context.err().println("dbt-triage " + command.name() + ": internal error: " + e);
      return ExitCodes.USAGE_OR_INPUT;
    }
  }

  static String usage() {
    StringBuilder sb = new StringBuilder();
    sb.append("usage: dbt-triage [COMMAND] [OPTIONS]\n\n");
    sb.append("Reads the artifacts a dbt run left in target/ and says what broke, why, and what to re-run.\n");
    sb.append("Without a command, triages the bundled sample failing run.\n\ncommands:\n");
    for (CliCommand c : COMMANDS.values()) {
      sb.append(String.format("  %-13s %s%n", c.name(), c.summary()));
    }
    sb.append("\nRun 'dbt-triage COMMAND --help' for a command's options.\n");
    sb.append("Exit codes: 0 ok, 1 findings at or above the chosen severity, 2 bad usage or input.\n");
    return sb.toString();
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }
}
