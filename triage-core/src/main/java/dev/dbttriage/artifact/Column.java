package dev.dbttriage.artifact;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A column a node declares in YAML.
 *
 * @param name the column name as declared
 * @param dataType the declared {@code data_type}, if any
 * @param description the description, empty when none
 * @param constraints the constraint types declared on the column ({@code not_null}, {@code unique},
 *     {@code primary_key}, ...)
 * @param meta the column's {@code meta}, as plain Java values
 */
public record Column(
    String name,
    Optional<String> dataType,
    String description,
    List<String> constraints,
    Map<String, Object> meta) {
  /** Validates and copies the components. */
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataType, "dataType");
    Objects.requireNonNull(description, "description");
    constraints = List.copyOf(constraints);
    meta = PlainValues.copyMap(meta);
  }
}
