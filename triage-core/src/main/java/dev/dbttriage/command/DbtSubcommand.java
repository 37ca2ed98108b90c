package dev.dbttriage.command;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The dbt subcommands this library prints, with the words typed after {@code dbt} and the {@code which} values
 * dbt records for them in {@code run_results.json}'s {@code args}.
 *
 * <p>{@code which} changed over time: {@code source freshness} was recorded as {@code snapshot-freshness} before
 * 0.21, {@code source-freshness} from 0.21 to 1.4 and {@code freshness} from 1.5 (the click CLI); {@code docs
 * generate} is {@code generate}; {@code ls} is {@code list}. Enum constants are immutable and thread-safe.
 */
public enum DbtSubcommand {
  /** {@code dbt run}. */
  RUN(List.of("run"), Optional.empty(), List.of("run")),
  /** {@code dbt build} (0.21+). */
  BUILD(List.of("build"), Optional.of(DbtFeature.BUILD_COMMAND), List.of("build")),
  /** {@code dbt test}. */
  TEST(List.of("test"), Optional.empty(), List.of("test")),
  /** {@code dbt seed}. */
  SEED(List.of("seed"), Optional.empty(), List.of("seed")),
  /** {@code dbt snapshot} (0.14+). */
  SNAPSHOT(List.of("snapshot"), Optional.of(DbtFeature.SNAPSHOT_COMMAND), List.of("snapshot")),
  /** {@code dbt run-operation <macro>} (0.14+). */
  RUN_OPERATION(List.of("run-operation"), Optional.of(DbtFeature.RUN_OPERATION_COMMAND),
      List.of("run-operation")),
  /** {@code dbt source freshness} ({@code dbt source snapshot-freshness} before 0.21). */
  SOURCE_FRESHNESS(List.of("source", "freshness"), Optional.of(DbtFeature.SOURCE_SNAPSHOT_FRESHNESS_COMMAND),
      List.of("freshness", "source-freshness", "snapshot-freshness", "source freshness")),
  /** {@code dbt retry} (1.6+). */
  RETRY(List.of("retry"), Optional.of(DbtFeature.RETRY_COMMAND), List.of("retry")),
  /** {@code dbt deps}. */
  DEPS(List.of("deps"), Optional.empty(), List.of("deps")),
  /** {@code dbt compile}. */
  COMPILE(List.of("compile"), Optional.empty(), List.of("compile")),
  /** {@code dbt ls} (0.14+). */
  LS(List.of("ls"), Optional.of(DbtFeature.LS_COMMAND), List.of("list", "ls")),
  /** {@code dbt docs generate}. */
  DOCS_GENERATE(List.of("docs", "generate"), Optional.empty(), List.of("generate", "docs.generate",
      "docs generate"));

  private final List<String> words;
  private final Optional<DbtFeature> feature;
  private final List<String> whichNames;

  DbtSubcommand(List<String> words, Optional<DbtFeature> feature, List<String> whichNames) {
    this.words = words;
    this.feature = feature;
    this.whichNames = whichNames;
  }

  /** Returns the words typed after {@code dbt}, such as {@code [source, freshness]}. */
  public List<String> words() {
    return words;
  }

  /** Returns the feature that introduced the subcommand, empty for those older than any artifact. */
  public Optional<DbtFeature> feature() {
    return feature;
  }

  /**
   * Returns the subcommand dbt recorded as {@code which} (or Fusion's {@code command}) in run_results
   * {@code args}.
   *
   * @param which the recorded value, such as {@code build}, {@code source-freshness} or {@code generate}; may
   *     be null
   * @return the subcommand, or empty for one this library does not print ({@code rpc}, {@code parse},
   *     {@code show}, ...) or a null value
   */
  public static Optional<DbtSubcommand> fromWhich(String which) {
    if (which == null) {
      return Optional.empty();
    }
    String w = which.trim().toLowerCase(Locale.ROOT);
    for (DbtSubcommand s : values()) {
      if (s.whichNames.contains(w)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Returns the words joined by a space: {@code source freshness}. */
  @Override
  public String toString() {
    return String.join(" ", words);
  }
}
