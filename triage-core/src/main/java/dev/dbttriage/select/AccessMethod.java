package dev.dbttriage.select;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.internal.lineage.LineageIndex;
import dev.dbttriage.select.Spec.Criterion;
import java.util.BitSet;

/** {@code access:}: models whose access level ({@code protected} when unset) equals the value. */
final class AccessMethod implements SelectorMethod {
  @Override
  public void search(Evaluation evaluation, Criterion criterion, BitSet out) {
    LineageIndex g = evaluation.engine().graph;
    for (int i = 0; i < g.size(); i++) {
      Node node = g.node(i);
      if (g.collection(i) == LineageIndex.NODES && node.resourceTypeName().equals("model")
          && node.access().orElse("protected").equals(criterion.value)) {
        out.set(i);
      }
    }
  }
}
