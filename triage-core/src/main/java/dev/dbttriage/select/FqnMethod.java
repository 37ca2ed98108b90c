package dev.dbttriage.select;

import dev.dbttriage.select.Spec.Criterion;
import java.util.BitSet;

/** {@code fqn:} (and a bare name): dbt's {@code QualifiedNameSelectorMethod}, through the engine's fqn index. */
final class FqnMethod implements SelectorMethod {
  @Override
  public void search(Evaluation evaluation, Criterion criterion, BitSet out) {
    evaluation.engine().fqnIndex.search(new FqnPattern(criterion.value), out);
  }
}
