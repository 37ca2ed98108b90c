package dev.dbttriage.decide;

import java.time.Duration;
import java.util.Objects;

/**
 * Decides whether an incremental model needs {@code --full-refresh}, from evidence: its config
 * ({@code unique_key}, {@code incremental_strategy}, {@code on_schema_change}, {@code full_refresh}), the
 * failure, what changed since the previous manifest (SQL, key, config, contract, declared columns), the
 * warehouse's columns in {@code catalog.json} (the model's own and its parents'), microbatch batch results, and
 * run history. Error text alone never triggers a refresh.
 *
 * <pre>{@code
 * RefreshDecision d = FullRefreshAdvisor.defaults().decide(
 *     RefreshInput.builder(current, "model.shop.orders").previousManifest(previous).catalog(catalog)
 *         .history(RunState.of(runs)).build());
 * d.kind();      // FULL_REFRESH
 * d.reasons();   // ["unique_key changed: [order_id] -> [order_id, line_id]; ...", ...]
 * d.commands();  // ["dbt run --select orders --full-refresh", "dbt build --select orders+ --exclude orders"]
 * }</pre>
 *
 * <p>It applies the runbook's table: a transient failure is retried; a new additive column is left to
 * {@code on_schema_change: append_new_columns}; a changed column type, a removed column, a logic fix, a changed
 * {@code unique_key} or a bug in history need a full refresh; corrected historical source data, or any
 * windowable fix on a very large model, gets a targeted backfill; a change that only affects future rows, or
 * that a monthly model's next scheduled run picks up, needs nothing. A model with {@code full_refresh: false}
 * is never told to refresh without being told to lift the guard first. Instances are immutable and
 * thread-safe.
 */
public final class FullRefreshAdvisor {
  private final double costMultiplier;
  private final double heavyThresholdSeconds;
  private final long largeTableRows;
  private final int repeatedFailures;
  private final Duration monthlyCadence;

  private FullRefreshAdvisor(Builder b) {
    this.costMultiplier = b.costMultiplier;
    this.heavyThresholdSeconds = b.heavyThresholdSeconds;
    this.largeTableRows = b.largeTableRows;
    this.repeatedFailures = b.repeatedFailures;
    this.monthlyCadence = b.monthlyCadence;
  }

  /** Returns an advisor with the default settings (see {@link Builder}). */
  public static FullRefreshAdvisor defaults() {
    return builder().build();
  }

  /** Returns a builder with the default settings. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Decides for one model.
   *
   * @param input the evidence
   * @return the decision with its reasons, commands, cost and warnings
   * @throws dev.dbttriage.TriageException if the model is not in the manifest, or its name is ambiguous
   * @throws NullPointerException if {@code input} is null
   */
  public RefreshDecision decide(RefreshInput input) {
    Objects.requireNonNull(input, "input");
    return new Decider(this, input).decide();
  }

  /** Returns how many times a normal incremental run a full refresh is assumed to take without a measured one. */
  public double costMultiplier() {
    return costMultiplier;
  }

  /** Returns the estimated run time, in seconds, at or above which a run is heavy. */
  public double heavyThresholdSeconds() {
    return heavyThresholdSeconds;
  }

  /** Returns the row count at or above which a table is very large. */
  public long largeTableRows() {
    return largeTableRows;
  }

  /** Returns how many failures in a row stop a transient-looking failure from counting as a one-off. */
  public int repeatedFailures() {
    return repeatedFailures;
  }

  /** Returns the schedule interval from which a model counts as monthly. */
  public Duration monthlyCadence() {
    return monthlyCadence;
  }

  @Override
  public String toString() {
    return "FullRefreshAdvisor[costMultiplier=" + costMultiplier + ", heavyThresholdSeconds="
        + heavyThresholdSeconds + ", largeTableRows=" + largeTableRows + ", repeatedFailures=" + repeatedFailures
        + ", monthlyCadence=" + monthlyCadence + "]";
  }

  /** Configures a {@link FullRefreshAdvisor}. Not thread-safe. */
  public static final class Builder {
    private double costMultiplier = 10;
    private double heavyThresholdSeconds = 1800;
    private long largeTableRows = 100_000_000L;
    private int repeatedFailures = 2;
    private Duration monthlyCadence = Duration.ofDays(25);

    private Builder() {}

    /**
     * Sets how many times a normal incremental run a full refresh is assumed to take when the history has no
     * full refresh to measure (default 10: an order of magnitude).
     *
     * @param value the multiplier
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is not positive
     */
    public Builder costMultiplier(double value) {
      if (!(value > 0)) {
        throw new IllegalArgumentException("costMultiplier must be positive, got " + value);
      }
      this.costMultiplier = value;
      return this;
    }

    /**
     * Sets the estimated run time at or above which a run is heavy and should be scheduled off-peak
     * (default 1800 s).
     *
     * @param seconds the threshold
     * @return this builder
     * @throws IllegalArgumentException if {@code seconds} is negative
     */
    public Builder heavyThresholdSeconds(double seconds) {
      if (!(seconds >= 0)) {
        throw new IllegalArgumentException("heavyThresholdSeconds must be zero or more, got " + seconds);
      }
      this.heavyThresholdSeconds = seconds;
      return this;
    }

    /**
     * Sets the row count at or above which a table is very large, where a targeted backfill is preferred
     * (default 100,000,000).
     *
     * @param rows the threshold
     * @return this builder
     * @throws IllegalArgumentException if {@code rows} is negative
     */
    public Builder largeTableRows(long rows) {
      if (rows < 0) {
        throw new IllegalArgumentException("largeTableRows must be zero or more, got " + rows);
      }
      this.largeTableRows = rows;
      return this;
    }

    /**
     * Sets how many failures in a row stop a transient-looking failure from counting as a one-off (default 2).
     *
     * @param count the count
     * @return this builder
     * @throws IllegalArgumentException if {@code count} is less than 2
     */
    public Builder repeatedFailures(int count) {
      if (count < 2) {
        throw new IllegalArgumentException("repeatedFailures must be 2 or more, got " + count);
      }
      this.repeatedFailures = count;
      return this;
    }

    /**
     * Sets the schedule interval from which a model counts as monthly (default 25 days).
     *
     * @param value the interval
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is zero or negative
     * @throws NullPointerException if {@code value} is null
     */
    public Builder monthlyCadence(Duration value) {
      Objects.requireNonNull(value, "value");
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException("monthlyCadence must be positive, got " + value);
      }
      this.monthlyCadence = value;
      return this;
    }

    /** Returns the configured advisor. */
    public FullRefreshAdvisor build() {
      return new FullRefreshAdvisor(this);
    }
  }
}
