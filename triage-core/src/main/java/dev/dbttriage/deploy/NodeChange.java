package dev.dbttriage.deploy;

import dev.dbttriage.artifact.ResourceType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One resource that differs between the production and the candidate manifest. Instances are immutable and
 * thread-safe.
 *
 * @param uniqueId the resource's unique id
 * @param resourceType its resource type
 * @param status new, modified, removed or disabled
 * @param aspects what differs (empty for new, removed and disabled resources)
 * @param columnChanges the columns that differ, declared and, when both catalogs are given, in the warehouse
 * @param details one human-readable line per difference, such as {@code unique_key: [id] -> [id, day]}
 * @param stateModified whether dbt's {@code state:modified} selects the resource itself, as
 *     {@link dev.dbttriage.select.ManifestComparison} answers it (aspects describe; this decides)
 */
public record NodeChange(
    String uniqueId,
    ResourceType resourceType,
    ChangeStatus status,
    Set<ChangeAspect> aspects,
    List<ColumnChange> columnChanges,
    List<String> details,
    boolean stateModified) {

  /** Validates and copies the components. */
  public NodeChange {
    Objects.requireNonNull(uniqueId, "uniqueId");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(status, "status");
    aspects = aspects.isEmpty()
        ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(aspects));
    columnChanges = List.copyOf(columnChanges);
    details = List.copyOf(details);
  }

  /**
   * Returns true when dbt's {@code state:modified} would select this resource itself (same as
   * {@link #stateModified()}); removed and disabled resources are never selected.
   */
  public boolean selectedByStateModified() {
    return stateModified;
  }

  /** Returns true when this aspect differs. */
  public boolean has(ChangeAspect aspect) {
    return aspects.contains(aspect);
  }
}
