package dev.dbttriage.select;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Python value semantics the selector methods rely on ({@code ==} across numbers and bools, float parsing). */
final class Py {
  private Py() {}

  /** Python {@code a == b} for JSON-like values (1 == 1.0 == True; dicts and lists compare deeply). */
  static boolean eq(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if ((a instanceof Number || a instanceof Boolean) && (b instanceof Number || b instanceof Boolean)) {
      return num(a) == num(b);
    }
    if (a instanceof String || b instanceof String) {
      return a.equals(b);
    }
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      if (ma.size() != mb.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : ma.entrySet()) {
        if (!mb.containsKey(e.getKey()) || !eq(e.getValue(), mb.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      if (la.size() != lb.size()) {
        return false;
      }
      Iterator<?> ia = la.iterator();
      Iterator<?> ib = lb.iterator();
      while (ia.hasNext()) {
        if (!eq(ia.next(), ib.next())) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** Equality of dataclass-like values read from JSON: an explicit null and an absent key are the same. */
  static boolean eqLoose(Object a, Object b) {
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      for (Map.Entry<?, ?> e : ma.entrySet()) {
        if (!eqLoose(e.getValue(), mb.get(e.getKey()))) {
          return false;
        }
      }
      for (Map.Entry<?, ?> e : mb.entrySet()) {
        if (!ma.containsKey(e.getKey()) && e.getValue() != null) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      if (la.size() != lb.size()) {
        return false;
      }
      for (int i = 0; i < la.size(); i++) {
        if (!eqLoose(la.get(i), lb.get(i))) {
          return false;
        }
      }
      return true;
    }
    return eq(a, b);
  }

  private static double num(Object o) {
    if (o instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return ((Number) o).doubleValue();
  }

  /** Python {@code float(s)}, or empty when it raises. */
  static Optional<Double> parseFloat(String s) {
    String t = s.strip().replace("_", "");
    if (t.isEmpty() || !t.matches("[-+]?((\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|(?i:inf|infinity|nan))")) {
      return Optional.empty();
    }
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith("inf") || lower.endsWith("infinity")) {
      return Optional.of(lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    if (lower.endsWith("nan")) {
      return Optional.of(Double.NaN);
    }
    return Optional.of(Double.parseDouble(t));
  }

  /** dbt's {@code UnparsedVersion} comparison: as floats when both parse, else as strings. */
  static int compareVersions(String a, String b) {
    Optional<Double> fa = parseFloat(a);
    Optional<Double> fb = parseFloat(b);
    if (fa.isPresent() && fb.isPresent()) {
      double x = fa.get();
      double y = fb.get();
      return x < y ? -1 : x > y ? 1 : 0;
    }
    return Integer.signum(a.compareTo(b));
  }

  /** Python {@code repr()} of a JSON-like value, as dbt's messages print definitions. */
  static String repr(Object v) {
    StringBuilder sb = new StringBuilder();
    repr(v, sb);
    return sb.toString();
  }

  private static void repr(Object v, StringBuilder sb) {
    if (v == null) {
      sb.append("None");
    } else if (v instanceof Boolean b) {
      sb.append(b ? "True" : "False");
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      sb.append(d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e16 ? String.format(java.util.Locale.ROOT,
          "%.1f", d) : Double.toString(d));
    } else if (v instanceof Number) {
      sb.append(v);
    } else if (!container(v, sb, Py::repr, Py::repr)) {
      String s = String.valueOf(v);
      char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
      sb.append(q);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == q || c == '\\') {
          sb.append('\\').append(c);
        } else if (c == '\n') {
          sb.append("\\n");
        } else if (c == '\r') {
          sb.append("\\r");
        } else if (c == '\t') {
          sb.append("\\t");
        } else if (c < 0x20 || c == 0x7f) {
          sb.append(String.format("\\x%02x", (int) c));
        } else {
          sb.append(c);
        }
      }
      sb.append(q);
    }
  }

  /**
   * Writes a map as {@code {k: v, ...}} or a list as {@code [a, b]}, the layout both Python's {@code repr} and
   * {@code json.dumps} use; the caller writes keys and elements its own way.
   *
   * @return false, writing nothing, when {@code v} is neither a map nor a list
   */
  static boolean container(Object v, StringBuilder sb, BiConsumer<Object, StringBuilder> key,
      BiConsumer<Object, StringBuilder> element) {
    if (v instanceof Map<?, ?> m) {
      sb.append('{');
      String sep = "";
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(sep);
        sep = ", ";
        key.accept(e.getKey(), sb);
        sb.append(": ");
        element.accept(e.getValue(), sb);
      }
      sb.append('}');
      return true;
    }
    if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        sb.append(i > 0 ? ", " : "");
        element.accept(l.get(i), sb);
      }
      sb.append(']');
      return true;
    }
    return false;
  }

  /** Parses an ISO timestamp; a timestamp without offset is taken as UTC. */
  static Optional<OffsetDateTime> timestamp(String s) {
    String t = s.strip().replace(' ', 'T');
    try {
      return Optional.of(OffsetDateTime.parse(t));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(t).atOffset(ZoneOffset.UTC));
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }
}
