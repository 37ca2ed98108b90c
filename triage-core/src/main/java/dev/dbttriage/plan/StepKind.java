package dev.dbttriage.plan;

/** What a {@link PlanStep} is for. */
public enum StepKind {
  /** Install the project's packages ({@code dbt deps}): a package is missing or its versions conflict. */
  DEPS,
  /** Check that a stale source has caught up before rebuilding what reads it. */
  FRESHNESS_CHECK,
  /** Rebuild models whose upstream was fixed, before the target ({@code +target --exclude target}). */
  UPSTREAM_LAYER,
  /** Rebuild exactly the models that need {@code --full-refresh}, alone. */
  FULL_REFRESH,
  /** Rebuild a heavy target alone, before its downstream. */
  TARGET_LAYER,
  /** Rebuild a heavy target's downstream once the target is confirmed. */
  DOWNSTREAM_LAYER,
  /** Rebuild failed roots and everything skipped below them. */
  RESCUE,
  /** Re-run the original selection, excluding what already succeeded (after a time-out or kill). */
  RESUME;

  /** Returns true for a step that prepares the rescue and rebuilds no node itself. */
  public boolean preparatory() {
    return this == DEPS || this == FRESHNESS_CHECK || this == UPSTREAM_LAYER;
  }

  /** Returns the lower-case name used in JSON. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
