package dev.dbttriage.internal.json;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * Shares equal values read from one file: a lossy cache for short repeated strings, an exact table for unique
 * ids (which repeat as map keys, in {@code depends_on} and as attached nodes), and tables of equal lists, maps
 * and {@code Optional}s. Kept apart from the parser as Jackson keeps its symbol tables apart from its parsers.
 * Not thread-safe; one instance per read.
 */
final class Interner {
  /** Strings longer than this are never cached: they are code bodies or descriptions, unique to a node. */
  static final int INTERN_MAX = 512;
  private static final int CACHE_BITS = 14;

  /**
   * A lossy, direct-mapped string cache: small enough to stay in the CPU cache, so that the many repeated
   * short values (materializations, package names, config values, test names) share one instance without the
   * cost of a growing hash table.
   */
  private final String[] strings = new String[1 << CACHE_BITS];
  /** The characters of {@link #strings}, compared with a vectorised {@code Arrays.equals}. */
  private final char[][] stringChars = new char[1 << CACHE_BITS][];
  private final HashMap<Object, Object> values = new HashMap<>(4096);
  private final HashMap<List<String>, List<String>> lists = new HashMap<>(4096);
  /** Open-addressing table of unique ids, looked up from the parser's buffer without allocating. */
  private String[] ids = new String[1 << 15];
  private char[][] idChars = new char[1 << 15][];
  private int idCount;
  private final HashMap<String, Optional<String>> optionals = new HashMap<>(1024);

  /** Returns the canonical instance of a short string, as far as the cache remembers it. */
  String intern(String s) {
    if (s == null || s.length() > INTERN_MAX) {
      return s;
    }
    if (s.isEmpty()) {
      return "";
    }
    int h = s.hashCode();
    int slot = (h ^ (h >>> CACHE_BITS)) & ((1 << CACHE_BITS) - 1);
    String prior = strings[slot];
    if (prior != null && prior.equals(s)) {
      return prior;
    }
    strings[slot] = s;
    stringChars[slot] = s.toCharArray();
    return s;
  }

  /** Returns the cached string of these characters, allocating only when the lossy cache misses. */
  String intern(char[] buf, int off, int len) {
    if (len == 0) {
      return "";
    }
    if (len > INTERN_MAX) {
      return new String(buf, off, len);
    }
    int h = hash(buf, off, len);
    int slot = (h ^ (h >>> CACHE_BITS)) & ((1 << CACHE_BITS) - 1);
    char[] prior = stringChars[slot];
    if (prior != null && Arrays.equals(prior, 0, prior.length, buf, off, off + len)) {
      return strings[slot];
    }
    String s = new String(buf, off, len);
    strings[slot] = s;
    stringChars[slot] = Arrays.copyOfRange(buf, off, off + len);
    return s;
  }

  /** Returns the canonical instance of a unique id. */
  String id(String s) {
    if (s == null) {
      return null;
    }
    int mask = ids.length - 1;
    int slot = spread(s.hashCode()) & mask;
    for (String e = ids[slot]; e != null; e = ids[slot]) {
      if (e.equals(s)) {
        return e;
      }
      slot = (slot + 1) & mask;
    }
    addId(slot, s, s.toCharArray());
    return s;
  }

  /** Returns the canonical id of these characters, allocating only for an id not seen before. */
  String id(char[] buf, int off, int len) {
    int mask = ids.length - 1;
    int slot = spread(hash(buf, off, len)) & mask;
    for (char[] e = idChars[slot]; e != null; e = idChars[slot]) {
      if (Arrays.equals(e, 0, e.length, buf, off, off + len)) {
        return ids[slot];
      }
      slot = (slot + 1) & mask;
    }
    String s = new String(buf, off, len);
    addId(slot, s, Arrays.copyOfRange(buf, off, off + len));
    return s;
  }

  private void addId(int slot, String s, char[] chars) {
    ids[slot] = s;
    idChars[slot] = chars;
    if (++idCount * 2 > ids.length) {
      String[] old = ids;
      char[][] oldChars = idChars;
      ids = new String[old.length * 2];
      idChars = new char[old.length * 2][];
      int mask = ids.length - 1;
      for (int j = 0; j < old.length; j++) {
        if (old[j] != null) {
          int i = spread(old[j].hashCode()) & mask;
          while (ids[i] != null) {
            i = (i + 1) & mask;
          }
          ids[i] = old[j];
          idChars[i] = oldChars[j];
        }
      }
    }
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /** The same hash as {@link String#hashCode()} of those characters. */
  private static int hash(char[] buf, int off, int len) {
    int h = 0;
    for (int i = off, end = off + len; i < end; i++) {
      h = 31 * h + buf[i];
    }
    return h;
  }

  /** Returns a shared {@code Optional} of a repeated string, empty for null. */
  Optional<String> optional(String s) {
    if (s == null) {
      return Optional.empty();
    }
    Optional<String> o = optionals.get(s);
    if (o == null) {
      o = Optional.of(s);
      if (optionals.size() < 100_000) {
        optionals.put(s, o);
      }
    }
    return o;
  }

  /** Returns an equal immutable list seen earlier, or this one (which must be immutable). */
  List<String> list(List<String> list) {
    List<String> prior = lists.putIfAbsent(list, list);
    return prior != null ? prior : list;
  }

  /** Returns an equal value seen earlier, or this one. */
  @SuppressWarnings("unchecked")
  <T> T canonical(T value) {
    Object prior = values.putIfAbsent(value, value);
    return prior != null ? (T) prior : value;
  }
}
