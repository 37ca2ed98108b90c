package dev.dbttriage.select;

import dev.dbttriage.internal.lineage.LineageIndex;
import dev.dbttriage.select.Spec.Method;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one table from a selector method's name to its implementation, as dbt's {@code MethodManager}. The names a
 * criterion may use are {@link Spec.Method}'s; every one has exactly one entry here. Immutable.
 */
final class Methods {
  private static final Map<Method, SelectorMethod> TABLE;

  static {
    Map<Method, SelectorMethod> t = new EnumMap<>(Method.class);
    t.put(Method.FQN, new FqnMethod());
    t.put(Method.TAG, new TagMethod());
    t.put(Method.GROUP, new GroupMethod());
    t.put(Method.ACCESS, new AccessMethod());
    t.put(Method.SOURCE, new SourceMethod());
    t.put(Method.PATH, new PathMethod());
    t.put(Method.FILE, new FileMethod());
    t.put(Method.PACKAGE, new PackageMethod());
    t.put(Method.CONFIG, new ConfigMethod());
    t.put(Method.TEST_NAME, new TestNameMethod());
    t.put(Method.TEST_TYPE, new TestTypeMethod());
    t.put(Method.RESOURCE_TYPE, new ResourceTypeMethod());
    t.put(Method.STATE, new StateMethod());
    t.put(Method.EXPOSURE, new NamedResourceMethod(LineageIndex.EXPOSURES, "exposure", "Exposures",
        "${exposure_name} or ${exposure_package.exposure_name}"));
    t.put(Method.METRIC, new NamedResourceMethod(LineageIndex.METRICS, "metric", "Metrics",
        "${metric_name} or ${metric_package.metric_name}"));
    t.put(Method.RESULT, new ResultMethod());
    t.put(Method.SOURCE_STATUS, new SourceStatusMethod());
    t.put(Method.VERSION, new VersionMethod());
    t.put(Method.SEMANTIC_MODEL, new NamedResourceMethod(LineageIndex.SEMANTIC_MODELS, "semantic model",
        "Semantic models", "${semantic_model_name} or ${semantic_model_package.semantic_model_name}"));
    t.put(Method.SAVED_QUERY, new NamedResourceMethod(LineageIndex.SAVED_QUERIES, "saved query", "Saved queries",
        "${saved_query_name} or ${saved_query_package.saved_query_name}"));
    // dbt's UnitTestSelectorMethod repeats the saved-query wording for the plural; kept for parity
    t.put(Method.UNIT_TEST, new NamedResourceMethod(LineageIndex.UNIT_TESTS, "unit test", "Saved queries",
        "${unit_test_name} or ${unit_test_package_name.unit_test_name}"));
    t.put(Method.SELECTOR, new SelectorNameMethod());
    if (t.size() != Method.values().length) {
      throw new AssertionError("a selector method has no implementation");
    }
    TABLE = Collections.unmodifiableMap(t);
  }

  private Methods() {}

  /** Returns the implementation of a method (every {@link Method} has one). */
  static SelectorMethod get(Method method) {
    return TABLE.get(method);
  }

  /** Returns the whole table, in {@link Method} order. */
  static Map<Method, SelectorMethod> table() {
    return TABLE;
  }
}
