package dev.dbttriage.decide;

import dev.dbttriage.artifact.Catalog;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunState;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The evidence about one model that a {@link FullRefreshAdvisor} decides from. Only the current manifest and
 * the model are required; every other piece sharpens the decision, and the decision says which missing piece
 * would have helped. Instances are immutable and thread-safe.
 */
public final class RefreshInput {
  private final Manifest manifest;
  private final String model;
  private final Optional<Manifest> previousManifest;
  private final Optional<Catalog> catalog;
  private final Optional<Catalog> previousCatalog;
  private final Optional<FailureEvidence> failure;
  private final Optional<RunResult> result;
  private final Optional<RunState> history;
  private final Set<Observation> observations;
  private final Optional<String> windowStart;
  private final Optional<String> windowEnd;
  private final Optional<Duration> cadence;

  private RefreshInput(Builder b) {
    this.manifest = b.manifest;
    this.model = b.model;
    this.previousManifest = Optional.ofNullable(b.previousManifest);
    this.catalog = Optional.ofNullable(b.catalog);
    this.previousCatalog = Optional.ofNullable(b.previousCatalog);
    this.failure = Optional.ofNullable(b.failure);
    this.result = Optional.ofNullable(b.result);
    this.history = Optional.ofNullable(b.history);
    this.observations = b.observations.isEmpty()
        ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(b.observations));
    this.windowStart = Optional.ofNullable(b.windowStart);
    this.windowEnd = Optional.ofNullable(b.windowEnd);
    this.cadence = Optional.ofNullable(b.cadence);
  }

  /**
   * Returns a builder for the model {@code model} (a unique id such as {@code model.shop.orders}, or a model
   * name) of the current manifest.
   *
   * @param manifest the current manifest
   * @param model the model's unique id or name
   * @return the builder
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(Manifest manifest, String model) {
    return new Builder(manifest, model);
  }

  /** Returns the current manifest. */
  public Manifest manifest() {
    return manifest;
  }

  /** Returns the model's unique id or name as given. */
  public String model() {
    return model;
  }

  /** Returns the previous manifest (the last one that built the table), if given. */
  public Optional<Manifest> previousManifest() {
    return previousManifest;
  }

  /** Returns the catalog describing the warehouse now (the table as the previous code built it), if given. */
  public Optional<Catalog> catalog() {
    return catalog;
  }

  /** Returns an older catalog, to see upstream columns change, if given. */
  public Optional<Catalog> previousCatalog() {
    return previousCatalog;
  }

  /** Returns the failure evidence, if the model failed. */
  public Optional<FailureEvidence> failure() {
    return failure;
  }

  /** Returns the model's latest run result, if given (microbatch batch results come from it). */
  public Optional<RunResult> result() {
    return result;
  }

  /** Returns the run history, if given. */
  public Optional<RunState> history() {
    return history;
  }

  /** Returns what a person asserted about the model. */
  public Set<Observation> observations() {
    return observations;
  }

  /** Returns the start of the window of history to rewrite, if known. */
  public Optional<String> windowStart() {
    return windowStart;
  }

  /** Returns the end of the window of history to rewrite, if known. */
  public Optional<String> windowEnd() {
    return windowEnd;
  }

  /** Returns the model's schedule interval, if given (otherwise inferred from run history or tags). */
  public Optional<Duration> cadence() {
    return cadence;
  }

  /** Builds a {@link RefreshInput}. Not thread-safe. */
  public static final class Builder {
    private final Manifest manifest;
    private final String model;
    private Manifest previousManifest;
    private Catalog catalog;
    private Catalog previousCatalog;
    private FailureEvidence failure;
    private RunResult result;
    private RunState history;
    private final Set<Observation> observations = EnumSet.noneOf(Observation.class);
    private String windowStart;
    private String windowEnd;
    private Duration cadence;

    private Builder(Manifest manifest, String model) {
      this.manifest = Objects.requireNonNull(manifest, "manifest");
      this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * Sets the previous manifest, the one whose code built the table as it is now.
     *
     * @param value the manifest
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder previousManifest(Manifest value) {
      this.previousManifest = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Sets the catalog describing the warehouse now.
     *
     * @param value the catalog
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder catalog(Catalog value) {
      this.catalog = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Sets an older catalog, from before the upstream change, to compare upstream columns.
     *
     * @param value the catalog
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder previousCatalog(Catalog value) {
      this.previousCatalog = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Sets the failure evidence.
     *
     * @param value the evidence
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder failure(FailureEvidence value) {
      this.failure = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Sets the model's latest run result.
     *
     * @param value the result
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder result(RunResult value) {
      this.result = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Sets the run history: earlier runs (and possibly the latest), for the normal execution time, the cadence
     * and repeated failures.
     *
     * @param value the runs
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder history(RunState value) {
      this.history = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Adds what a person knows about the model.
     *
     * @param value the observation
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder observe(Observation value) {
      this.observations.add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets the window of history to rewrite, as dbt takes timestamps ({@code 2024-03-01} or
     * {@code 2024-03-01T00:00:00}).
     *
     * @param start the inclusive start
     * @param end the exclusive end
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public Builder window(String start, String end) {
      this.windowStart = Objects.requireNonNull(start, "start");
      this.windowEnd = Objects.requireNonNull(end, "end");
      return this;
    }

    /**
     * Sets the model's schedule interval, such as {@code Duration.ofDays(30)} for a monthly model.
     *
     * @param value the interval
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is zero or negative
     */
    public Builder cadence(Duration value) {
      Objects.requireNonNull(value, "value");
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException("cadence must be positive, got " + value);
      }
      this.cadence = value;
      return this;
    }

    /** Returns the input. */
    public RefreshInput build() {
      return new RefreshInput(this);
    }
  }
}
