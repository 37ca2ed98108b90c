package dev.dbttriage.triage;

import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunResults;
import dev.dbttriage.internal.graph.DbtNodes;
import dev.dbttriage.classify.Redaction;
import dev.dbttriage.internal.lineage.LineageIndex;
import dev.dbttriage.internal.lineage.ProjectCore;
import dev.dbttriage.lineage.Project;
import dev.dbttriage.select.SelectionRequest;
import dev.dbttriage.select.SelectorEngine;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The nodes a run lost: what the invocation's own selection would have written a result for and has none (the
 * run crashed, was killed or timed out). Stateless.
 */
final class NeverRan {
  private static final Set<String> SELECTING_COMMANDS = Set.of("run", "build", "test", "seed", "snapshot");
  private static final Set<ResourceType> RESULT_TYPES = EnumSet.of(ResourceType.MODEL, ResourceType.SEED,
      ResourceType.SNAPSHOT, ResourceType.TEST, ResourceType.UNIT_TEST);

  private NeverRan() {}

  /**
   * The nodes the run lost, sorted; none when the manifest is newer than the run (it may list nodes that did not
   * exist then), when every node that executes has a result, or when the selection cannot be re-evaluated.
   *
   * @param latest the run, if any
   * @param manifestNewer whether the manifest was written by a later invocation than the run
   * @param results the run's results by unique id
   * @param project the project the run used
   * @param resolver the caller's way to re-evaluate the invocation's selection, or null for the selector engine
   * @param warnings where a selection that fails to evaluate is reported
   */
  static List<String> of(Optional<RunResults> latest, boolean manifestNewer, Map<String, RunResult> results,
      Project project, BiFunction<Manifest, RunResults, Optional<Set<String>>> resolver,
      List<ReportWarning> warnings) {
    if (latest.isEmpty() || manifestNewer) {
      // a manifest written after the run may list nodes that did not exist then: INVOCATION_MISMATCH lists them
      return List.of();
    }
    LineageIndex graph = ProjectCore.of(project).index(); // the project's one index, built already
    if (everyExecutableNodeHasAResult(graph, results)) {
      return List.of();
    }
    Optional<Set<String>> selected;
    try {
      selected = resolver == null ? invocationSelection(project, latest.get())
          : resolver.apply(project.manifest(), latest.get());
    } catch (RuntimeException e) {
      warnings.add(ReportWarning.of(ReportWarning.SELECTION_NOT_EVALUATED,
          "could not re-evaluate the invocation's selection: " + Redaction.redact(String.valueOf(e.getMessage()))));
      return List.of();
    }
    if (selected.isEmpty()) {
      return List.of();
    }
    TreeSet<String> missing = new TreeSet<>();
    for (String id : selected.get()) {
      if (results.containsKey(id)) {
        continue;
      }
      int i = graph.memberIndexOf(id);
      // Ephemeral and empty nodes are selected but never executed, so they never have a result.
      if (i < 0 || !DbtNodes.neverExecutes(graph.node(i))) {
        missing.add(id);
      }
    }
    return List.copyOf(missing);
  }

  /** True when no node could have been selected without a result: nothing can have gone missing. */
  private static boolean everyExecutableNodeHasAResult(LineageIndex graph, Map<String, RunResult> results) {
    for (int i = 0; i < graph.size(); i++) {
      Node n = graph.node(i);
      if (RESULT_TYPES.contains(n.resourceType()) && !results.containsKey(n.uniqueId())
          && !DbtNodes.neverExecutes(n)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Re-evaluates the invocation's own selection (its recorded {@code args}) with the project's selector engine:
   * the nodes that command would have written a result for.
   */
  private static Optional<Set<String>> invocationSelection(Project project, RunResults run) {
    Optional<String> command = run.args().command();
    if (command.isEmpty() || !SELECTING_COMMANDS.contains(command.get())) {
      return Optional.empty();
    }
    SelectorEngine engine = SelectorEngine.of(project);
    Set<String> selected = new LinkedHashSet<>();
    for (String id : engine.select(SelectionRequest.fromInvocation(run.args())).ids()) {
      Optional<Node> n = project.node(id);
      if (n.isPresent() && RESULT_TYPES.contains(n.get().resourceType())) {
        selected.add(id);
      }
    }
    return Optional.of(selected);
  }
}
