package dev.dbttriage.plan;

import dev.dbttriage.TriageException;
import dev.dbttriage.artifact.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Where a plan's steps would rebuild what a scheduled run also builds. Stateless. */
final class Contentions {
  private Contentions() {}

  /**
   * The overlaps of each step with each scheduled selection, tests left out (they build nothing); none
   * without an evaluator.
   *
   * @param problems where a scheduled selection that fails to evaluate is reported
   */
  static List<Contention> of(List<String> scheduled, Optional<SelectionEvaluator> evaluator,
      List<PlanStep> steps, PlanLineage lineage, List<String> problems) {
    List<Contention> out = new ArrayList<>();
    if (scheduled.isEmpty() || evaluator.isEmpty()) {
      return out;
    }
    for (String sched : scheduled) {
      Set<String> theirs;
      try {
        theirs = evaluator.get().evaluate("run", List.of(sched.trim().split(" +")), List.of());
      } catch (TriageException e) {
        problems.add("scheduled selection '" + sched + "' did not evaluate: " + e.getMessage());
        continue;
      }
      for (PlanStep s : steps) {
        TreeSet<String> overlap = new TreeSet<>();
        for (String id : s.nodes()) {
          ResourceType type = lineage.typeOf(id);
          if (theirs.contains(id) && type != ResourceType.TEST && type != ResourceType.UNIT_TEST) {
            overlap.add(id);
          }
        }
        if (!overlap.isEmpty()) {
          out.add(new Contention(s.number(), sched, List.copyOf(overlap)));
        }
      }
    }
    return out;
  }
}
