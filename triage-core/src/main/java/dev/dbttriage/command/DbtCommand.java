package dev.dbttriage.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One dbt command line: the subcommand, its selection and the flags that change what it builds or where,
 * printed as a string a user can paste into a POSIX shell.
 *
 * <p>{@link #render()} prints today's syntax; {@link #render(DbtVersion)} prints what the run's dbt version
 * accepts ({@code --models} where {@code --select} did not exist yet, {@code dbt source snapshot-freshness}
 * before 0.21) and refuses a command the version does not have ({@code dbt retry} before 1.6); ask
 * {@link #unsupportedReason(DbtVersion)} first. Selection tokens such as {@code +orders}, {@code tag:daily+} or
 * {@code config.materialized:incremental} print unquoted; anything a shell would expand (spaces, {@code *},
 * quotes, ...) is single-quoted; {@code --vars} and {@code --args} are always single-quoted.
 *
 * <p>The constructor rejects a flag the subcommand never accepts in any dbt version ({@code dbt test
 * --full-refresh}, {@code --select} on {@code run-operation}, {@code --store-failures} on {@code run}) with an
 * {@link IllegalArgumentException}, so no engine can print such a command. Absent values are empty
 * {@code Optional}s and empty lists. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * DbtCommand.builder(DbtSubcommand.BUILD).select("orders+").exclude("orders").withContext(ctx).build().render();
 * // dbt build --select orders+ --exclude orders --target prod
 * }</pre>
 *
 * @param subcommand the subcommand
 * @param select the {@code --select} tokens, in order
 * @param exclude the {@code --exclude} tokens, in order
 * @param selector the {@code --selector} name
 * @param resourceTypes the {@code --resource-type} values
 * @param excludeResourceTypes the {@code --exclude-resource-type} values
 * @param indirectSelection the {@code --indirect-selection} mode ({@code eager}, {@code cautious},
 *     {@code buildable}, {@code empty})
 * @param fullRefresh whether {@code --full-refresh} is given
 * @param failFast whether {@code --fail-fast} is given
 * @param storeFailures whether {@code --store-failures} is given
 * @param empty whether {@code --empty} is given
 * @param eventTimeStart the {@code --event-time-start} value (given with {@code eventTimeEnd})
 * @param eventTimeEnd the {@code --event-time-end} value (given with {@code eventTimeStart})
 * @param target the {@code --target} name
 * @param profile the {@code --profile} name
 * @param vars the {@code --vars} YAML or JSON text
 * @param defer whether {@code --defer} is given
 * @param state the {@code --state} directory
 * @param favorState whether {@code --favor-state} is given
 * @param macro the macro {@code run-operation} calls (required for it, absent for every other subcommand)
 * @param macroArgs the {@code run-operation --args} YAML or JSON text
 */
public record DbtCommand(
    DbtSubcommand subcommand,
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
    boolean defer,
    Optional<String> state,
    boolean favorState,
    Optional<String> macro,
    Optional<String> macroArgs) {

  private static final Set<String> INDIRECT_MODES = Set.of("eager", "cautious", "buildable", "empty");
  private static final DbtVersion SELECT_RENAMED = DbtFeature.SELECT_ON_RUN_AND_TEST.since();
  private static final Set<DbtSubcommand> MODELS_FLAG_BEFORE_0_21 =
      EnumSet.of(DbtSubcommand.RUN, DbtSubcommand.TEST, DbtSubcommand.COMPILE, DbtSubcommand.DOCS_GENERATE);

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if the subcommand never accepts a given flag, a token or value is blank,
   *     {@code run-operation} has no macro, only one of the event-time bounds is given, or the indirect
   *     selection mode is not one of dbt's
   * @throws NullPointerException if a component is null
   */
  public DbtCommand {
    Objects.requireNonNull(subcommand, "subcommand");
    select = tokens("select", select);
    exclude = tokens("exclude", exclude);
    resourceTypes = tokens("resourceTypes", resourceTypes);
    excludeResourceTypes = tokens("excludeResourceTypes", excludeResourceTypes);
    for (Optional<String> o : Arrays.asList(selector, indirectSelection, eventTimeStart, eventTimeEnd, target,
        profile, vars, state, macro, macroArgs)) {
      Objects.requireNonNull(o, "an Optional component");
      if (o.isPresent() && o.get().isBlank()) {
        throw new IllegalArgumentException("a flag value is blank in a dbt " + subcommand + " command");
      }
    }
    if (indirectSelection.isPresent() && !INDIRECT_MODES.contains(indirectSelection.get())) {
      throw new IllegalArgumentException("'" + indirectSelection.get() + "' is not an indirect selection mode; "
          + "valid modes: eager, cautious, buildable, empty");
    }
    if (eventTimeStart.isPresent() != eventTimeEnd.isPresent()) {
      throw new IllegalArgumentException("--event-time-start and --event-time-end go together");
    }
    if ((subcommand == DbtSubcommand.RUN_OPERATION) != macro.isPresent()) {
      throw new IllegalArgumentException(subcommand == DbtSubcommand.RUN_OPERATION
          ? "dbt run-operation needs a macro name" : "only dbt run-operation takes a macro name");
    }
    for (Flag f : given(select, exclude, selector, resourceTypes, excludeResourceTypes, indirectSelection,
        fullRefresh, failFast, storeFailures, empty, eventTimeStart, target, profile, vars, defer, state,
        favorState, macroArgs)) {
      if (f.since(subcommand).isEmpty()) {
        throw new IllegalArgumentException("dbt " + subcommand + " takes no " + f.text());
      }
    }
  }

  /**
   * Returns a builder for a {@code subcommand} command with no selection and no flags.
   *
   * @param subcommand the subcommand
   * @return a new builder
   * @throws NullPointerException if {@code subcommand} is null
   */
  public static Builder builder(DbtSubcommand subcommand) {
    return new Builder(Objects.requireNonNull(subcommand, "subcommand"));
  }

  /**
   * Returns {@code dbt <subcommand> --select <tokens...>} with no other flag.
   *
   * @param subcommand the subcommand
   * @param select the {@code --select} tokens
   * @return the command
   * @throws IllegalArgumentException if the subcommand takes no {@code --select} or a token is blank
   */
  public static DbtCommand of(DbtSubcommand subcommand, String... select) {
    return builder(subcommand).select(select).build();
  }

  /** Returns a builder holding this command's values. */
  public Builder toBuilder() {
    Builder b = new Builder(subcommand);
    b.select.addAll(select);
    b.exclude.addAll(exclude);
    b.selector = selector;
    b.resourceTypes.addAll(resourceTypes);
    b.excludeResourceTypes.addAll(excludeResourceTypes);
    b.indirectSelection = indirectSelection;
    b.fullRefresh = fullRefresh;
    b.failFast = failFast;
    b.storeFailures = storeFailures;
    b.empty = empty;
    b.eventTimeStart = eventTimeStart;
    b.eventTimeEnd = eventTimeEnd;
    b.target = target;
    b.profile = profile;
    b.vars = vars;
    b.defer = defer;
    b.state = state;
    b.favorState = favorState;
    b.macro = macro;
    b.macroArgs = macroArgs;
    return b;
  }

  /** Returns the command in today's syntax, ready to paste: {@code dbt build --select orders+ --target prod}. */
  public String render() {
    return render(Optional.empty());
  }

  /**
   * Returns the command as dbt {@code version} accepts it.
   *
   * @param version the run's dbt version
   * @return the command line
   * @throws IllegalStateException if the command does not exist in {@code version}, with
   *     {@link #unsupportedReason(DbtVersion)}'s text
   * @throws NullPointerException if {@code version} is null
   */
  public String render(DbtVersion version) {
    Objects.requireNonNull(version, "version");
    Optional<String> reason = unsupportedReason(version);
    if (reason.isPresent()) {
      throw new IllegalStateException(reason.get());
    }
    return render(Optional.of(version));
  }

  /**
   * Returns the command for {@code version} when known, else in today's syntax.
   *
   * @param version the run's dbt version, if known
   * @return the command line
   * @throws IllegalStateException if the command does not exist in the given version
   * @throws NullPointerException if {@code version} is null
   */
  public String renderFor(Optional<DbtVersion> version) {
    Objects.requireNonNull(version, "version");
    return version.isPresent() ? render(version.get()) : render();
  }

  /**
   * Returns why this command does not exist in dbt {@code version}: the first missing subcommand, flag or
   * selection syntax, such as {@code dbt retry exists from dbt 1.6.0; this run used dbt 1.5.2}.
   *
   * @param version the run's dbt version
   * @return the reason, or empty when {@code version} runs the command
   * @throws NullPointerException if {@code version} is null
   */
  public Optional<String> unsupportedReason(DbtVersion version) {
    List<String> all = unsupportedReasons(version);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /**
   * Returns every reason this command does not exist in dbt {@code version}, subcommand first, then flags in
   * printing order, then selection syntax.
   *
   * @param version the run's dbt version
   * @return the reasons, empty when {@code version} runs the command
   * @throws NullPointerException if {@code version} is null
   */
  public List<String> unsupportedReasons(DbtVersion version) {
    Objects.requireNonNull(version, "version");
    List<String> out = new ArrayList<>();
    subcommand.feature().flatMap(f -> f.missingReason(version)).ifPresent(out::add);
    for (Flag f : given(select, exclude, selector, resourceTypes, excludeResourceTypes, indirectSelection,
        fullRefresh, failFast, storeFailures, empty, eventTimeStart, target, profile, vars, defer, state,
        favorState, macroArgs)) {
      DbtVersion since = f.since(subcommand).orElseThrow();
      if (!version.releaseAtLeast(since)) {
        out.add(f.text() + " on dbt " + subcommand + " exists from dbt " + since + "; this run used dbt "
            + version);
      }
    }
    indirectSelection.ifPresent(mode -> {
      DbtFeature f = switch (mode) {
        case "buildable" -> DbtFeature.INDIRECT_SELECTION_BUILDABLE;
        case "empty" -> DbtFeature.INDIRECT_SELECTION_EMPTY;
        default -> DbtFeature.INDIRECT_SELECTION_FLAG;
      };
      f.missingReason(version).ifPresent(out::add);
    });
    if (resourceTypes.contains("unit_test") || excludeResourceTypes.contains("unit_test")) {
      DbtFeature.UNIT_TESTS.missingReason(version).ifPresent(out::add);
    }
    Set<DbtFeature> syntax = EnumSet.noneOf(DbtFeature.class);
    for (String t : select) {
      syntax.addAll(SelectionSyntax.features(t));
    }
    for (String t : exclude) {
      syntax.addAll(SelectionSyntax.features(t));
    }
    for (DbtFeature f : syntax) {
      f.missingReason(version).ifPresent(out::add);
    }
    if (subcommand == DbtSubcommand.SOURCE_FRESHNESS && !DbtFeature.SOURCE_FRESHNESS_COMMAND.availableIn(version)) {
      for (String t : select) {
        if (!legacySourceName(t)) {
          out.add("dbt source snapshot-freshness selects sources by name only before dbt 0.21 ('" + t
              + "' is not source:<source>[.<table>]); this run used dbt " + version);
        }
      }
    }
    return List.copyOf(out);
  }

  private String render(Optional<DbtVersion> version) {
    List<String> w = new ArrayList<>();
    w.add("dbt");
    boolean legacyFreshness = subcommand == DbtSubcommand.SOURCE_FRESHNESS
        && version.isPresent() && !DbtFeature.SOURCE_FRESHNESS_COMMAND.availableIn(version.get());
    if (legacyFreshness) {
      w.add("source");
      w.add("snapshot-freshness");
    } else {
      w.addAll(subcommand.words());
    }
    macro.ifPresent(m -> w.add(ShellQuote.quote(m)));
    macroArgs.ifPresent(a -> {
      w.add("--args");
      w.add(ShellQuote.alwaysQuote(a));
    });
    if (!select.isEmpty()) {
      boolean models = MODELS_FLAG_BEFORE_0_21.contains(subcommand)
          && version.isPresent() && !version.get().releaseAtLeast(SELECT_RENAMED);
      w.add(models ? "--models" : "--select");
      for (String t : select) {
        w.add(ShellQuote.quote(legacyFreshness && t.startsWith("source:") ? t.substring("source:".length()) : t));
      }
    }
    selector.ifPresent(s -> {
      w.add("--selector");
      w.add(ShellQuote.quote(s));
    });
    words(w, "--exclude", exclude);
    words(w, "--resource-type", resourceTypes);
    words(w, "--exclude-resource-type", excludeResourceTypes);
    indirectSelection.ifPresent(m -> {
      w.add("--indirect-selection");
      w.add(m);
    });
    flag(w, fullRefresh, "--full-refresh");
    flag(w, storeFailures, "--store-failures");
    flag(w, empty, "--empty");
    if (eventTimeStart.isPresent()) {
      w.add("--event-time-start");
      w.add(ShellQuote.quote(eventTimeStart.get()));
      w.add("--event-time-end");
      w.add(ShellQuote.quote(eventTimeEnd.orElseThrow()));
    }
    flag(w, failFast, "--fail-fast");
    target.ifPresent(t -> {
      w.add("--target");
      w.add(ShellQuote.quote(t));
    });
    profile.ifPresent(p -> {
      w.add("--profile");
      w.add(ShellQuote.quote(p));
    });
    vars.ifPresent(v -> {
      w.add("--vars");
      w.add(ShellQuote.alwaysQuote(v));
    });
    flag(w, defer, "--defer");
    state.ifPresent(s -> {
      w.add("--state");
      w.add(ShellQuote.quote(s));
    });
    flag(w, favorState, "--favor-state");
    return String.join(" ", w);
  }

  /**
   * Returns several commands to run one after the other, joined with {@code &&} so the next runs only when the
   * previous succeeded: {@code dbt seed --select countries && dbt run --select countries+}.
   *
   * @param commands the commands, in order
   * @param version the run's dbt version, if known ({@link #renderFor})
   * @return the command line
   * @throws IllegalArgumentException if {@code commands} is empty
   * @throws IllegalStateException if a command does not exist in the given version
   * @throws NullPointerException if an argument or command is null
   */
  public static String renderAll(List<DbtCommand> commands, Optional<DbtVersion> version) {
    Objects.requireNonNull(version, "version");
    if (commands.isEmpty()) {
      throw new IllegalArgumentException("no command to render");
    }
    List<String> parts = new ArrayList<>();
    for (DbtCommand c : commands) {
      parts.add(Objects.requireNonNull(c, "command").renderFor(version));
    }
    return String.join(" && ", parts);
  }

  /** Returns {@link #render()}. */
  @Override
  public String toString() {
    return render();
  }

  private static boolean legacySourceName(String token) {
    return token.matches("(?:source:)?[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)?");
  }

  private static void words(List<String> w, String flag, List<String> values) {
    if (!values.isEmpty()) {
      w.add(flag);
      for (String v : values) {
        w.add(ShellQuote.quote(v));
      }
    }
  }

  private static void flag(List<String> w, boolean on, String flag) {
    if (on) {
      w.add(flag);
    }
  }

  private static List<String> tokens(String name, List<String> values) {
    Objects.requireNonNull(values, name);
    for (String v : values) {
      Objects.requireNonNull(v, name + " token");
      if (v.isBlank()) {
        throw new IllegalArgumentException("a " + name + " token is blank");
      }
    }
    return List.copyOf(values);
  }

  private static List<Flag> given(List<String> select, List<String> exclude, Optional<String> selector,
      List<String> resourceTypes, List<String> excludeResourceTypes, Optional<String> indirectSelection,
      boolean fullRefresh, boolean failFast, boolean storeFailures, boolean empty, Optional<String> eventTime,
      Optional<String> target, Optional<String> profile, Optional<String> vars, boolean defer,
      Optional<String> state, boolean favorState, Optional<String> macroArgs) {
    List<Flag> out = new ArrayList<>();
    add(out, !select.isEmpty(), Flag.SELECT);
    add(out, !exclude.isEmpty(), Flag.EXCLUDE);
    add(out, selector.isPresent(), Flag.SELECTOR);
    add(out, !resourceTypes.isEmpty(), Flag.RESOURCE_TYPE);
    add(out, !excludeResourceTypes.isEmpty(), Flag.EXCLUDE_RESOURCE_TYPE);
    add(out, indirectSelection.isPresent(), Flag.INDIRECT_SELECTION);
    add(out, fullRefresh, Flag.FULL_REFRESH);
    add(out, storeFailures, Flag.STORE_FAILURES);
    add(out, empty, Flag.EMPTY);
    add(out, eventTime.isPresent(), Flag.EVENT_TIME);
    add(out, failFast, Flag.FAIL_FAST);
    add(out, target.isPresent(), Flag.TARGET);
    add(out, profile.isPresent(), Flag.PROFILE);
    add(out, vars.isPresent(), Flag.VARS);
    add(out, defer, Flag.DEFER);
    add(out, state.isPresent(), Flag.STATE);
    add(out, favorState, Flag.FAVOR_STATE);
    add(out, macroArgs.isPresent(), Flag.ARGS);
    return out;
  }

  private static void add(List<Flag> out, boolean on, Flag f) {
    if (on) {
      out.add(f);
    }
  }

  /**
   * Builds a {@link DbtCommand}. Not thread-safe; {@link #build()} validates and may be called more than once.
   */
  public static final class Builder {
    private final DbtSubcommand subcommand;
    private final List<String> select = new ArrayList<>();
    private final List<String> exclude = new ArrayList<>();
    private Optional<String> selector = Optional.empty();
    private final List<String> resourceTypes = new ArrayList<>();
    private final List<String> excludeResourceTypes = new ArrayList<>();
    private Optional<String> indirectSelection = Optional.empty();
    private boolean fullRefresh;
    private boolean failFast;
    private boolean storeFailures;
    private boolean empty;
    private Optional<String> eventTimeStart = Optional.empty();
    private Optional<String> eventTimeEnd = Optional.empty();
    private Optional<String> target = Optional.empty();
    private Optional<String> profile = Optional.empty();
    private Optional<String> vars = Optional.empty();
    private boolean defer;
    private Optional<String> state = Optional.empty();
    private boolean favorState;
    private Optional<String> macro = Optional.empty();
    private Optional<String> macroArgs = Optional.empty();

    private Builder(DbtSubcommand subcommand) {
      this.subcommand = subcommand;
    }

    /**
     * Appends {@code --select} tokens.
     *
     * @param tokens selection tokens such as {@code orders+} or {@code source:raw.events}
     * @return this builder
     * @throws NullPointerException if a token is null
     */
    public Builder select(String... tokens) {
      return select(Arrays.asList(tokens));
    }

    /**
     * Appends {@code --select} tokens.
     *
     * @param tokens selection tokens
     * @return this builder
     * @throws NullPointerException if {@code tokens} or a token is null
     */
    public Builder select(List<String> tokens) {
      tokens.forEach(t -> select.add(Objects.requireNonNull(t, "select token")));
      return this;
    }

    /**
     * Appends {@code --exclude} tokens.
     *
     * @param tokens selection tokens
     * @return this builder
     * @throws NullPointerException if a token is null
     */
    public Builder exclude(String... tokens) {
      return exclude(Arrays.asList(tokens));
    }

    /**
     * Appends {@code --exclude} tokens.
     *
     * @param tokens selection tokens
     * @return this builder
     * @throws NullPointerException if {@code tokens} or a token is null
     */
    public Builder exclude(List<String> tokens) {
      tokens.forEach(t -> exclude.add(Objects.requireNonNull(t, "exclude token")));
      return this;
    }

    /**
     * Sets {@code --selector}.
     *
     * @param name a selectors.yml selector name
     * @return this builder
     * @throws NullPointerException if {@code name} is null
     */
    public Builder selector(String name) {
      this.selector = Optional.of(name);
      return this;
    }

    /**
     * Appends {@code --resource-type} values.
     *
     * @param types resource types such as {@code model} or {@code unit_test}
     * @return this builder
     * @throws NullPointerException if {@code types} or a value is null
     */
    public Builder resourceTypes(List<String> types) {
      types.forEach(t -> resourceTypes.add(Objects.requireNonNull(t, "resource type")));
      return this;
    }

    /**
     * Appends {@code --exclude-resource-type} values.
     *
     * @param types resource types
     * @return this builder
     * @throws NullPointerException if {@code types} or a value is null
     */
    public Builder excludeResourceTypes(List<String> types) {
      types.forEach(t -> excludeResourceTypes.add(Objects.requireNonNull(t, "resource type")));
      return this;
    }

    /**
     * Sets {@code --indirect-selection}.
     *
     * @param mode {@code eager}, {@code cautious}, {@code buildable} or {@code empty}
     * @return this builder
     * @throws NullPointerException if {@code mode} is null
     */
    public Builder indirectSelection(String mode) {
      this.indirectSelection = Optional.of(mode);
      return this;
    }

    /**
     * Sets {@code --full-refresh}.
     *
     * @param on whether to give it
     * @return this builder
     */
    public Builder fullRefresh(boolean on) {
      this.fullRefresh = on;
      return this;
    }

    /**
     * Sets {@code --fail-fast}.
     *
     * @param on whether to give it
     * @return this builder
     */
    public Builder failFast(boolean on) {
      this.failFast = on;
      return this;
    }

    /**
     * Sets {@code --store-failures}.
     *
     * @param on whether to give it
     * @return this builder
     */
    public Builder storeFailures(boolean on) {
      this.storeFailures = on;
      return this;
    }

    /**
     * Sets {@code --empty}.
     *
     * @param on whether to give it
     * @return this builder
     */
    public Builder empty(boolean on) {
      this.empty = on;
      return this;
    }

    /**
     * Sets {@code --event-time-start} and {@code --event-time-end}.
     *
     * @param start the first event time, such as {@code 2024-09-01}
     * @param end the event time to stop before
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public Builder eventTime(String start, String end) {
      this.eventTimeStart = Optional.of(start);
      this.eventTimeEnd = Optional.of(end);
      return this;
    }

    /**
     * Sets {@code --target}.
     *
     * @param name the target name
     * @return this builder
     * @throws NullPointerException if {@code name} is null
     */
    public Builder target(String name) {
      this.target = Optional.of(name);
      return this;
    }

    /**
     * Sets {@code --profile}.
     *
     * @param name the profile name
     * @return this builder
     * @throws NullPointerException if {@code name} is null
     */
    public Builder profile(String name) {
      this.profile = Optional.of(name);
      return this;
    }

    /**
     * Sets {@code --vars}.
     *
     * @param yaml the YAML or JSON text, such as {@code {"run_date": "2024-01-01"}}
     * @return this builder
     * @throws NullPointerException if {@code yaml} is null
     */
    public Builder vars(String yaml) {
      this.vars = Optional.of(yaml);
      return this;
    }

    /**
     * Sets {@code --defer}.
     *
     * @param on whether to give it
     * @return this builder
     */
    public Builder defer(boolean on) {
      this.defer = on;
      return this;
    }

    /**
     * Sets {@code --state}.
     *
     * @param path the state directory
     * @return this builder
     * @throws NullPointerException if {@code path} is null
     */
    public Builder state(String path) {
      this.state = Optional.of(path);
      return this;
    }

    /**
     * Sets {@code --favor-state}.
     *
     * @param on whether to give it
     * @return this builder
     */
    public Builder favorState(boolean on) {
      this.favorState = on;
      return this;
    }

    /**
     * Sets the macro {@code run-operation} calls.
     *
     * @param name the macro name, optionally package-qualified ({@code my_pkg.grant_select})
     * @return this builder
     * @throws NullPointerException if {@code name} is null
     */
    public Builder macro(String name) {
      this.macro = Optional.of(name);
      return this;
    }

    /**
     * Sets {@code run-operation --args}.
     *
     * @param yaml the YAML or JSON arguments, such as {@code {role: reporter}}
     * @return this builder
     * @throws NullPointerException if {@code yaml} is null
     */
    public Builder macroArgs(String yaml) {
      this.macroArgs = Optional.of(yaml);
      return this;
    }

    /**
     * Adds the flags of the run's invocation that change what is built or where, as far as this subcommand
     * accepts them in the run's dbt version; {@link InvocationContext} lists which flags and why.
     *
     * @param context the run's invocation
     * @return this builder
     * @throws NullPointerException if {@code context} is null
     */
    public Builder withContext(InvocationContext context) {
      Objects.requireNonNull(context, "context").applyTo(this, subcommand);
      return this;
    }

    /** Returns the subcommand this builder builds. */
    public DbtSubcommand subcommand() {
      return subcommand;
    }

    /**
     * Returns the command.
     *
     * @return the command
     * @throws IllegalArgumentException if the subcommand never accepts a flag that was set, or a value is
     *     invalid; see {@link DbtCommand}'s constructor
     */
    public DbtCommand build() {
      return new DbtCommand(subcommand, select, exclude, selector, resourceTypes, excludeResourceTypes,
          indirectSelection, fullRefresh, failFast, storeFailures, empty, eventTimeStart, eventTimeEnd, target,
          profile, vars, defer, state, favorState, macro, macroArgs);
    }
  }
}
