package dev.dbttriage.deploy;

/**
 * The kinds of deploy findings: changes that are not backward compatible for the relation's consumers
 * ({@link #breaking()}), and safe, additive ones.
 */
public enum FindingKind {
  /** A column the relation had is gone. */
  COLUMN_REMOVED(true),
  /** A column seems renamed: one removed and one added with the same type. */
  COLUMN_RENAMED(true),
  /** A column's type changed (narrowed, widened or to another type). */
  COLUMN_TYPE_CHANGED(true),
  /** An enforced contract is no longer enforced. */
  CONTRACT_REMOVED(true),
  /** An enforced contract lost a constraint. */
  CONTRACT_CHANGED(true),
  /** A contracted model changed materialization, or a relation became ephemeral (no relation at all). */
  MATERIALIZATION_CHANGED(true),
  /** The relation moved (database, schema or alias): readers of the old name see a stale table. */
  RELATION_CHANGED(true),
  /** An incremental model's {@code unique_key} changed: its grain changes and it needs a full refresh. */
  UNIQUE_KEY_CHANGED(true),
  /** A versioned model's {@code latest_version} moved: unpinned {@code ref}s now resolve to another version. */
  LATEST_VERSION_CHANGED(true),
  /** Access narrowed ({@code public} to {@code protected} or {@code private}, or {@code protected} to {@code private}). */
  ACCESS_NARROWED(true),
  /** A model, seed or snapshot that had consumers was removed. */
  MODEL_REMOVED(true),
  /** A model, seed or snapshot that had consumers was disabled. */
  MODEL_DISABLED(true),
  /** A column was added. */
  COLUMN_ADDED(false),
  /** A new model, seed or snapshot. */
  MODEL_ADDED(false),
  /** A model, seed or snapshot with no consumers in the project was removed or disabled. */
  UNUSED_MODEL_REMOVED(false),
  /** An enforced contract was added. */
  CONTRACT_ADDED(false),
  /** Access widened. */
  ACCESS_WIDENED(false),
  /** Only descriptions changed, or columns changed in YAML only (no contract, no SQL change). */
  DESCRIPTION_CHANGED(false);

  private final boolean breaking;

  FindingKind(boolean breaking) {
    this.breaking = breaking;
  }

  /** Returns true for changes that are not backward compatible. */
  public boolean breaking() {
    return breaking;
  }
}
