package dev.dbttriage.triage;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.decide.RefreshDecision;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem behind the symptoms of a run: a failed node, test or source, with the skipped nodes it caused,
 * its blast radius, its history and the runbook's triage record filled in.
 *
 * @param kind what kind of problem it is
 * @param uniqueId the unique id of the failed node ({@code never-ran} for {@link RootKind#NEVER_RAN})
 * @param name the node's name
 * @param resourceType the node's resource type
 * @param node the node from the manifest, when the manifest has it
 * @param status the status as dbt wrote it ({@code error}, {@code fail}, ...; {@code stale} or the freshness
 *     status for sources)
 * @param message the error message, secrets redacted, if any
 * @param firstLine the first line of the message that matters, empty when there is no message
 * @param diagnosis the classification of the failure
 * @param skipped the skipped nodes attributed to this root, sorted
 * @param relatedFailures other failed nodes that are symptoms of this root (the children an ephemeral
 *     model broke; the selected nodes that never ran), sorted
 * @param blastRadius how far it reaches
 * @param history its history across the runs given, when older runs were given
 * @param refresh the full-refresh advisor's decision, for a failed incremental model: the one decision the
 *     triage record, the plan and the report all follow
 * @param record the runbook's triage template, filled in
 */
public record RootCause(
    RootKind kind,
    String uniqueId,
    String name,
    ResourceType resourceType,
    Optional<Node> node,
    String status,
    Optional<String> message,
    String firstLine,
    Diagnosis diagnosis,
    List<String> skipped,
    List<String> relatedFailures,
    BlastRadius blastRadius,
    Optional<FailureHistory> history,
    Optional<RefreshDecision> refresh,
    TriageRecord record) {

  /** Validates and copies the components. */
  public RootCause {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(uniqueId, "uniqueId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(firstLine, "firstLine");
    Objects.requireNonNull(diagnosis, "diagnosis");
    skipped = List.copyOf(skipped);
    relatedFailures = List.copyOf(relatedFailures);
    Objects.requireNonNull(blastRadius, "blastRadius");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(refresh, "refresh");
    Objects.requireNonNull(record, "record");
  }

  /** Returns the severity of this root (its blast radius's). */
  public Severity severity() {
    return blastRadius.severity();
  }

  /** Returns the materialization of the node, if it has one. */
  public Optional<String> materialization() {
    return node.flatMap(Node::materialized);
  }
}
