package dev.dbttriage.artifact;

import dev.dbttriage.internal.collect.FrozenMap;
import java.util.ArrayList;
import java.util.Collections;
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
    if (source instanceof FrozenMap<?>) {
      // The readers build FrozenMaps all the way down; a map handed in by a caller is copied deeply.
      @SuppressWarnings("unchecked")
      Map<String, Object> same = (Map<String, Object>) source;
      return same;
    }
    List<String> keys = new ArrayList<>(source.size());
    List<Object> values = new ArrayList<>(source.size());
    for (Map.Entry<String, ?> entry : source.entrySet()) {
      keys.add(entry.getKey());
      values.add(copyValue(entry.getValue()));
    }
    return FrozenMap.of(keys, values);
  }

  static Object copyValue(Object value) {
    if (value instanceof FrozenMap<?>) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      List<String> keys = new ArrayList<>(map.size());
      List<Object> values = new ArrayList<>(map.size());
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        keys.add(String.valueOf(entry.getKey()));
        values.add(copyValue(entry.getValue()));
      }
      return FrozenMap.of(keys, values);
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
}
