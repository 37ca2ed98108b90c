package dev.dbttriage.command;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.internal.graph.DbtNodes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The commands dbt re-runs each kind of node with: models with {@code dbt run} (or {@code build}), seeds with
 * {@code dbt seed}, snapshots with {@code dbt snapshot}, data and unit tests with {@code dbt test}, sources with
 * {@code dbt source freshness --select source:s.t}, analyses with {@code dbt compile}, a macro with
 * {@code dbt run-operation <macro> [--args ...]} (never a {@code macro.} selector), and hooks
 * ({@code operation.*}) with the invocation that carries them. When the failed run was a {@code dbt build}, every
 * node dbt builds (model, seed, snapshot, test, unit test) re-runs with {@code dbt build}, as it did.
 *
 * <p>Each method returns a builder holding the subcommand, the node's own selection and the run's reproduced
 * flags ({@link DbtCommand.Builder#withContext}); callers add {@code +} for what is downstream, exclusions or
 * {@code --full-refresh}. Stateless and thread-safe.
 */
public final class NodeCommands {
  private NodeCommands() {}

  /**
   * Returns the subcommand dbt runs {@code node} with, given the failed run's subcommand.
   *
   * @param node the node
   * @param original the failed run's subcommand, if known
   * @return the subcommand, or empty for a node no command executes (exposures, metrics, semantic models,
   *     saved queries, groups, macros, docs) and for hooks, which re-run with {@link #rerunHook}
   * @throws NullPointerException if an argument is null
   */
  public static Optional<DbtSubcommand> subcommandFor(Node node, Optional<DbtSubcommand> original) {
    Objects.requireNonNull(node, "node");
    boolean build = original.orElse(null) == DbtSubcommand.BUILD;
    return switch (node.resourceType()) {
      case MODEL -> Optional.of(build ? DbtSubcommand.BUILD : DbtSubcommand.RUN);
      case SEED -> Optional.of(build ? DbtSubcommand.BUILD : DbtSubcommand.SEED);
      case SNAPSHOT -> Optional.of(build ? DbtSubcommand.BUILD : DbtSubcommand.SNAPSHOT);
      case TEST, UNIT_TEST -> Optional.of(build ? DbtSubcommand.BUILD : DbtSubcommand.TEST);
      case SOURCE -> Optional.of(DbtSubcommand.SOURCE_FRESHNESS);
      case ANALYSIS -> Optional.of(DbtSubcommand.COMPILE);
      default -> Optional.empty();
    };
  }

  /**
   * Returns a builder that re-runs {@code node} alone, as dbt runs its kind; a hook re-runs with the original
   * invocation ({@link #rerunHook}).
   *
   * @param node the node
   * @param context the failed run's invocation
   * @return the builder, or empty for a node no command executes, or a hook whose invocation is not recorded
   * @throws NullPointerException if an argument is null
   */
  public static Optional<DbtCommand.Builder> rerun(Node node, InvocationContext context) {
    Objects.requireNonNull(context, "context");
    if (node.resourceType() == ResourceType.OPERATION) {
      return rerunHook(context);
    }
    return subcommandFor(node, context.subcommand())
        .map(sub -> DbtCommand.builder(sub).select(DbtNodes.selectorName(node)).withContext(context));
  }

  /**
   * Returns a builder that repeats the invocation that carried a failed hook ({@code on-run-start},
   * {@code on-run-end}): hooks have no selection of their own, so the whole original command re-runs them.
   *
   * @param context the failed run's invocation
   * @return the original command as a builder, or empty when the invocation is not recorded
   * @throws NullPointerException if {@code context} is null
   */
  public static Optional<DbtCommand.Builder> rerunHook(InvocationContext context) {
    return Objects.requireNonNull(context, "context").originalCommand().map(DbtCommand::toBuilder);
  }

  /**
   * Returns {@code dbt run-operation <macro>} for a failed macro; when the failed run called that macro, with
   * its {@code --args}.
   *
   * @param macro the macro's unique id ({@code macro.my_project.grant_select}) or name
   * @param context the failed run's invocation
   * @return the builder
   * @throws IllegalArgumentException if {@code macro} is blank
   * @throws NullPointerException if an argument is null
   */
  public static DbtCommand.Builder runOperation(String macro, InvocationContext context) {
    Objects.requireNonNull(macro, "macro");
    Objects.requireNonNull(context, "context");
    if (macro.isBlank()) {
      throw new IllegalArgumentException("a run-operation needs a macro name");
    }
    String name = macro.startsWith("macro.") ? macro.substring(macro.lastIndexOf('.') + 1) : macro;
    DbtCommand.Builder b = DbtCommand.builder(DbtSubcommand.RUN_OPERATION).macro(name).withContext(context);
    boolean same = context.macro().map(m -> m.equals(name) || m.endsWith("." + name)).orElse(false);
    if (same) {
      context.macroArgs().ifPresent(b::macroArgs);
    }
    return b;
  }

  /**
   * Returns a command written in today's syntax ({@code dbt run --select orders --full-refresh}) as the run's
   * dbt version accepts it and with the run's flags ({@code --target}, {@code --vars}, ...): how the full-refresh
   * advisor's commands are printed. A {@code --vars} of the command is merged into the run's. A line this method
   * cannot read (not a plain dbt command of the flags below) is returned unchanged; a command the run's version
   * does not have is returned in today's syntax.
   *
   * <p>Read flags: {@code --select}/{@code -s}, {@code --exclude}, {@code --full-refresh},
   * {@code --event-time-start}, {@code --event-time-end} and {@code --vars}.
   *
   * @param commandLine the command
   * @param context the run's invocation
   * @return the command line to print
   * @throws NullPointerException if an argument is null
   */
  public static String inContext(String commandLine, InvocationContext context) {
    java.util.Objects.requireNonNull(commandLine, "commandLine");
    java.util.Objects.requireNonNull(context, "context");
    List<String> words = dev.dbttriage.internal.text.Words.split(commandLine);
    if (words.size() < 2 || !words.get(0).equals("dbt")) {
      return commandLine;
    }
    int i = 1;
    Optional<DbtSubcommand> sub = Optional.empty();
    for (DbtSubcommand s : DbtSubcommand.values()) {
      String[] w = s.toString().split(" ");
      if (words.size() >= 1 + w.length && String.join(" ", words.subList(1, 1 + w.length)).equals(s.toString())) {
        sub = Optional.of(s);
        i = 1 + w.length;
        break;
      }
    }
    if (sub.isEmpty()) {
      return commandLine;
    }
    DbtCommand.Builder b = DbtCommand.builder(sub.get());
    List<String> select = new java.util.ArrayList<>();
    List<String> exclude = new java.util.ArrayList<>();
    List<String> into = null;
    String start = null;
    String end = null;
    String vars = null;
    boolean full = false;
    for (; i < words.size(); i++) {
      String w = words.get(i);
      switch (w) {
        case "--select", "-s" -> into = select;
        case "--exclude" -> into = exclude;
        case "--full-refresh" -> {
          full = true;
          into = null;
        }
        case "--event-time-start", "--event-time-end", "--vars" -> {
          if (i + 1 >= words.size()) {
            return commandLine;
          }
          String v = words.get(++i);
          if (w.equals("--vars")) {
            vars = v;
          } else if (w.equals("--event-time-start")) {
            start = v;
          } else {
            end = v;
          }
          into = null;
        }
        default -> {
          if (w.startsWith("-") || into == null) {
            return commandLine;
          }
          into.add(w);
        }
      }
    }
    try {
      b.select(select).exclude(exclude).withContext(context);
      if (full) {
        b.fullRefresh(true);
      }
      if (start != null && end != null) {
        b.eventTime(start, end);
      }
      if (vars != null) {
        String own = vars;
        b.vars(context.vars().map(v -> mergeVars(v, own)).orElse(own));
      }
      DbtCommand command = b.build();
      try {
        return command.renderFor(context.dbtVersion());
      } catch (IllegalStateException e) {
        return command.render();
      }
    } catch (IllegalArgumentException e) {
      return commandLine;
    }
  }

  /** Two inline YAML maps as one ({@code {a: 1}} and {@code {"b": 2}}); the second's keys win by coming last. */
  private static String mergeVars(String run, String own) {
    String a = run.strip();
    String c = own.strip();
    if (a.startsWith("{") && a.endsWith("}") && c.startsWith("{") && c.endsWith("}")) {
      String left = a.substring(1, a.length() - 1).strip();
      String right = c.substring(1, c.length() - 1).strip();
      return left.isEmpty() ? c : right.isEmpty() ? a : "{" + left + ", " + right + "}";
    }
    return c;
  }
}
