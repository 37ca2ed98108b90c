package dev.dbttriage.select;

import dev.dbttriage.internal.lineage.LineageIndex;
import dev.dbttriage.select.Spec.Criterion;
import dev.dbttriage.select.Spec.Group;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One evaluation of a request against an engine: set operations over criteria, graph operators and indirect
 * selection of tests, with each criterion's method looked up in {@link Methods}. Not thread-safe; created per
 * call.
 */
final class Evaluation {
  private final SelectorEngine e;
  private final LineageIndex g;
  private final SelectionRequest request;
  private final IndirectSelection mode;
  private final List<String> warnings = new ArrayList<>();
  private final Deque<String> selectorStack = new ArrayDeque<>();
  private CommandTypes types;

  Evaluation(SelectorEngine engine, SelectionRequest request) {
    this.e = engine;
    this.g = engine.graph;
    this.request = request;
    this.mode = request.indirectSelection();
  }

  Selection run() {
    types = CommandTypes.of(request);
    Spec spec;
    Optional<String> selectorName = request.selector();
    if (selectorName.isPresent()) {
      if (!request.select().isEmpty() || !request.exclude().isEmpty()) {
        warnings.add("The --select and --exclude arguments are being ignored for node selection because "
            + "--selector is provided");
      }
      spec = namedSelector(selectorName.get());
    } else if (request.select().isEmpty() && request.exclude().isEmpty()
        && SelectorDefinitions.defaultName(e.selectorDefs).isPresent()) {
      spec = namedSelector(SelectorDefinitions.defaultName(e.selectorDefs).get());
    } else {
      spec = SpecParser.difference(request.select(), request.exclude(), mode);
    }
    BitSet direct = eval(spec)[0];
    BitSet kept = types.filter(e, direct);
    List<String> ids = new ArrayList<>(kept.cardinality());
    int remaining = kept.cardinality();
    for (int k = 0; k < e.size && remaining > 0; k++) {
      int i = e.sortedOrder[k];
      if (kept.get(i)) {
        ids.add(g.id(i));
        remaining--;
      }
    }
    if (ids.isEmpty() && request.command() == SelectionCommand.LS) {
      warnings.add("No nodes selected!");
    }
    return new Selection(ids, warnings);
  }

  private Spec namedSelector(String name) {
    Map<String, Object> defs = e.selectorDefs;
    if (defs.isEmpty()) {
      throw new SelectorSyntaxException("Selector '" + name + "' did not match any selector in selectors.yml",
          name, -1);
    }
    Object entry = defs.get(name);
    if (!(entry instanceof Map<?, ?> m)) {
      List<String> names = new ArrayList<>();
      defs.keySet().forEach(k -> names.add("'" + k + "'"));
      throw new SelectorSyntaxException("Could not find selector named " + name + ", expected one of ["
          + String.join(", ", names) + "]", name, -1);
    }
    return SpecParser.definition(m.get("definition"), true, mode);
  }

  // ---- set algebra ----------------------------------------------------------------------------------------

  /** Returns {direct, pool} where pool includes direct, as dbt's (direct, indirect) bundles combine. */
  private BitSet[] eval(Spec spec) {
    if (spec instanceof Criterion c) {
      BitSet[] r = criterion(c);
      r[1].or(r[0]); // both are the criterion's own
      return r;
    }
    Group group = (Group) spec;
    // Folded component by component, as dbt combines the bundles left to right: a selection of thousands of
    // tokens keeps two sets alive, not two per token.
    BitSet direct = null;
    BitSet pool = null;
    for (Spec component : group.components) {
      BitSet[] r = eval(component);
      if (direct == null) {
        direct = r[0];
        pool = r[1];
      } else {
        combine(group.op, direct, r[0]);
        combine(group.op, pool, r[1]);
      }
    }
    if (direct == null) {
      direct = new BitSet();
      pool = new BitSet();
    }
    direct = incorporate(direct, pool, group.indirect);
    if (group.expectExists && direct.isEmpty()) {
      warnings.add("The selection criterion '" + group.raw + "' does not match any enabled nodes");
    }
    pool.or(direct); // the fold owns pool; incorporate only read it
    return new BitSet[] {direct, pool};
  }

  /** Combines {@code next} into {@code into}, which every set eval returns is free to become. */
  private static void combine(Spec.Op op, BitSet into, BitSet next) {
    switch (op) {
      case UNION:
        into.or(next);
        break;
      case INTERSECTION:
        into.and(next);
        break;
      case DIFFERENCE:
        into.andNot(next);
        break;
      default:
        throw new IllegalStateException();
    }
  }

  private BitSet incorporate(BitSet direct, BitSet pool, IndirectSelection groupMode) {
    if (direct.equals(pool) || (groupMode != IndirectSelection.CAUTIOUS && groupMode != IndirectSelection.BUILDABLE)) {
      return direct;
    }
    BitSet selected = (BitSet) direct.clone();
    BitSet allowed = selected;
    if (groupMode == IndirectSelection.BUILDABLE) {
      allowed = (BitSet) selected.clone();
      allowed.or(g.walk(selected, true, -1));
    }
    for (int i = pool.nextSetBit(0); i >= 0; i = pool.nextSetBit(i + 1)) {
      if (g.collection(i) != LineageIndex.NODES || selected.get(i)) {
        continue;
      }
      if (depsWithin(i, groupMode == IndirectSelection.BUILDABLE ? allowed : selected, false)) {
        selected.set(i);
      }
    }
    return selected;
  }

  private boolean depsWithin(int test, BitSet set, boolean sourcesAllowed) {
    for (int d : g.deps(test)) {
      if (d >= 0) {
        if (!set.get(d) && !(sourcesAllowed && e.isSource[d])) {
          return false;
        }
      } else if (!(sourcesAllowed && d == LineageIndex.NOT_MEMBER_SOURCE)) {
        return false;
      }
    }
    return true;
  }

  // ---- one criterion --------------------------------------------------------------------------------------

  private BitSet[] criterion(Criterion c) {
    BitSet matched = search(c);
    // The walks start from what matched; only then does the selection need a set of its own.
    BitSet selected = c.childrensParents || c.parents || c.children ? (BitSet) matched.clone() : matched;
    if (c.childrensParents) {
      BitSet s = g.walk(matched, false, -1);
      s.or(matched);
      selected.or(s);
      selected.or(g.walk(s, true, -1));
    }
    if (c.parents) {
      selected.or(g.walk(matched, true, c.parentsDepth));
    }
    if (c.children) {
      selected.or(g.walk(matched, false, c.childrenDepth));
    }
    if (c.indirect == IndirectSelection.EMPTY || c.method == Spec.Method.SELECTOR) {
      return new BitSet[] {selected, new BitSet()};
    }
    BitSet direct = (BitSet) selected.clone();
    BitSet pool = new BitSet();
    BitSet selectedAndParents = null;
    if (c.indirect == IndirectSelection.BUILDABLE) {
      selectedAndParents = (BitSet) selected.clone();
      selectedAndParents.or(g.walk(selected, true, -1));
    }
    int[] children = g.childList();
    for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
      for (int k = g.childStart(i); k < g.childEnd(i); k++) {
        int t = children[k];
        // A test already placed is not weighed again; one already selected stays direct (eval adds the direct
        // nodes to the pool, so the pool is the same as if it were weighed).
        if (!e.testLike[t] || direct.get(t) || pool.get(t)) {
          continue;
        }
        if (c.indirect == IndirectSelection.EAGER || depsWithin(t, selected, false)) {
          direct.set(t);
        } else if (c.indirect == IndirectSelection.BUILDABLE && depsWithin(t, selectedAndParents, true)) {
          direct.set(t);
        } else {
          pool.set(t);
        }
      }
    }
    return new BitSet[] {direct, pool};
  }

  private BitSet search(Criterion c) {
    BitSet out = new BitSet();
    Methods.get(c.method).search(this, c, out);
    return out;
  }

  /** Returns the engine the evaluation runs on. */
  SelectorEngine engine() {
    return e;
  }

  /**
   * Returns what the YAML selector {@code name} selects, with this evaluation's resource types, for
   * {@code selector:}; a selector that reaches itself again is an error.
   */
  BitSet namedSelection(String name) {
    if (selectorStack.contains(name)) {
      throw new SelectorSyntaxException("Circular dependency detected in selector: " + name, name, -1);
    }
    selectorStack.push(name);
    Object entry = e.selectorDefs.get(name);
    Spec spec = SpecParser.definition(((Map<?, ?>) entry).get("definition"), true, mode);
    BitSet selected = types.filter(e, eval(spec)[0]);
    selectorStack.pop();
    return selected;
  }
}
