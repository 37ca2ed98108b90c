package dev.dbttriage.triage;

import dev.dbttriage.artifact.ResourceType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How far a root cause reaches: the nodes downstream of it (what {@code dbt ls --select <root>+} lists, less
 * the root itself), the exposures hit and the owners to tell.
 *
 * @param downstream the downstream unique ids, sorted as {@code dbt ls} sorts them
 * @param countsByResourceType how many downstream nodes of each resource type
 * @param exposures the exposures downstream, with their owners
 * @param owners the owners of affected nodes ({@code meta.owner}, the owners of their groups), sorted
 * @param severity the severity derived from the size
 */
public record BlastRadius(
    List<String> downstream,
    Map<ResourceType, Integer> countsByResourceType,
    List<ExposureImpact> exposures,
    List<String> owners,
    Severity severity) {

  /** Validates and copies the components. */
  public BlastRadius {
    downstream = List.copyOf(downstream);
    Map<ResourceType, Integer> counts = new EnumMap<>(ResourceType.class);
    counts.putAll(countsByResourceType);
    countsByResourceType = Collections.unmodifiableMap(counts);
    exposures = List.copyOf(exposures);
    owners = List.copyOf(owners);
    Objects.requireNonNull(severity, "severity");
  }

  /** Returns the number of downstream nodes, of every resource type. */
  public int size() {
    return downstream.size();
  }

  /** Returns the number of downstream models. */
  public int models() {
    return countsByResourceType.getOrDefault(ResourceType.MODEL, 0);
  }
}
