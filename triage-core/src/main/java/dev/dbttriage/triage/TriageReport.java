package dev.dbttriage.triage;

import dev.dbttriage.artifact.InvocationArgs;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.lineage.Project;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The triage of one run: its root causes, ordered by what to fix first, every symptom attributed to them.
 * Instances are immutable and thread-safe.
 *
 * @param project the project the run was triaged on (the planner rebuilds nothing from it)
 * @param args the arguments of the run's invocation ({@link InvocationArgs#NONE} when not recorded)
 * @param command the dbt command of the run ({@code run}, {@code build}, ...), if recorded
 * @param invocationId the run's invocation id, if recorded
 * @param generatedAt when the run results were written, if recorded
 * @param dbtVersion the dbt version, if recorded
 * @param adapterType the adapter type from the manifest, if recorded
 * @param countsByStatus how many results of each status the run has
 * @param roots the root causes, most urgent first
 * @param skippedBy for each skipped node, the roots it is attributed to (a node skipped below several failures
 *     is listed under each)
 * @param neverRan the nodes the invocation selected that have no result at all, sorted
 * @param warnings what the engine could not do or had to assume, and what the readers were lenient about, each
 *     with a stable code
 * @param results the run's results (the newest per node when several runs were merged), in run order
 * @param commonCauses groups of three or more roots that look like one problem, largest first
 * @param resultSources where each result came from, by unique id: {@code run_results} or {@code log} (results
 *     read from a dbt log, see {@link dev.dbttriage.log.LogRuns})
 */
public record TriageReport(
    Project project,
    InvocationArgs args,
    Optional<String> command,
    Optional<String> invocationId,
    Optional<String> generatedAt,
    Optional<String> dbtVersion,
    Optional<String> adapterType,
    Map<RunStatus, Integer> countsByStatus,
    List<RootCause> roots,
    Map<String, List<String>> skippedBy,
    List<String> neverRan,
    List<ReportWarning> warnings,
    List<RunResult> results,
    List<CommonCause> commonCauses,
    Map<String, String> resultSources) {

  /** Validates and copies the components. */
  public TriageReport {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(invocationId, "invocationId");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(dbtVersion, "dbtVersion");
    Objects.requireNonNull(adapterType, "adapterType");
    Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
    counts.putAll(countsByStatus);
    countsByStatus = Collections.unmodifiableMap(counts);
    roots = List.copyOf(roots);
    Map<String, List<String>> by = new LinkedHashMap<>();
    skippedBy.forEach((k, v) -> by.put(k, List.copyOf(v)));
    skippedBy = Collections.unmodifiableMap(by);
    neverRan = List.copyOf(neverRan);
    warnings = List.copyOf(warnings);
    results = List.copyOf(results);
    commonCauses = List.copyOf(commonCauses);
    resultSources = Map.copyOf(resultSources);
  }

  /**
   * Returns where the result of a node came from: {@code run_results} or {@code log}.
   *
   * @param uniqueId the node
   * @return the source, or empty when the node has no result
   */
  public Optional<String> resultSource(String uniqueId) {
    return Optional.ofNullable(resultSources.get(uniqueId));
  }

  /** Returns the most severe root's severity, or empty when nothing needs attention. */
  public Optional<Severity> maxSeverity() {
    return roots.stream().map(RootCause::severity).max(Enum::compareTo);
  }

  /**
   * Returns the roots that are failures: every root but warnings (a warned test, a freshness warning), which
   * have severity {@link Severity#INFO}.
   */
  public List<RootCause> failures() {
    return roots.stream().filter(r -> r.severity() != Severity.INFO).toList();
  }

  /** Returns the root with this unique id, if any. */
  public Optional<RootCause> root(String uniqueId) {
    return roots.stream().filter(r -> r.uniqueId().equals(uniqueId)).findFirst();
  }

  /** Returns whether a warning with this code was raised. */
  public boolean hasWarning(String code) {
    return warnings.stream().anyMatch(w -> w.code().equals(code));
  }

  /** Returns how many results have this status. */
  public int count(RunStatus status) {
    return countsByStatus.getOrDefault(status, 0);
  }
}
