package dev.dbttriage.select;

import dev.dbttriage.select.Spec.Criterion;
import java.util.BitSet;

/** {@code config.KEY[.KEY...]:}: nodes and sources whose rendered config value at the key path matches. */
final class ConfigMethod implements SelectorMethod {
  @Override
  public void search(Evaluation evaluation, Criterion criterion, BitSet out) {
    evaluation.engine().indexes.config(criterion.args, criterion.value, out);
  }
}
