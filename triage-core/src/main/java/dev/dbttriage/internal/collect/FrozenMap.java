package dev.dbttriage.internal.collect;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable, insertion-ordered map over two parallel arrays, for the many small maps a manifest holds
 * (configs, meta, columns): a few bytes per entry instead of a LinkedHashMap's forty. Lookups scan small maps
 * and binary-search a sorted index of larger ones. Keys are non-null and distinct; values may be null (dbt
 * distinguishes an explicit JSON null from an absent key). Immutable and thread-safe: the lazily built index is
 * published through a volatile field. Internal: not part of the exported API.
 *
 * @param <V> the value type
 */
public final class FrozenMap<V> extends AbstractMap<String, V> {
  private static final int SCAN_LIMIT = 8;
  private static final FrozenMap<Object> EMPTY = new FrozenMap<>(new String[0], new Object[0]);

  private final String[] keys;
  private final Object[] values;
  /**
   * Built on the first lookup of a larger map. Volatile: maps are read by parallel streams, and a plain field
   * could publish the array before its elements (a reader would then binary-search zeros).
   */
  private volatile int[] sorted;
  private Set<Map.Entry<String, V>> entrySet;

  private FrozenMap(String[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  /** The positions of the keys in key order, built on the first lookup of a larger map. */
  private int[] sorted() {
    int[] s = sorted;
    if (s == null) {
      Integer[] order = new Integer[keys.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
      s = new int[order.length];
      for (int i = 0; i < order.length; i++) {
        s[i] = order[i];
      }
      sorted = s; // idempotent: a race builds the same array twice; the volatile write publishes its elements
    }
    return s;
  }

  /** Returns the empty map. */
  @SuppressWarnings("unchecked")
  public static <V> FrozenMap<V> of() {
    return (FrozenMap<V>) EMPTY;
  }

  /**
   * Returns a map of these keys and values, in this order; a repeated key keeps its last value at its first
   * position.
   *
   * @param keys the keys
   * @param values the values, one per key
   * @param <V> the value type
   * @return the map
   */
  public static <V> FrozenMap<V> of(List<String> keys, List<? extends V> values) {
    if (keys.size() != values.size()) {
      throw new IllegalArgumentException(keys.size() + " keys but " + values.size() + " values");
    }
    if (keys.isEmpty()) {
      return of();
    }
    String[] k = new String[keys.size()];
    Object[] v = new Object[keys.size()];
    int n = 0;
    if (keys.size() > SCAN_LIMIT && !hasRepeatedHash(keys)) {
      // Distinct hashes mean distinct keys: the common case of a JSON object, copied without a lookup per key.
      for (int i = 0; i < k.length; i++) {
        k[i] = java.util.Objects.requireNonNull(keys.get(i), "key");
        v[i] = values.get(i);
      }
      n = k.length;
    } else {
      // Small maps, or (rarely) repeated hashes: a repeated key keeps its last value at its first position.
      for (int i = 0; i < k.length; i++) {
        String key = java.util.Objects.requireNonNull(keys.get(i), "key");
        int at = -1;
        for (int j = 0; j < n; j++) {
          if (k[j].equals(key)) {
            at = j;
            break;
          }
        }
        if (at >= 0) {
          v[at] = values.get(i);
        } else {
          k[n] = key;
          v[n] = values.get(i);
          n++;
        }
      }
    }
    if (n < k.length) {
      k = Arrays.copyOf(k, n);
      v = Arrays.copyOf(v, n);
    }
    return new FrozenMap<>(k, v);
  }

  /**
   * Returns an immutable copy of a map, in its iteration order (the map itself when it already is one).
   *
   * @param source the map
   * @param <V> the value type
   * @return the copy
   */
  @SuppressWarnings("unchecked")
  public static <V> FrozenMap<V> copyOf(Map<String, ? extends V> source) {
    if (source instanceof FrozenMap<?> frozen) {
      return (FrozenMap<V>) frozen;
    }
    if (source.isEmpty()) {
      return of();
    }
    String[] k = new String[source.size()];
    Object[] v = new Object[source.size()];
    int i = 0;
    for (Map.Entry<String, ? extends V> e : source.entrySet()) {
      k[i] = java.util.Objects.requireNonNull(e.getKey(), "key");
      v[i] = e.getValue();
      i++;
    }
    return new FrozenMap<>(k, v);
  }

  private static boolean hasRepeatedHash(List<String> keys) {
    int[] hashes = new int[keys.size()];
    for (int i = 0; i < hashes.length; i++) {
      String key = keys.get(i);
      hashes[i] = key == null ? 0 : key.hashCode();
    }
    Arrays.sort(hashes);
    for (int i = 1; i < hashes.length; i++) {
      if (hashes[i] == hashes[i - 1]) {
        return true;
      }
    }
    return false;
  }

  private int indexOf(Object key) {
    if (!(key instanceof String s)) {
      return -1;
    }
    if (keys.length <= SCAN_LIMIT) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i].equals(s)) {
          return i;
        }
      }
      return -1;
    }
    int[] sorted = sorted();
    int lo = 0;
    int hi = sorted.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int cmp = keys[sorted[mid]].compareTo(s);
      if (cmp < 0) {
        lo = mid + 1;
      } else if (cmp > 0) {
        hi = mid - 1;
      } else {
        return sorted[mid];
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : (V) values[i];
  }

  @Override
  public Set<Map.Entry<String, V>> entrySet() {
    Set<Map.Entry<String, V>> es = entrySet;
    if (es == null) {
      es = new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<String, V>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < keys.length;
            }

            @Override
            @SuppressWarnings("unchecked")
            public Map.Entry<String, V> next() {
              if (next >= keys.length) {
                throw new NoSuchElementException();
              }
              int i = next++;
              return new AbstractMap.SimpleImmutableEntry<>(keys[i], (V) values[i]);
            }
          };
        }

        @Override
        public int size() {
          return keys.length;
        }
      };
      entrySet = es;
    }
    return es;
  }

  @Override
  public V put(String key, V value) {
    throw new UnsupportedOperationException("immutable map");
  }

  @Override
  public V remove(Object key) {
    throw new UnsupportedOperationException("immutable map");
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException("immutable map");
  }
}
