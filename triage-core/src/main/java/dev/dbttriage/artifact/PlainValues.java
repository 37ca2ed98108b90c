package dev.dbttriage.artifact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable copies of the plain JSON-like values (maps, lists, strings, numbers, booleans) the model keeps for
 * free-form fields such as {@code meta} and {@code config}. JSON {@code null} is kept as a key with a
 * {@code null} value, because dbt distinguishes an explicit null from an absent key.
 */
final class PlainValues {
  private PlainValues() {}

  static Map<String, Object> copyMap(Map<String, ?> source) {
    if (source == null || source.isEmpty()) {
      return Map.of();
    }
    if (isDeepImmutable(source)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> same = (Map<String, Object>) source;
      return same;
    }
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, source.size() * 4 / 3 + 1));
    for (Map.Entry<String, ?> entry : source.entrySet()) {
      copy.put(entry.getKey(), copyValue(entry.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  static Object copyValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        copy.put(String.valueOf(entry.getKey()), copyValue(entry.getValue()));
      }
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object item : list) {
        copy.add(copyValue(item));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  private static final Class<?> UNMODIFIABLE_MAP = Collections.unmodifiableMap(new LinkedHashMap<>()).getClass();

  private static boolean isDeepImmutable(Map<String, ?> map) {
    // Readers hand over maps they built with unmodifiableMap all the way down; skip the second copy.
    return map.getClass() == UNMODIFIABLE_MAP || map.getClass() == Map.of().getClass();
  }
}
