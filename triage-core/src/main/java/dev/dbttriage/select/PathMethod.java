package dev.dbttriage.select;

import dev.dbttriage.select.Spec.Criterion;
import java.util.BitSet;

/** {@code path:}: resources whose file, patch file or a parent directory is matched by the path glob. */
final class PathMethod implements SelectorMethod {
  @Override
  public void search(Evaluation evaluation, Criterion criterion, BitSet out) {
    evaluation.engine().indexes.path(criterion.value, out);
  }
}
