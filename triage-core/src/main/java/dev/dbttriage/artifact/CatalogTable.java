package dev.dbttriage.artifact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One relation in {@code catalog.json}: what the warehouse really has.
 *
 * @param uniqueId the unique id of the node or source
 * @param type the relation type ({@code BASE TABLE}, {@code VIEW}, ...)
 * @param database the database, if any
 * @param schema the schema
 * @param name the relation name
 * @param owner the owner, if reported
 * @param columns the columns by name, in warehouse order
 * @param stats the stats by id ({@code row_count}, {@code bytes}, {@code num_rows}, ...) with their values
 */
public record CatalogTable(
    String uniqueId,
    String type,
    Optional<String> database,
    String schema,
    String name,
    Optional<String> owner,
    Map<String, CatalogColumn> columns,
    Map<String, Object> stats) {

  /** Validates and copies the components. */
  public CatalogTable {
    Objects.requireNonNull(uniqueId, "uniqueId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    stats = PlainValues.copyMap(stats);
  }

  /** Returns the row count from the stats ({@code row_count} or {@code num_rows}), if reported. */
  public Optional<Long> rowCount() {
    for (String key : new String[] {"row_count", "num_rows", "rows"}) {
      Object v = stats.get(key);
      if (v instanceof Number n) {
        return Optional.of(n.longValue());
      }
    }
    return Optional.empty();
  }

  /** Returns the column with this name, compared without regard to case, if present. */
  public Optional<CatalogColumn> column(String name) {
    CatalogColumn exact = columns.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    return columns.values().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
  }
}
