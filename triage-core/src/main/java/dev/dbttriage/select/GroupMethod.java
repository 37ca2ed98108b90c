package dev.dbttriage.select;

import dev.dbttriage.internal.lineage.LineageIndex;
import dev.dbttriage.select.Spec.Criterion;
import java.util.BitSet;

/** {@code group:}: nodes and metrics whose {@code config.group} fnmatches the value. */
final class GroupMethod implements SelectorMethod {
  @Override
  public void search(Evaluation evaluation, Criterion criterion, BitSet out) {
    LineageIndex g = evaluation.engine().graph;
    for (int i = 0; i < g.size(); i++) {
      byte col = g.collection(i);
      if (col == LineageIndex.NODES || col == LineageIndex.METRICS) {
        Object grp = g.node(i).config().values().get("group");
        if (grp instanceof String s && !s.isEmpty() && Fnmatch.matches(s, criterion.value)) {
          out.set(i);
        }
      }
    }
  }
}
