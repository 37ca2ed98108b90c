package dev.dbttriage.command;

import java.util.Objects;
import java.util.Optional;

/**
 * A dbt command-line feature this library prints, with the dbt-core release that introduced it.
 *
 * <p>Each version was read from dbt-core's own history: the changelog of the release branch
 * ({@code CHANGELOG.md} on {@code 0.21.latest} for 0.x, on {@code 1.N.latest} for 1.x) or, where the changelog is
 * silent, the argument parser ({@code core/dbt/main.py} before 1.5, {@code core/dbt/cli/params.py} and
 * {@code cli/main.py} after) and the selector method table ({@code core/dbt/graph/selector_methods.py}) of the
 * release branches. A feature is available from the first release of its minor version; see
 * {@link DbtVersion#releaseAtLeast}. dbt Fusion (2.x) is treated as having every feature: its documentation
 * states parity with dbt Core as the goal and its {@code dbt retry} takes the Core flags.
 *
 * <p>An unknown version (absent from the artifact) is assumed to be the latest: {@link #availableIn(Optional)}
 * answers true, and callers may warn that the version could not be checked. Enum constants are immutable and
 * thread-safe.
 */
public enum DbtFeature {
  // ---- subcommands ----
  /** {@code dbt snapshot}; 0.14.0 changelog: "Replace Archives with Snapshots" ({@code dbt archive} before). */
  SNAPSHOT_COMMAND("0.14.0", "dbt snapshot"),
  /** {@code dbt ls} / {@code dbt list}; 0.14.0 changelog: "Add a {@code dbt ls} command" (#1436). */
  LS_COMMAND("0.14.0", "dbt ls"),
  /** {@code dbt run-operation}; 0.14.0 changelog: "Add {@code run-operation} command" (#1328). */
  RUN_OPERATION_COMMAND("0.14.0", "dbt run-operation"),
  /** {@code dbt run-operation --args}; present with the command in 0.14.latest {@code main.py}. */
  RUN_OPERATION_ARGS("0.14.0", "dbt run-operation --args"),
  /**
   * {@code dbt source snapshot-freshness}, the command's name before 0.21; 0.13.0 changelog: "Add
   * {@code source}s to dbt, use them to calculate source data freshness".
   */
  SOURCE_SNAPSHOT_FRESHNESS_COMMAND("0.13.0", "dbt source snapshot-freshness"),
  /**
   * {@code dbt source freshness} with full node selection ({@code --select source:s.t}); 0.21.0b1 changelog,
   * breaking changes: "rename {@code dbt source snapshot-freshness} -> {@code dbt source freshness}" and
   * "{@code --select source_name} --> {@code --select source:source_name}" (#2987, #3554).
   */
  SOURCE_FRESHNESS_COMMAND("0.21.0", "dbt source freshness"),
  /** {@code dbt build}; 0.21.0b1 changelog: "Add {@code dbt build} command" (#2743). */
  BUILD_COMMAND("0.21.0", "dbt build"),
  /** {@code dbt retry}; 1.6.0 changelog: "dbt retry" (#7299). */
  RETRY_COMMAND("1.6.0", "dbt retry"),

  // ---- flags ----
  /**
   * {@code --select} on {@code run}, {@code test}, {@code compile} and {@code docs generate}; 0.21.0rc1
   * changelog: "Make {@code --models} and {@code --select} synonyms" (#3210). Before, those commands took only
   * {@code --models}/{@code -m} (0.20.latest {@code main.py}); {@code seed} and {@code snapshot} took only
   * {@code --select}.
   */
  SELECT_ON_RUN_AND_TEST("0.21.0", "--select on run, test, compile and docs generate"),
  /** {@code dbt seed --select}; 0.16.0b1 changelog: "Add support for {@code --select} on {@code dbt seed}". */
  SELECT_ON_SEED("0.16.0", "--select on dbt seed"),
  /** {@code dbt snapshot --select}; 0.14.0 changelog: "Support Snapshot selection using {@code --select}". */
  SELECT_ON_SNAPSHOT("0.14.0", "--select on dbt snapshot"),
  /** {@code --exclude}; present in 0.11.latest {@code main.py}, the oldest release branch of dbt-core. */
  EXCLUDE_FLAG("0.11.0", "--exclude"),
  /** {@code --full-refresh}; 0.6.0 release notes: "provide the {@code --full-refresh} argument to dbt run". */
  FULL_REFRESH_FLAG("0.6.0", "--full-refresh"),
  /** {@code --vars}; 0.10.0 changelog: "Support for variables defined on the CLI with {@code --vars}" (#640). */
  VARS_FLAG("0.10.0", "--vars"),
  /** {@code --target} (and {@code --profile}); 0.2.3.0 release notes: "switch between run-targets". */
  TARGET_FLAG("0.2.3", "--target"),
  /**
   * {@code --defer} with {@code --state}; 0.18.0b2 changelog: "Added {@code --defer} and {@code --state} flags
   * to {@code dbt run}" (#2527). On {@code test} from 0.19.0 (#2701), {@code build} from 0.21.0 (0.21.latest
   * {@code main.py}), {@code snapshot} from 1.0.0 (1.0.latest {@code main.py}), {@code compile} and
   * {@code docs generate} from 1.3.0 (1.3.latest {@code main.py}), every command from 1.5.0 (a global flag in
   * the click CLI).
   */
  DEFER_FLAG("0.18.0", "--defer"),
  /** {@code --state}; 0.18.0b2 changelog, with {@code --defer}. */
  STATE_FLAG("0.18.0", "--state"),
  /** {@code --favor-state}; 1.4.0 changelog: "Added favor-state flag" (#5016). */
  FAVOR_STATE_FLAG("1.4.0", "--favor-state"),
  /**
   * {@code --fail-fast} / {@code -x}; 0.17.0b1 changelog: "Added --fail-fast argument for dbt run and dbt test"
   * (#2224); on {@code build} from 0.21.0.
   */
  FAIL_FAST_FLAG("0.17.0", "--fail-fast"),
  /** {@code --selector}; 0.18.0b2 changelog: "Added {@code --selector} argument and support for selectors.yml". */
  SELECTOR_FLAG("0.18.0", "--selector"),
  /** {@code --store-failures} on {@code dbt test}; present in 0.20.latest {@code main.py}; on build from 0.21.0. */
  STORE_FAILURES_FLAG("0.20.0", "--store-failures"),
  /**
   * {@code --resource-type} on {@code dbt build}; 0.21.0rc1 changelog: "Update cli and rpc flags for the
   * {@code build} task ... ({@code --resource-type}, {@code --store-failures})" (#3596). On {@code dbt test}
   * from 1.9.0 (#10656); on {@code ls} since 0.14.
   */
  RESOURCE_TYPE_FLAG("0.21.0", "--resource-type"),
  /** {@code --exclude-resource-type}; first in 1.8.latest {@code cli/params.py}; on {@code test} from 1.9.0. */
  EXCLUDE_RESOURCE_TYPE_FLAG("1.8.0", "--exclude-resource-type"),
  /**
   * {@code --indirect-selection eager|cautious}; 1.0.0rc1 changelog: "Replace {@code greedy} flag/property
   * for test selection with {@code indirect_selection: eager/cautious}".
   */
  INDIRECT_SELECTION_FLAG("1.0.0", "--indirect-selection"),
  /** {@code --indirect-selection buildable}; 1.4.0 changelog: "Adds buildable selection mode" (#6365). */
  INDIRECT_SELECTION_BUILDABLE("1.4.0", "--indirect-selection buildable"),
  /** {@code --indirect-selection empty}; first in 1.5.latest {@code IndirectSelection} and its click choice. */
  INDIRECT_SELECTION_EMPTY("1.5.0", "--indirect-selection empty"),
  /**
   * {@code --empty} on {@code run} and {@code build}; 1.8.0 changelog: "Support --empty flag for schema-only dry
   * runs" (#8971), "add --empty flag to dbt build command" (#10026). On {@code snapshot} from 1.9.0 (#10372), on
   * {@code seed} from 1.12.0 (#8981).
   */
  EMPTY_FLAG("1.8.0", "--empty"),
  /**
   * {@code --event-time-start} / {@code --event-time-end} for microbatch models; 1.9.0 changelog: "Make
   * {@code --event-time-start} and {@code --event-time-end} mutually required" (#10874).
   */
  EVENT_TIME_FLAGS("1.9.0", "--event-time-start/--event-time-end"),
  /** {@code --sample}; 1.10.0 changelog: "Initial implementation of sample mode" (#11227). */
  SAMPLE_FLAG("1.10.0", "--sample"),

  // ---- selection syntax ----
  /** The {@code tag:} method; first in 0.12.latest {@code graph/selector.py} (absent from 0.11.latest). */
  METHOD_TAG("0.12.0", "tag: selector method"),
  /** The {@code source:} method; 0.13.0, with sources (0.13.latest {@code graph/selector.py}). */
  METHOD_SOURCE("0.13.0", "source: selector method"),
  /** The {@code path:} method; 0.17.0b1 changelog: "supply paths ... prefixing with {@code path:}" (#2258). */
  METHOD_PATH("0.17.0", "path: selector method"),
  /**
   * The {@code config.}, {@code test_type:}, {@code test_name:} and {@code package:} methods; 0.18.0b2
   * changelog: "Added new node selector methods ({@code config}, {@code test_type}, {@code test_name},
   * {@code package})" (#2629). {@code fqn:} and {@code exposure:} are in 0.18.latest's method table too.
   */
  METHOD_CONFIG_TEST_TYPE_TEST_NAME_PACKAGE("0.18.0", "config., test_type:, test_name:, package:, fqn:, "
      + "exposure: selector methods"),
  /** The {@code state:} method; 0.18.0rc1 changelog: "Add state:modified and state:new selectors" (#2641). */
  METHOD_STATE("0.18.0", "state: selector method"),
  /** The {@code result:} method; 1.0.0b2 changelog: "Add {@code result:<status>} selectors" (#3859). */
  METHOD_RESULT("1.0.0", "result: selector method"),
  /** The {@code resource_type:} and {@code metric:} methods; first in 1.0.latest's method table. */
  METHOD_RESOURCE_TYPE("1.0.0", "resource_type: selector method"),
  /**
   * The {@code source_status:} method; 1.1.0 changelog: "Enable dbt jobs to run downstream models based on
   * fresher sources" (first in 1.1.latest's method table).
   */
  METHOD_SOURCE_STATUS("1.1.0", "source_status: selector method"),
  /** The {@code file:} method; first in 1.2.latest's method table. */
  METHOD_FILE("1.2.0", "file: selector method"),
  /** The {@code group:}, {@code access:} and {@code version:} methods; first in 1.5.latest's method table. */
  METHOD_GROUP_ACCESS_VERSION("1.5.0", "group:, access:, version: selector methods"),
  /** The {@code semantic_model:} method; first in 1.6.latest's method table. */
  METHOD_SEMANTIC_MODEL("1.6.0", "semantic_model: selector method"),
  /** The {@code saved_query:} method; first in 1.7.latest's method table. */
  METHOD_SAVED_QUERY("1.7.0", "saved_query: selector method"),
  /**
   * Unit tests (the {@code unit_test} resource, run by {@code dbt test} and {@code dbt build}) and the
   * {@code unit_test:} method; 1.8.0 changelog: "Initial implementation of unit testing" (#8287), "Add
   * unit_test: selection method" (#10053).
   */
  UNIT_TESTS("1.8.0", "unit tests and the unit_test: selector method"),
  /** The {@code @} operator; 0.13.0 changelog: "Add a new model selector ({@code @})" (#1156). */
  AT_OPERATOR("0.13.0", "the @ graph operator"),
  /** The {@code n+} / {@code +n} depth operators; 0.18.0b1 changelog: "at most n-th parent/children" (#2052). */
  DEPTH_OPERATOR("0.18.0", "the n+ / +n depth graph operators"),
  /** Intersections ({@code a,b}); 0.18.0b1 changelog: "Added intersection syntax for model selector" (#2167). */
  INTERSECTION("0.18.0", "the a,b intersection");

  private final DbtVersion since;
  private final String description;

  DbtFeature(String since, String description) {
    this.since = DbtVersion.parse(since);
    this.description = description;
  }

  /** Returns the dbt-core release that introduced the feature. */
  public DbtVersion since() {
    return since;
  }

  /** Returns what the feature is, as a user types it: {@code dbt retry}, {@code --favor-state}, ... */
  public String description() {
    return description;
  }

  /**
   * Returns whether dbt {@code version} has this feature (its release is {@link #since()} or later).
   *
   * @param version the run's dbt version
   * @return whether the feature exists there
   * @throws NullPointerException if {@code version} is null
   */
  public boolean availableIn(DbtVersion version) {
    Objects.requireNonNull(version, "version");
    return version.releaseAtLeast(since);
  }

  /**
   * Returns whether the feature exists in {@code version}; an unknown version is assumed to be the latest, so
   * this answers true and the caller may warn that the version could not be checked.
   *
   * @param version the run's dbt version, if known
   * @return whether the feature exists there
   * @throws NullPointerException if {@code version} is null
   */
  public boolean availableIn(Optional<DbtVersion> version) {
    Objects.requireNonNull(version, "version");
    return version.map(this::availableIn).orElse(true);
  }

  /**
   * Returns the one-line reason this feature is missing from {@code version}, such as {@code dbt retry exists
   * from dbt 1.6.0; this run used dbt 1.5.2}.
   *
   * @param version the run's dbt version
   * @return the reason, or empty when the feature exists there
   * @throws NullPointerException if {@code version} is null
   */
  public Optional<String> missingReason(DbtVersion version) {
    return availableIn(version) ? Optional.empty()
        : Optional.of(description + " exists from dbt " + since + "; this run used dbt " + version);
  }
}
