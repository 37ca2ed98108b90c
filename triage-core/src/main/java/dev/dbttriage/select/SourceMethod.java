package dev.dbttriage.select;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.internal.lineage.LineageIndex;
import dev.dbttriage.select.Spec.Criterion;
import java.util.BitSet;

/** {@code source:}: {@code source}, {@code source.table} or {@code package.source.table}, each part a glob. */
final class SourceMethod implements SelectorMethod {
  @Override
  public void search(Evaluation evaluation, Criterion criterion, BitSet out) {
    String v = criterion.value;
    String[] parts = v.split("\\.", -1);
    String pkg = "*";
    String source;
    String table;
    if (parts.length == 1) {
      source = parts[0];
      table = "*";
    } else if (parts.length == 2) {
      source = parts[0];
      table = parts[1];
    } else if (parts.length == 3) {
      pkg = parts[0];
      source = parts[1];
      table = parts[2];
    } else {
      throw new SelectorSyntaxException("Invalid source selector value \"" + v + "\". Sources must be of the form "
          + "`${source_name}`, `${source_name}.${target_name}`, or `${package_name}.${source_name}.${target_name}",
          v, -1);
    }
    LineageIndex g = evaluation.engine().graph;
    for (int i = 0; i < g.size(); i++) {
      if (g.collection(i) != LineageIndex.SOURCES) {
        continue;
      }
      Node node = g.node(i);
      if (Fnmatch.matches(node.packageName(), pkg) && Fnmatch.matches(node.sourceName().orElse(""), source)
          && Fnmatch.matches(node.name(), table)) {
        out.set(i);
      }
    }
  }
}
