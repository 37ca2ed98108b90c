package dev.dbttriage.select;

import dev.dbttriage.select.Spec.Criterion;
import java.util.BitSet;

/** {@code package:}: resources whose package fnmatches the value; {@code this} names the root project. */
final class PackageMethod implements SelectorMethod {
  @Override
  public void search(Evaluation evaluation, Criterion criterion, BitSet out) {
    SelectorEngine e = evaluation.engine();
    String v = criterion.value;
    e.indexes.packageName(v.equals("this") && !e.rootProject.isEmpty() ? e.rootProject : v, out);
  }
}
