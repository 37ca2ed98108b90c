package dev.dbttriage.plan;

import dev.dbttriage.TriageException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Verifies a plan against dbt's own selection: each step's selection must execute exactly the step's nodes, and
 * the steps together must rebuild every intended node once. Without a {@link SelectionEvaluator} nothing is
 * verified and the given selections stand. Not thread-safe; one per plan.
 */
final class PlanVerifier {
  /**
   * A step's selection.
   *
   * @param select the {@code --select} tokens
   * @param exclude the {@code --exclude} tokens
   * @param verified whether the evaluator confirmed it executes exactly the step's nodes
   */
  record Selection(List<String> select, List<String> exclude, boolean verified) {}

  private final Optional<SelectionEvaluator> evaluator;
  private final String command;
  private final PlanLineage lineage;
  private final List<String> problems;
  /** Selections already evaluated: a candidate is checked by repair() and again by selects(). */
  private final Map<List<List<String>>, Set<String>> evaluated = new HashMap<>();

  /**
   * @param evaluator the evaluator, if any
   * @param command the subcommand the plan runs
   * @param lineage the plan's lineage
   * @param problems where a selection that fails to evaluate, or a step no selection fits, is reported
   */
  PlanVerifier(Optional<SelectionEvaluator> evaluator, String command, PlanLineage lineage, List<String> problems) {
    this.evaluator = evaluator;
    this.command = command;
    this.lineage = lineage;
    this.problems = problems;
  }

  /** Whether steps can be verified at all. */
  boolean active() {
    return evaluator.isPresent();
  }

  /**
   * Chooses the selection of a step over exactly {@code nodes}: the given tokens if they verify, else the
   * shortest command among the alternatives that do (the given tokens repaired, the tops of the set, every node
   * by name); when none does, every node by name, unverified, with a problem.
   *
   * @param step the step's number, for the problem
   * @param commandOf the step's command for a selection, to compare lengths
   */
  Selection choose(int step, Set<String> nodes, List<String> select, List<String> exclude,
      BiFunction<List<String>, List<String>, String> commandOf) {
    if (evaluator.isEmpty()) {
      return new Selection(select, exclude, false);
    }
    List<String> byName = lineage.names(new TreeSet<>(nodes));
    List<List<List<String>>> candidates = new ArrayList<>();
    candidates.add(List.of(select, exclude));
    repair(select, exclude, nodes).ifPresent(candidates::add);
    candidates.add(List.of(lineage.tokensFor(nodes), List.of()));
    candidates.add(List.of(byName, List.of()));
    List<List<String>> best = null;
    for (List<List<String>> c : candidates) {
      if (selects(c.get(0), c.get(1), nodes) && (best == null
          || commandOf.apply(c.get(0), c.get(1)).length() < commandOf.apply(best.get(0), best.get(1)).length())) {
        best = c;
      }
    }
    if (best == null) {
      problems.add("step " + step + ": no selection found that executes exactly its "
          + nodes.size() + " node(s); listing them by name");
      return new Selection(byName, List.of(), false);
    }
    return new Selection(best.get(0), best.get(1), true);
  }

  /**
   * The problems of a plan's coverage: an intended node no step rebuilds, a node two steps rebuild, a node
   * rebuilt that did not fail, skip or go missing. Preparatory steps rebuild nothing.
   */
  static List<String> coverage(List<PlanStep> steps, Set<String> intended) {
    List<String> out = new ArrayList<>();
    Map<String, Integer> count = new LinkedHashMap<>();
    for (PlanStep s : steps) {
      if (s.kind().preparatory()) {
        continue;
      }
      for (String id : s.nodes()) {
        count.merge(id, 1, Integer::sum);
      }
    }
    for (String id : intended) {
      if (!count.containsKey(id)) {
        out.add("no step rebuilds " + id);
      }
    }
    count.forEach((id, c) -> {
      if (c > 1) {
        out.add(id + " is rebuilt by " + c + " steps");
      }
      if (!intended.contains(id)) {
        out.add(id + " is rebuilt but did not fail, skip or go missing");
      }
    });
    return out;
  }

  /** The given selection with what it missed added by name and what it over-reached excluded by name. */
  private Optional<List<List<String>>> repair(List<String> select, List<String> exclude, Set<String> nodes) {
    Set<String> got = evaluate(select, exclude);
    if (got == null) {
      return Optional.empty();
    }
    Set<String> missing = new TreeSet<>(nodes);
    missing.removeAll(got);
    Set<String> extra = new TreeSet<>(got);
    extra.removeAll(nodes);
    if (missing.isEmpty() && extra.isEmpty()) {
      return Optional.empty();
    }
    List<String> sel = new ArrayList<>(select);
    List<String> exc = new ArrayList<>(exclude);
    sel.addAll(lineage.names(missing));
    exc.addAll(lineage.names(extra));
    return Optional.of(List.of(sel, exc));
  }

  private boolean selects(List<String> select, List<String> exclude, Set<String> nodes) {
    if (nodes.isEmpty()) {
      return false;
    }
    Set<String> got = evaluate(select, exclude);
    return got != null && got.equals(nodes);
  }

  private Set<String> evaluate(List<String> select, List<String> exclude) {
    List<List<String>> key = List.of(List.copyOf(select), List.copyOf(exclude));
    if (evaluated.containsKey(key)) {
      return evaluated.get(key);
    }
    Set<String> result = evaluateOnce(select, exclude);
    evaluated.put(key, result);
    return result;
  }

  /** What the selection executes, or null (with a problem) when it does not evaluate. */
  private Set<String> evaluateOnce(List<String> select, List<String> exclude) {
    try {
      Set<String> out = new HashSet<>();
      for (String id : evaluator.orElseThrow().evaluate(command, select, exclude)) {
        if (lineage.executes(id)) {
          out.add(id);
        }
      }
      return out;
    } catch (TriageException e) {
      problems.add("selection " + String.join(" ", select) + " did not evaluate: " + e.getMessage());
      return null;
    }
  }
}
