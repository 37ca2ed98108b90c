package dev.dbttriage.artifact;

import java.util.Objects;
import java.util.Optional;

/**
 * A column the warehouse reports for a relation in {@code catalog.json}.
 *
 * @param name the column name as the warehouse reports it
 * @param type the warehouse data type
 * @param index the 1-based position
 * @param comment the column comment, if any
 */
public record CatalogColumn(String name, String type, int index, Optional<String> comment) {
  /** Validates the components. */
  public CatalogColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(comment, "comment");
  }
}
