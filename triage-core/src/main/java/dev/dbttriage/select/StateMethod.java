package dev.dbttriage.select;

import dev.dbttriage.select.Spec.Criterion;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** {@code state:}: dbt's comparison with the previous manifest, answered by {@link ManifestComparison}. */
final class StateMethod implements SelectorMethod {
  @Override
  public void search(Evaluation evaluation, Criterion criterion, BitSet out) {
    SelectorEngine e = evaluation.engine();
    e.comparison();
    String v = criterion.value;
    if (!StateCheck.VALUES.contains(v)) {
      List<String> quoted = new ArrayList<>();
      StateCheck.VALUES.forEach(s -> quoted.add("'" + s + "'"));
      throw new SelectorSyntaxException("Got an invalid selector \"" + v + "\", expected one of \"["
          + String.join(", ", quoted) + "]\"", v, -1);
    }
    out.or(e.stateResult(v));
  }
}
