package dev.dbttriage.select;

import dev.dbttriage.select.Spec.Criterion;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;

/** {@code selector:}: the union of the YAML selectors whose names fnmatch the value, each evaluated in full. */
final class SelectorNameMethod implements SelectorMethod {
  @Override
  public void search(Evaluation evaluation, Criterion criterion, BitSet out) {
    String pattern = criterion.value;
    List<String> matched = new ArrayList<>();
    for (String name : new TreeSet<>(evaluation.engine().selectorDefs.keySet())) {
      if (Fnmatch.matches(name, pattern)) {
        matched.add(name);
      }
    }
    if (matched.isEmpty()) {
      throw new SelectorSyntaxException("Selector '" + pattern + "' did not match any selector in selectors.yml",
          "selector:" + pattern, -1);
    }
    for (String name : matched) {
      out.or(evaluation.namedSelection(name));
    }
  }
}
