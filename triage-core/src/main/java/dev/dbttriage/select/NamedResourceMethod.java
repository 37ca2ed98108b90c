package dev.dbttriage.select;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.internal.lineage.LineageIndex;
import dev.dbttriage.select.Spec.Criterion;
import java.util.BitSet;

/**
 * {@code exposure:}, {@code metric:}, {@code semantic_model:}, {@code saved_query:} and {@code unit_test:}: the
 * members of one collection whose {@code name} or {@code package.name} fnmatches the value. dbt writes one class
 * per collection with the same body; here one class is registered once per collection.
 */
final class NamedResourceMethod implements SelectorMethod {
  private final byte collection;
  private final String label;
  private final String plural;
  private final String forms;

  NamedResourceMethod(byte collection, String label, String plural, String forms) {
    this.collection = collection;
    this.label = label;
    this.plural = plural;
    this.forms = forms;
  }

  @Override
  public void search(Evaluation evaluation, Criterion criterion, BitSet out) {
    String v = criterion.value;
    String[] parts = v.split("\\.", -1);
    String pkg = "*";
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      pkg = parts[0];
      name = parts[1];
    } else {
      throw new SelectorSyntaxException("Invalid " + label + " selector value \"" + v + "\". " + plural
          + " must be of the form " + forms, v, -1);
    }
    LineageIndex g = evaluation.engine().graph;
    for (int i = 0; i < g.size(); i++) {
      if (g.collection(i) == collection) {
        Node node = g.node(i);
        if (Fnmatch.matches(node.packageName(), pkg) && Fnmatch.matches(node.name(), name)) {
          out.set(i);
        }
      }
    }
  }
}
