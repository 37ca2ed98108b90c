package dev.dbttriage.artifact;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code test_metadata} of a generic data test: which generic test macro it is and its arguments.
 *
 * @param name the generic test name, such as {@code unique}, {@code not_null}, {@code accepted_values},
 *     {@code relationships} or {@code unique_combination_of_columns}
 * @param namespace the package namespace, such as {@code dbt_utils}, if any
 * @param kwargs the test's keyword arguments as plain Java values ({@code column_name}, {@code values},
 *     {@code to}, {@code field}, ...)
 */
public record TestMetadata(String name, Optional<String> namespace, Map<String, Object> kwargs) {
  /** Validates and copies the components. */
  public TestMetadata {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    kwargs = PlainValues.copyMap(kwargs);
  }
}
