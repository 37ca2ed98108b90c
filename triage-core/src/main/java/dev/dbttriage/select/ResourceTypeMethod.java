package dev.dbttriage.select;

import dev.dbttriage.select.Spec.Criterion;
import java.util.BitSet;
import java.util.Set;

/** {@code resource_type:}: resources of one of dbt's node types. */
final class ResourceTypeMethod implements SelectorMethod {
  /** dbt's {@code NodeType} values. */
  static final Set<String> NODE_TYPES = Set.of("model", "analysis", "test", "snapshot", "operation", "seed", "rpc",
      "sql_operation", "doc", "source", "macro", "exposure", "metric", "group", "saved_query", "semantic_model",
      "unit_test", "fixture", "function");

  @Override
  public void search(Evaluation evaluation, Criterion criterion, BitSet out) {
    if (!NODE_TYPES.contains(criterion.value)) {
      throw new SelectorSyntaxException("Invalid resource_type selector \"" + criterion.value + "\"", criterion.raw,
          -1);
    }
    evaluation.engine().indexes.resourceType(criterion.value, out);
  }
}
