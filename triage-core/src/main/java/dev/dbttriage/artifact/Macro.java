package dev.dbttriage.artifact;

import java.util.List;
import java.util.Objects;

/**
 * A macro from the manifest's {@code macros} map.
 *
 * @param uniqueId the unique id, such as {@code macro.dbt_utils.star}
 * @param name the macro name
 * @param packageName the package it belongs to
 * @param originalFilePath the file it is defined in
 * @param macroSql the macro's source text
 * @param dependsOnMacros the unique ids of the macros it calls
 */
public record Macro(
    String uniqueId,
    String name,
    String packageName,
    String originalFilePath,
    String macroSql,
    List<String> dependsOnMacros) {
  /** Validates and copies the components. */
  public Macro {
    Objects.requireNonNull(uniqueId, "uniqueId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(originalFilePath, "originalFilePath");
    Objects.requireNonNull(macroSql, "macroSql");
    dependsOnMacros = List.copyOf(dependsOnMacros);
  }
}
