package dev.dbttriage.select;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.internal.lineage.LineageIndex;
import dev.dbttriage.select.Spec.Criterion;
import java.util.BitSet;

/** {@code test_type:}: {@code generic}/{@code schema}, {@code singular}, {@code data} or {@code unit} tests. */
final class TestTypeMethod implements SelectorMethod {
  @Override
  public void search(Evaluation evaluation, Criterion criterion, BitSet out) {
    String v = criterion.value;
    boolean generic = false;
    boolean singular = false;
    boolean unit = false;
    // dbt tests `selector in ("data")`, a substring test on a string, and likewise for the others
    if (v.equals("generic") || v.equals("schema")) {
      generic = true;
    } else if ("data".contains(v)) {
      generic = true;
      singular = true;
    } else if ("singular".contains(v)) {
      singular = true;
    } else if ("unit".contains(v)) {
      unit = true;
    } else {
      throw new SelectorSyntaxException("Invalid test type selector " + v + ": expected \"generic\", \"singular\", "
          + "\"unit\", or \"data\"", v, -1);
    }
    LineageIndex g = evaluation.engine().graph;
    for (int i = 0; i < g.size(); i++) {
      byte col = g.collection(i);
      Node node = g.node(i);
      if (col == LineageIndex.NODES && node.resourceTypeName().equals("test")) {
        boolean isGeneric = node.testMetadata().isPresent();
        if ((isGeneric && generic) || (!isGeneric && singular)) {
          out.set(i);
        }
      } else if (col == LineageIndex.UNIT_TESTS && unit) {
        out.set(i);
      }
    }
  }
}
