package dev.dbttriage.select;

import dev.dbttriage.select.Spec.Criterion;
import java.util.BitSet;

/** {@code file:}: resources whose file name (or its stem) fnmatches the value. */
final class FileMethod implements SelectorMethod {
  @Override
  public void search(Evaluation evaluation, Criterion criterion, BitSet out) {
    evaluation.engine().indexes.file(criterion.value, out);
  }
}
