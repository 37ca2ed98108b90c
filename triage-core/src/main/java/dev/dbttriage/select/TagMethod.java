package dev.dbttriage.select;

import dev.dbttriage.select.Spec.Criterion;
import java.util.BitSet;

/** {@code tag:}: resources with a tag that fnmatches the value, dbt's {@code TagSelectorMethod}. */
final class TagMethod implements SelectorMethod {
  @Override
  public void search(Evaluation evaluation, Criterion criterion, BitSet out) {
    evaluation.engine().indexes.tag(criterion.value, out);
  }
}
