package dev.dbttriage.command;

import dev.dbttriage.artifact.InvocationArgs;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.classify.Redaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the failed run's own invocation says about how to re-run it: its dbt version and the {@code args} dbt
 * recorded in {@code run_results.json}, read once so every engine reproduces the same flags the same way.
 *
 * <p><b>Reproduced</b> in re-run commands ({@link DbtCommand.Builder#withContext}), because they change what is
 * built or where: {@code --target} and {@code --profile} (which warehouse and schema), {@code --vars} (what the
 * SQL says), {@code --defer} with {@code --state} and {@code --favor-state} (which relations unselected
 * parents resolve to; {@code --state} and {@code --favor-state} only with {@code --defer}, the one way a re-run
 * command uses them), {@code --full-refresh} (on subcommands that rebuild models or seeds: callers clear it on
 * a step that rebuilds nothing incremental), {@code --empty}, {@code --event-time-start}/{@code -end} (which
 * rows), {@code --store-failures} (what tests write), a non-default {@code --indirect-selection} (which tests
 * run), and {@code --resource-type}/{@code --exclude-resource-type} when the re-run uses the original
 * subcommand. Each only where the re-run's subcommand accepts it in the run's dbt version, and never on
 * {@code dbt retry} (which replays the original arguments itself) or {@code dbt deps}.
 *
 * <p><b>Recorded, not reproduced</b>: {@code --fail-fast} (it changes when a run stops, not what it builds; see
 * {@link #failFast()}), the selection ({@link #select()}, ...; engines choose their own, see
 * {@link #originalCommand()}), and {@code --sample}. <b>Dropped</b> ({@link #droppedArgs()}): every other key:
 * {@code profiles_dir}, {@code project_dir} and {@code target_path} are paths on the machine that ran dbt (a CI
 * container's {@code /workspace}), wrong on the reader's; {@code threads}, log and printer settings, colours,
 * partial parsing, version checks, usage statistics, {@code warn_error} options and behaviour flags change
 * neither what is built nor where.
 *
 * <p>Keys differ across versions and are read as dbt wrote them: {@code models} (run/test before 0.21) or
 * {@code select}; {@code vars} as a YAML string (before 1.5) or a map (rendered as JSON); {@code defer_state}
 * (1.6+) or {@code state}; {@code selector} or {@code selector_name}; Fusion's {@code command} and its
 * {@code __other__} map. Secrets in {@code vars} and {@code args} are masked with {@link Redaction} before they
 * are kept ({@link #varsRedacted()} tells); such a command needs the real value before it runs. Absent values
 * are empty. Instances are immutable and thread-safe.
 *
 * @param dbtVersion the run's dbt version, if recorded and readable
 * @param which the recorded {@code which} (or Fusion {@code command}), if any
 * @param subcommand the subcommand {@code which} names, if this library prints it
 * @param select the {@code --select} (or {@code --models}) tokens
 * @param exclude the {@code --exclude} tokens
 * @param selector the {@code --selector} name
 * @param resourceTypes the {@code --resource-type} values
 * @param excludeResourceTypes the {@code --exclude-resource-type} values
 * @param indirectSelection the {@code --indirect-selection} mode recorded
 * @param fullRefresh whether {@code --full-refresh} was given
 * @param failFast whether {@code --fail-fast} was given: the run stopped at its first failure
 * @param storeFailures whether {@code --store-failures} was given
 * @param empty whether {@code --empty} was given
 * @param eventTimeStart the {@code --event-time-start} value
 * @param eventTimeEnd the {@code --event-time-end} value
 * @param target the {@code --target} name, when given on the command line
 * @param profile the {@code --profile} name, when given on the command line
 * @param vars the {@code --vars} text (a map is rendered as JSON), empty when none or {@code {}}
 * @param varsRedacted whether a secret was masked in {@code vars} or {@code macroArgs}
 * @param defer whether {@code --defer} was given
 * @param state the {@code --state} (or {@code --defer-state}) directory
 * @param favorState whether {@code --favor-state} was given
 * @param macro the macro a {@code run-operation} called
 * @param macroArgs the {@code run-operation --args} text, empty when none or {@code {}}
 * @param droppedArgs the recorded keys not reproduced, sorted
 */
public record InvocationContext(
    Optional<DbtVersion> dbtVersion,
    Optional<String> which,
    Optional<DbtSubcommand> subcommand,
    List<String> select,
    List<String> exclude,
    Optional<String> selector,
    List<String> resourceTypes,
    List<String> excludeResourceTypes,
    Optional<String> indirectSelection,
    boolean fullRefresh,
    boolean failFast,
    boolean storeFailures,
    boolean empty,
    Optional<String> eventTimeStart,
    Optional<String> eventTimeEnd,
    Optional<String> target,
    Optional<String> profile,
    Optional<String> vars,
    boolean varsRedacted,
    boolean defer,
    Optional<String> state,
    boolean favorState,
    Optional<String> macro,
    Optional<String> macroArgs,
    List<String> droppedArgs) {

  /** The keys read here; every other recorded key is dropped. */
  private static final Set<String> READ = Set.of("which", "command", "rpc_method", "select", "models", "exclude",
      "selector", "selector_name", "resource_types", "resource_type", "exclude_resource_types",
      "exclude_resource_type", "indirect_selection", "full_refresh", "fail_fast", "store_failures", "empty",
      "event_time_start", "event_time_end", "target", "profile", "vars", "defer", "state", "defer_state",
      "favor_state", "macro", "args", "sample", "__other__");

  /** No recorded invocation and an unknown dbt version. */
  public static final InvocationContext NONE = fromArgs(Map.of(), Optional.empty());

  /** Validates and copies the components. */
  public InvocationContext {
    Objects.requireNonNull(dbtVersion, "dbtVersion");
    Objects.requireNonNull(which, "which");
    Objects.requireNonNull(subcommand, "subcommand");
    select = List.copyOf(select);
    exclude = List.copyOf(exclude);
    Objects.requireNonNull(selector, "selector");
    resourceTypes = List.copyOf(resourceTypes);
    excludeResourceTypes = List.copyOf(excludeResourceTypes);
    Objects.requireNonNull(indirectSelection, "indirectSelection");
    Objects.requireNonNull(eventTimeStart, "eventTimeStart");
    Objects.requireNonNull(eventTimeEnd, "eventTimeEnd");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(vars, "vars");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(macro, "macro");
    Objects.requireNonNull(macroArgs, "macroArgs");
    droppedArgs = List.copyOf(droppedArgs);
  }

  /**
   * Reads the invocation of a {@code run_results.json}: its {@code args} and {@code metadata.dbt_version}.
   *
   * @param runResults the run results
   * @return the context ({@link #NONE}'s values where nothing was recorded)
   * @throws NullPointerException if {@code runResults} is null
   */
  public static InvocationContext of(RunResults runResults) {
    Objects.requireNonNull(runResults, "runResults");
    return fromArgs(runResults.args().raw(),
        runResults.metadata().dbtVersion().flatMap(DbtVersion::tryParse));
  }

  /**
   * Reads an invocation's parsed arguments: their raw map, with the parsed command, selection and flags filling
   * what the raw map lacks (older files, hand-built runs).
   *
   * @param args the parsed arguments
   * @param dbtVersion the run's dbt version, if known
   * @return the context
   * @throws NullPointerException if an argument is null
   */
  public static InvocationContext of(InvocationArgs args, Optional<DbtVersion> dbtVersion) {
    Objects.requireNonNull(args, "args");
    Map<String, Object> a = new LinkedHashMap<>();
    args.command().ifPresent(c -> a.put("which", c));
    if (!args.select().isEmpty()) {
      a.put("select", args.select());
    }
    if (!args.exclude().isEmpty()) {
      a.put("exclude", args.exclude());
    }
    args.selector().ifPresent(x -> a.put("selector", x));
    if (args.fullRefresh()) {
      a.put("full_refresh", true);
    }
    if (args.failFast()) {
      a.put("fail_fast", true);
    }
    a.putAll(args.raw());
    return fromArgs(a, dbtVersion);
  }

  /**
   * Reads a recorded {@code args} map, as plain Java values (strings, booleans, numbers, lists, maps).
   *
   * @param args the {@code args} as recorded; values of an unexpected type are ignored
   * @param dbtVersion the run's dbt version, if known
   * @return the context
   * @throws NullPointerException if an argument is null
   */
  public static InvocationContext fromArgs(Map<String, ?> args, Optional<DbtVersion> dbtVersion) {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(dbtVersion, "dbtVersion");
    Map<String, Object> a = new LinkedHashMap<>();
    if (args.get("__other__") instanceof Map<?, ?> other) {
      other.forEach((k, v) -> a.put(String.valueOf(k), v));
    }
    args.forEach(a::put);
    // The command and selection as every reader of recorded args reads them; the flags below are the context's.
    InvocationArgs parsed = InvocationArgs.of(args);
    Optional<String> which = parsed.command();
    Optional<String> rawVars = yaml(a.get("vars"));
    Optional<String> vars = rawVars.map(Redaction::redact);
    Optional<String> rawMacroArgs = yaml(a.get("args"));
    Optional<String> macroArgs = rawMacroArgs.map(Redaction::redact);
    boolean redacted = !vars.equals(rawVars) || !macroArgs.equals(rawMacroArgs);
    Set<String> dropped = new TreeSet<>();
    for (String k : a.keySet()) {
      if (!READ.contains(k)) {
        dropped.add(k);
      }
    }
    return new InvocationContext(dbtVersion, which, which.flatMap(DbtSubcommand::fromWhich), parsed.select(),
        parsed.exclude(), parsed.selector(), parsed.resourceTypes(), parsed.excludeResourceTypes(),
        parsed.indirectSelection(), parsed.fullRefresh(), parsed.failFast(), bool(a.get("store_failures")),
        bool(a.get("empty")), str(a.get("event_time_start")), str(a.get("event_time_end")),
        str(a.get("target")), str(a.get("profile")), vars, redacted, parsed.defer(),
        str(a.get("defer_state")).or(() -> str(a.get("state"))), bool(a.get("favor_state")),
        str(a.get("macro")), macroArgs, List.copyOf(dropped));
  }

  /**
   * Returns the original invocation as a command: its subcommand, selection and every flag it recorded that the
   * subcommand accepts (including {@code --fail-fast}), for a step that resumes "the same run".
   *
   * @return the command, or empty when the subcommand is unknown or not one this library prints
   */
  public Optional<DbtCommand> originalCommand() {
    if (subcommand.isEmpty() || (subcommand.get() == DbtSubcommand.RUN_OPERATION && macro.isEmpty())) {
      return Optional.empty();
    }
    DbtSubcommand sub = subcommand.get();
    DbtCommand.Builder b = DbtCommand.builder(sub);
    if (Flag.SELECT.acceptedBy(sub, Optional.empty())) {
      b.select(select);
    }
    if (Flag.EXCLUDE.acceptedBy(sub, Optional.empty())) {
      b.exclude(exclude);
    }
    if (selector.isPresent() && Flag.SELECTOR.acceptedBy(sub, Optional.empty())) {
      b.selector(selector.get());
    }
    if (failFast && Flag.FAIL_FAST.acceptedBy(sub, Optional.empty())) {
      b.failFast(true);
    }
    if (sub == DbtSubcommand.RUN_OPERATION) {
      b.macro(macro.orElseThrow());
      macroArgs.ifPresent(b::macroArgs);
    }
    applyTo(b, sub);
    return Optional.of(b.build());
  }

  /** Adds the reproduced flags (see the class description) that {@code sub} accepts in this run's version. */
  void applyTo(DbtCommand.Builder b, DbtSubcommand sub) {
    if (sub == DbtSubcommand.RETRY || sub == DbtSubcommand.DEPS) {
      return;
    }
    if (target.isPresent() && accepts(Flag.TARGET, sub)) {
      b.target(target.get());
    }
    if (profile.isPresent() && accepts(Flag.PROFILE, sub)) {
      b.profile(profile.get());
    }
    if (vars.isPresent() && accepts(Flag.VARS, sub)) {
      b.vars(vars.get());
    }
    if (defer && accepts(Flag.DEFER, sub)) {
      b.defer(true);
      if (state.isPresent() && accepts(Flag.STATE, sub)) {
        b.state(state.get());
      }
      if (favorState && accepts(Flag.FAVOR_STATE, sub)) {
        b.favorState(true);
      }
    }
    if (fullRefresh && accepts(Flag.FULL_REFRESH, sub)) {
      b.fullRefresh(true);
    }
    if (empty && accepts(Flag.EMPTY, sub)) {
      b.empty(true);
    }
    if (eventTimeStart.isPresent() && eventTimeEnd.isPresent() && accepts(Flag.EVENT_TIME, sub)) {
      b.eventTime(eventTimeStart.get(), eventTimeEnd.get());
    }
    if (storeFailures && accepts(Flag.STORE_FAILURES, sub)) {
      b.storeFailures(true);
    }
    if (indirectSelection.isPresent() && !indirectSelection.get().equals("eager")
        && accepts(Flag.INDIRECT_SELECTION, sub)) {
      b.indirectSelection(indirectSelection.get());
    }
    if (subcommand.isPresent() && subcommand.get() == sub) {
      if (!resourceTypes.isEmpty() && accepts(Flag.RESOURCE_TYPE, sub)) {
        b.resourceTypes(resourceTypes);
      }
      if (!excludeResourceTypes.isEmpty() && accepts(Flag.EXCLUDE_RESOURCE_TYPE, sub)) {
        b.excludeResourceTypes(excludeResourceTypes);
      }
    }
  }

  private boolean accepts(Flag flag, DbtSubcommand sub) {
    return flag.acceptedBy(sub, dbtVersion);
  }

  private static boolean bool(Object v) {
    return Boolean.TRUE.equals(v) || (v instanceof String s && s.equalsIgnoreCase("true"));
  }

  private static Optional<String> str(Object v) {
    return v instanceof String s && !s.isBlank() ? Optional.of(s.trim()) : Optional.empty();
  }

  /** A YAML/JSON argument: a string as written (trimmed), a map as JSON; empty when none or {@code {}}. */
  private static Optional<String> yaml(Object v) {
    String text;
    if (v instanceof String s) {
      text = s.trim();
    } else if (v instanceof Map<?, ?> m) {
      text = m.isEmpty() ? "" : Json.write(m);
    } else {
      return Optional.empty();
    }
    return text.isEmpty() || text.equals("{}") ? Optional.empty() : Optional.of(text);
  }
}
