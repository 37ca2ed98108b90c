package dev.dbttriage.deploy;

import java.util.List;
import java.util.Objects;

/**
 * One breaking or safe change a deploy makes to a relation, with who reads it. Instances are immutable and
 * thread-safe.
 *
 * @param uniqueId the changed resource
 * @param kind the kind of change
 * @param detail what changed, in one line, such as {@code column amount: numeric(18,4) -> numeric(10,2) (narrowed)}
 * @param consumers the resources downstream of it (models, snapshots, exposures, ...; tests left out), nearest
 *     first, from the candidate's lineage or, for removed resources, production's
 */
public record DeployFinding(String uniqueId, FindingKind kind, String detail, List<String> consumers) {
  /** Validates and copies the components. */
  public DeployFinding {
    Objects.requireNonNull(uniqueId, "uniqueId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
    consumers = List.copyOf(consumers);
  }

  /** Returns true when the change is not backward compatible. */
  public boolean breaking() {
    return kind.breaking();
  }
}
