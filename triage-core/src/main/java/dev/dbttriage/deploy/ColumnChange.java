package dev.dbttriage.deploy;

import java.util.Objects;
import java.util.Optional;

/**
 * One column that differs between two versions of a relation, as declared in YAML or as the warehouse reports
 * it in {@code catalog.json}. Instances are immutable and thread-safe.
 *
 * @param column the column name (as written in the newer version when it exists there)
 * @param kind what changed
 * @param before the data type before, if known (empty for an added column or an undeclared type)
 * @param after the data type after, if known (empty for a removed column or an undeclared type)
 * @param typeChange how the type moved ({@link DataTypes.Change#SAME} unless {@code kind} is
 *     {@link Kind#TYPE_CHANGED})
 * @param origin where the evidence comes from: {@code declared} (the manifest's columns) or {@code catalog}
 *     (the warehouse)
 */
public record ColumnChange(
    String column,
    Kind kind,
    Optional<String> before,
    Optional<String> after,
    DataTypes.Change typeChange,
    String origin) {

  /** What happened to a column. */
  public enum Kind {
    /** The column is new. */
    ADDED,
    /** The column is gone. */
    REMOVED,
    /** The column's data type changed. */
    TYPE_CHANGED,
    /** A constraint on the column was removed. */
    CONSTRAINT_REMOVED
  }

  /** Validates the components. */
  public ColumnChange {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(typeChange, "typeChange");
    Objects.requireNonNull(origin, "origin");
  }

  /** Returns a one-line description, such as {@code column amount: numeric(18,4) -> numeric(10,2) (narrowed)}. */
  public String describe() {
    switch (kind) {
      case ADDED:
        return "column " + column + " added" + after.map(t -> " (" + t + ")").orElse("");
      case REMOVED:
        return "column " + column + " removed" + before.map(t -> " (was " + t + ")").orElse("");
      case CONSTRAINT_REMOVED:
        return "column " + column + ": constraint " + before.orElse("?") + " removed";
      default:
        return "column " + column + ": " + before.orElse("?") + " -> " + after.orElse("?") + " ("
            + typeChange.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
  }
}
