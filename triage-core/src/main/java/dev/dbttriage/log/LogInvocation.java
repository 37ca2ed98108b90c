package dev.dbttriage.log;

import dev.dbttriage.artifact.InvocationArgs;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One dbt invocation of a log: who ran what, how each node ended, and whether the invocation ended at all.
 *
 * @param index the 0-based position in the log (the text before the first invocation boundary, when there is
 *     any, is invocation 0)
 * @param format the format its lines were written in
 * @param invocationId the invocation id, when the log prints it (the 1.0+ headers and JSON events)
 * @param dbtVersion the dbt version as printed ({@code Running with dbt=1.7.4}, {@code dbt-fusion 2.0.0-...})
 * @param adapter the adapter, from {@code Registered adapter:} or the first {@code Acquiring new X connection}
 * @param command the command: {@code invocation_command} (dbt 1.5+), the {@code which} argument (up to 1.4), the
 *     command line an orchestrator logged, or {@code rpc <method>} for an rpc-server request
 * @param args the arguments the log shows (the command line, or the arguments dbt printed), in the shape a
 *     {@code run_results.json} records them: the subcommand, selection, target and vars a re-run needs
 * @param startedAt the time of the invocation's first line, as printed
 * @param endedAt the time of its last line, as printed
 * @param nodes its nodes, in the order the log first names them
 * @param summary the summary line, if printed
 * @param completed true when the log shows an end of the invocation ({@code Finished running N ...},
 *     {@code Completed ...}, {@code Done.}, {@code Command `dbt run` failed ...}, {@code CommandCompleted})
 * @param killed true when a node started and the invocation neither finished it nor ended: a timeout, an
 *     out-of-memory kill, a pod eviction or Ctrl-C
 * @param killSignal what the log says of the kill, if anything ({@code Received SIGTERM. Terminating
 *     subprocesses.}, {@code KeyboardInterrupt})
 * @param error an invocation-level failure ({@code Encountered an error:} and the line after it), if any
 * @param firstLine the 1-based line of the log where the invocation begins
 */
public record LogInvocation(
    int index,
    LogFormat format,
    Optional<String> invocationId,
    Optional<String> dbtVersion,
    Optional<String> adapter,
    Optional<String> command,
    InvocationArgs args,
    Optional<String> startedAt,
    Optional<String> endedAt,
    List<LogNode> nodes,
    Optional<LogSummary> summary,
    boolean completed,
    boolean killed,
    Optional<String> killSignal,
    Optional<String> error,
    long firstLine) {

  private static final Set<String> NOT_RUNNING_NODES = Set.of(
      "ls", "list", "compile", "show", "docs", "generate", "serve", "debug", "deps", "clean", "init", "parse",
      "run-operation", "run_operation", "system", "rpc", "retry-none");

  /** Validates and copies the components. */
  public LogInvocation {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(invocationId, "invocationId");
    Objects.requireNonNull(dbtVersion, "dbtVersion");
    Objects.requireNonNull(adapter, "adapter");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    nodes = List.copyOf(nodes);
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(killSignal, "killSignal");
    Objects.requireNonNull(error, "error");
  }

  /**
   * Returns true when the invocation ran nodes: it has node lines and its command is not one that only previews
   * or lists them ({@code ls}, {@code compile}, {@code show}, {@code docs}, ...).
   */
  public boolean ranNodes() {
    if (nodes.isEmpty()) {
      return false;
    }
    return command.map(LogInvocation::subcommand).map(s -> !NOT_RUNNING_NODES.contains(s)).orElse(true);
  }

  /** Returns the nodes the log shows started and never finished. */
  public List<LogNode> unfinished() {
    return nodes.stream().filter(n -> n.status() == LogNodeStatus.STARTED).toList();
  }

  /**
   * Returns how many nodes dbt said it would run: the {@code M} of its {@code N of M} lines (hooks aside), or
   * empty when the log does not number them (JSON without indexes, Fusion).
   */
  public java.util.OptionalInt planned() {
    return nodes.stream().filter(n -> !n.hook() && n.total() > 0).mapToInt(LogNode::total).max();
  }

  /**
   * Returns how many of the {@linkplain #planned() planned} nodes the log never names: they never started (a
   * kill, or {@code --fail-fast}).
   */
  public java.util.OptionalInt neverStarted() {
    java.util.OptionalInt planned = planned();
    if (planned.isEmpty()) {
      return planned;
    }
    long seen = nodes.stream().filter(n -> !n.hook() && n.index() > 0).mapToInt(LogNode::index).distinct().count();
    return java.util.OptionalInt.of((int) Math.max(0, planned.getAsInt() - seen));
  }

  /** Returns the dbt subcommand of a command string ({@code dbt build --select x} gives {@code build}). */
  static String subcommand(String command) {
    String[] words = command.trim().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (w.equals("dbt") || w.endsWith("/dbt") || w.endsWith("\\dbt") || w.endsWith("dbt.exe")) {
        for (int j = i + 1; j < words.length; j++) {
          if (!words[j].startsWith("-")) {
            return words[j];
          }
        }
        return "";
      }
    }
    if (words.length >= 2 && words[0].equals("rpc")) {
      return words[1].equals("cli_args") ? "cli_args" : words[1];
    }
    return words.length == 0 ? "" : words[0];
  }
}
