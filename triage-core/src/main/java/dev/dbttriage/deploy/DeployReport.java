package dev.dbttriage.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a deploy from production to a candidate changes, whether it is safe, what slim CI should build, and how
 * to roll it back. Instances are immutable and thread-safe.
 *
 * @param adapter the candidate's adapter type ({@code unknown} when neither manifest records one)
 * @param productionGeneratedAt when the production manifest was written, if recorded: the last known good
 *     point for time travel
 * @param changes every differing resource
 * @param selection the slim-CI selection
 * @param findings the breaking and safe findings, breaking first
 * @param rollback the rollback strategies that fit the adapter, fastest first
 * @param warnings what the check could not see (no catalogs, no run history, ...)
 */
public record DeployReport(
    String adapter,
    Optional<String> productionGeneratedAt,
    List<NodeChange> changes,
    SlimCiSelection selection,
    List<DeployFinding> findings,
    List<RollbackStrategy> rollback,
    List<String> warnings) {

  private static final int LISTED = 15;

  /** Validates and copies the components. */
  public DeployReport {
    Objects.requireNonNull(adapter, "adapter");
    Objects.requireNonNull(productionGeneratedAt, "productionGeneratedAt");
    changes = List.copyOf(changes);
    Objects.requireNonNull(selection, "selection");
    findings = List.copyOf(findings);
    rollback = List.copyOf(rollback);
    warnings = List.copyOf(warnings);
  }

  /** Returns the findings that are not backward compatible. */
  public List<DeployFinding> breaking() {
    return findings.stream().filter(DeployFinding::breaking).toList();
  }

  /** Returns the safe findings. */
  public List<DeployFinding> safe() {
    return findings.stream().filter(f -> !f.breaking()).toList();
  }

  /** Returns true when at least one finding is not backward compatible. */
  public boolean hasBreakingChanges() {
    return findings.stream().anyMatch(DeployFinding::breaking);
  }

  /** Returns how many changes have this status. */
  public long count(ChangeStatus status) {
    return changes.stream().filter(c -> c.status() == status).count();
  }

  /** Returns the report as text for a person, ending with a newline. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("deploy-check (adapter: ").append(adapter).append(")\n");
    sb.append(String.format(Locale.ROOT, "changes: %d new, %d modified, %d removed, %d disabled%n",
        count(ChangeStatus.NEW), count(ChangeStatus.MODIFIED), count(ChangeStatus.REMOVED),
        count(ChangeStatus.DISABLED)));
    List<DeployFinding> breaking = breaking();
    sb.append(breaking.isEmpty()
        ? "verdict: SAFE (no backward-incompatible change)\n"
        : "verdict: BREAKING (" + breaking.size() + " backward-incompatible change"
            + (breaking.size() == 1 ? "" : "s") + ")\n");
    sb.append("\nslim CI: ").append(selection.command()).append('\n');
    sb.append("  selects ").append(selection.selected().size()).append(" resource")
        .append(selection.selected().size() == 1 ? "" : "s").append(" (").append(selection.evaluatedBy())
        .append(")\n");
    if (!breaking.isEmpty()) {
      sb.append("\nbreaking changes:\n");
      breaking.forEach(f -> appendFinding(sb, f));
    }
    List<DeployFinding> safe = safe();
    if (!safe.isEmpty()) {
      sb.append("\nsafe changes:\n");
      safe.forEach(f -> appendFinding(sb, f));
    }
    List<NodeChange> other = changes.stream()
        .filter(c -> c.status() == ChangeStatus.MODIFIED)
        .filter(c -> findings.stream().noneMatch(f -> f.uniqueId().equals(c.uniqueId())))
        .toList();
    if (!other.isEmpty()) {
      sb.append("\nother modifications:\n");
      other.stream().limit(LISTED).forEach(c -> sb.append("  ").append(c.uniqueId()).append(": ")
          .append(String.join("; ", c.details())).append('\n'));
      if (other.size() > LISTED) {
        sb.append("  ... ").append(other.size() - LISTED).append(" more (all of them in --format json)\n");
      }
    }
    List<NodeChange> gone = changes.stream()
        .filter(c -> c.status() == ChangeStatus.REMOVED || c.status() == ChangeStatus.DISABLED)
        .filter(c -> findings.stream().noneMatch(f -> f.uniqueId().equals(c.uniqueId())))
        .toList();
    if (!gone.isEmpty()) {
      sb.append("\nother removals:\n");
      gone.stream().limit(LISTED).forEach(c -> sb.append("  ").append(c.uniqueId()).append(": ")
          .append(c.status().name().toLowerCase(Locale.ROOT)).append('\n'));
      if (gone.size() > LISTED) {
        sb.append("  ... ").append(gone.size() - LISTED).append(" more (all of them in --format json)\n");
      }
    }
    sb.append("\nrollback (fastest first):\n");
    int i = 1;
    for (RollbackStrategy r : rollback) {
      sb.append("  ").append(i++).append(". ").append(label(r.kind())).append(" - ").append(r.expectedRecovery())
          .append('\n');
      sb.append("     requires: ").append(r.prerequisites()).append('\n');
      r.commands().forEach(c -> sb.append("     ").append(c).append('\n'));
    }
    if (!warnings.isEmpty()) {
      sb.append("\nwarnings:\n");
      warnings.forEach(w -> sb.append("  - ").append(w).append('\n'));
    }
    return sb.toString();
  }

  /**
   * Returns the report as pretty-printed JSON, ending with a newline; the shape is documented in the
   * command-line guide ({@code docs/cli.md}, section {@code dbt-triage deploy-check}).
   */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("adapter", adapter);
    root.put("production_generated_at", productionGeneratedAt.orElse(null));
    root.put("verdict", hasBreakingChanges() ? "breaking" : "safe");
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("new", count(ChangeStatus.NEW));
    summary.put("modified", count(ChangeStatus.MODIFIED));
    summary.put("removed", count(ChangeStatus.REMOVED));
    summary.put("disabled", count(ChangeStatus.DISABLED));
    summary.put("breaking", breaking().size());
    summary.put("safe", safe().size());
    root.put("summary", summary);
    Map<String, Object> sel = new LinkedHashMap<>();
    sel.put("expression", selection.expression());
    sel.put("command", selection.command());
    sel.put("evaluated_by", selection.evaluatedBy());
    sel.put("selected", selection.selected());
    root.put("selection", sel);
    List<Object> cs = new ArrayList<>();
    for (NodeChange c : changes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("unique_id", c.uniqueId());
      m.put("resource_type", c.resourceType().dbtName());
      m.put("status", c.status().name().toLowerCase(Locale.ROOT));
      m.put("aspects", c.aspects().stream().map(a -> a.name().toLowerCase(Locale.ROOT)).toList());
      m.put("state_modified", c.selectedByStateModified());
      m.put("details", c.details());
      cs.add(m);
    }
    root.put("changes", cs);
    root.put("breaking", findingsJson(breaking()));
    root.put("safe", findingsJson(safe()));
    List<Object> rb = new ArrayList<>();
    for (RollbackStrategy r : rollback) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("strategy", r.kind().name().toLowerCase(Locale.ROOT));
      m.put("adapter", r.adapter());
      m.put("expected_recovery", r.expectedRecovery());
      m.put("estimated_seconds", r.estimatedSeconds().isPresent() ? r.estimatedSeconds().getAsDouble() : null);
      m.put("prerequisites", r.prerequisites());
      m.put("commands", r.commands());
      rb.add(m);
    }
    root.put("rollback", rb);
    root.put("warnings", warnings);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the deploy report as JSON", e);
    }
  }

  private static List<Object> findingsJson(List<DeployFinding> list) {
    List<Object> out = new ArrayList<>();
    for (DeployFinding f : list) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("unique_id", f.uniqueId());
      m.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
      m.put("detail", f.detail());
      m.put("consumers", f.consumers());
      out.add(m);
    }
    return out;
  }

  private static void appendFinding(StringBuilder sb, DeployFinding f) {
    sb.append("  ").append(f.kind().name().toLowerCase(Locale.ROOT)).append("  ").append(f.uniqueId())
        .append(": ").append(f.detail()).append('\n');
    if (!f.consumers().isEmpty()) {
      int shown = Math.min(10, f.consumers().size());
      sb.append("      consumers (").append(f.consumers().size()).append("): ")
          .append(String.join(", ", f.consumers().subList(0, shown)));
      if (shown < f.consumers().size()) {
        sb.append(", ... ").append(f.consumers().size() - shown).append(" more");
      }
      sb.append('\n');
    }
  }

  private static String label(RollbackKind kind) {
    switch (kind) {
      case BLUE_GREEN_SWAP:
        return "Blue/Green swap";
      case CLONE_TIME_TRAVEL:
        return "clone / time travel";
      default:
        return "rebuild at the last green commit";
    }
  }
}
