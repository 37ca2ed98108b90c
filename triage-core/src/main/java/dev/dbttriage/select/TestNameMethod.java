package dev.dbttriage.select;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.internal.lineage.LineageIndex;
import dev.dbttriage.select.Spec.Criterion;
import java.util.BitSet;

/** {@code test_name:}: generic tests by their test macro's name, unit tests by their own name. */
final class TestNameMethod implements SelectorMethod {
  @Override
  public void search(Evaluation evaluation, Criterion criterion, BitSet out) {
    LineageIndex g = evaluation.engine().graph;
    String v = criterion.value;
    for (int i = 0; i < g.size(); i++) {
      byte col = g.collection(i);
      Node node = g.node(i);
      if (col == LineageIndex.NODES && node.resourceTypeName().equals("test") && node.testMetadata().isPresent()) {
        if (Fnmatch.matches(node.testMetadata().get().name(), v)) {
          out.set(i);
        }
      } else if (col == LineageIndex.UNIT_TESTS && Fnmatch.matches(node.name(), v)) {
        out.set(i);
      }
    }
  }
}
