package dev.dbttriage.command;

import static dev.dbttriage.command.DbtSubcommand.BUILD;
import static dev.dbttriage.command.DbtSubcommand.COMPILE;
import static dev.dbttriage.command.DbtSubcommand.DEPS;
import static dev.dbttriage.command.DbtSubcommand.DOCS_GENERATE;
import static dev.dbttriage.command.DbtSubcommand.LS;
import static dev.dbttriage.command.DbtSubcommand.RETRY;
import static dev.dbttriage.command.DbtSubcommand.RUN;
import static dev.dbttriage.command.DbtSubcommand.RUN_OPERATION;
import static dev.dbttriage.command.DbtSubcommand.SEED;
import static dev.dbttriage.command.DbtSubcommand.SNAPSHOT;
import static dev.dbttriage.command.DbtSubcommand.SOURCE_FRESHNESS;
import static dev.dbttriage.command.DbtSubcommand.TEST;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The flags a {@link DbtCommand} can carry, and from which dbt release each subcommand accepts each one (read
 * from the argument parsers of dbt-core's release branches; see {@link DbtFeature} for the sources). Flags that
 * became global in the click CLI (1.5) are accepted by every subcommand from 1.5. Stateless and thread-safe.
 */
enum Flag {
  SELECT("--select", DbtFeature.SELECT_ON_RUN_AND_TEST),
  EXCLUDE("--exclude", DbtFeature.EXCLUDE_FLAG),
  SELECTOR("--selector", DbtFeature.SELECTOR_FLAG),
  RESOURCE_TYPE("--resource-type", DbtFeature.RESOURCE_TYPE_FLAG),
  EXCLUDE_RESOURCE_TYPE("--exclude-resource-type", DbtFeature.EXCLUDE_RESOURCE_TYPE_FLAG),
  INDIRECT_SELECTION("--indirect-selection", DbtFeature.INDIRECT_SELECTION_FLAG),
  FULL_REFRESH("--full-refresh", DbtFeature.FULL_REFRESH_FLAG),
  FAIL_FAST("--fail-fast", DbtFeature.FAIL_FAST_FLAG),
  STORE_FAILURES("--store-failures", DbtFeature.STORE_FAILURES_FLAG),
  EMPTY("--empty", DbtFeature.EMPTY_FLAG),
  EVENT_TIME("--event-time-start/--event-time-end", DbtFeature.EVENT_TIME_FLAGS),
  TARGET("--target", DbtFeature.TARGET_FLAG),
  PROFILE("--profile", DbtFeature.TARGET_FLAG),
  VARS("--vars", DbtFeature.VARS_FLAG),
  DEFER("--defer", DbtFeature.DEFER_FLAG),
  STATE("--state", DbtFeature.STATE_FLAG),
  FAVOR_STATE("--favor-state", DbtFeature.FAVOR_STATE_FLAG),
  ARGS("--args", DbtFeature.RUN_OPERATION_ARGS);

  private static final DbtVersion ALWAYS = DbtVersion.of(0, 0, 0);
  private static final DbtVersion CLICK = DbtVersion.of(1, 5, 0);
  private static final Map<Flag, Map<DbtSubcommand, DbtVersion>> SINCE = new EnumMap<>(Flag.class);

  static {
    put(SELECT, v(0, 0), RUN, TEST, COMPILE, DOCS_GENERATE); // as --models before 0.21
    put(SELECT, v(0, 16), SEED);
    put(SELECT, v(0, 14), SNAPSHOT, LS);
    put(SELECT, v(0, 13), SOURCE_FRESHNESS);
    put(SELECT, v(0, 21), BUILD);
    put(EXCLUDE, v(0, 11), RUN, TEST, COMPILE, DOCS_GENERATE);
    put(EXCLUDE, v(0, 16), SEED);
    put(EXCLUDE, v(0, 14), SNAPSHOT, LS);
    put(EXCLUDE, v(0, 21), BUILD, SOURCE_FRESHNESS);
    put(SELECTOR, v(0, 18), RUN, TEST, COMPILE, DOCS_GENERATE, SEED, SNAPSHOT, LS);
    put(SELECTOR, v(0, 21), BUILD, SOURCE_FRESHNESS);
    put(RESOURCE_TYPE, v(0, 14), LS);
    put(RESOURCE_TYPE, v(0, 21), BUILD);
    put(RESOURCE_TYPE, v(1, 9), TEST);
    put(EXCLUDE_RESOURCE_TYPE, v(1, 8), BUILD, LS);
    put(EXCLUDE_RESOURCE_TYPE, v(1, 9), TEST);
    put(INDIRECT_SELECTION, v(1, 0), BUILD, TEST, LS);
    put(FULL_REFRESH, v(0, 6), RUN);
    put(FULL_REFRESH, v(0, 11), SEED, COMPILE);
    put(FULL_REFRESH, v(0, 21), BUILD);
    put(FAIL_FAST, v(0, 17), RUN, TEST);
    put(FAIL_FAST, v(0, 21), BUILD);
    put(FAIL_FAST, CLICK, SEED, SNAPSHOT, COMPILE, SOURCE_FRESHNESS, RETRY);
    put(STORE_FAILURES, v(0, 20), TEST);
    put(STORE_FAILURES, v(0, 21), BUILD);
    put(EMPTY, v(1, 8), RUN, BUILD, COMPILE);
    put(EMPTY, v(1, 9), SNAPSHOT);
    put(EMPTY, v(1, 12), SEED);
    put(EVENT_TIME, v(1, 9), RUN, BUILD);
    for (DbtSubcommand s : DbtSubcommand.values()) {
      put(TARGET, ALWAYS, s);
      put(PROFILE, ALWAYS, s);
      put(VARS, v(0, 10), s);
    }
    put(DEFER, v(0, 18), RUN);
    put(DEFER, v(0, 19), TEST);
    put(DEFER, v(0, 21), BUILD);
    put(DEFER, v(1, 0), SNAPSHOT);
    put(DEFER, v(1, 3), COMPILE, DOCS_GENERATE); // 1.3.latest main.py: _add_defer_argument(..., compile_sub)
    put(DEFER, CLICK, SEED, LS, RUN_OPERATION, SOURCE_FRESHNESS);
    put(FAVOR_STATE, v(1, 4), RUN, TEST, BUILD, SNAPSHOT, COMPILE, DOCS_GENERATE);
    put(FAVOR_STATE, CLICK, SEED, LS, RUN_OPERATION, SOURCE_FRESHNESS);
    put(STATE, v(0, 18), RUN, TEST, COMPILE, DOCS_GENERATE, SEED, SNAPSHOT, LS);
    put(STATE, v(0, 21), BUILD, SOURCE_FRESHNESS);
    put(STATE, CLICK, RUN_OPERATION);
    put(STATE, v(1, 6), RETRY);
    put(ARGS, v(0, 14), RUN_OPERATION);
    SINCE.get(VARS).remove(DEPS);
    SINCE.get(VARS).put(DEPS, CLICK); // deps read --vars only once they became a global flag
  }

  private final String text;
  private final DbtFeature feature;

  Flag(String text, DbtFeature feature) {
    this.text = text;
    this.feature = feature;
  }

  /** Returns the flag as typed. */
  String text() {
    return text;
  }

  /** Returns the first release in which {@code sub} accepts this flag, or empty when it never does. */
  Optional<DbtVersion> since(DbtSubcommand sub) {
    Map<DbtSubcommand, DbtVersion> m = SINCE.get(this);
    return m == null ? Optional.empty() : Optional.ofNullable(m.get(sub));
  }

  /** Returns whether {@code sub} accepts this flag in {@code version} (an unknown version is the latest). */
  boolean acceptedBy(DbtSubcommand sub, Optional<DbtVersion> version) {
    Optional<DbtVersion> since = since(sub);
    return since.isPresent() && version.map(v -> v.releaseAtLeast(since.get())).orElse(true);
  }

  /** Returns the feature whose history this flag follows. */
  DbtFeature feature() {
    return feature;
  }

  private static DbtVersion v(int major, int minor) {
    return DbtVersion.of(major, minor, 0);
  }

  private static void put(Flag flag, DbtVersion since, DbtSubcommand... subs) {
    Map<DbtSubcommand, DbtVersion> m = SINCE.computeIfAbsent(flag, f -> new EnumMap<>(DbtSubcommand.class));
    for (DbtSubcommand s : subs) {
      m.put(s, since);
    }
  }
}
