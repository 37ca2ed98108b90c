package dev.dbttriage.select;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The value-matching rules of dbt's fqn, config and file methods. Stateless. */
final class Matchers {
  private Matchers() {}

  /** {@code ConfigSelectorMethod}: descend the rendered config and compare as dbt does. */
  static boolean configMatches(Map<String, Object> config, List<String> path, String selector) {
    Object value = config;
    for (String key : path) {
      if (!(value instanceof Map<?, ?> m) || !m.containsKey(key)) {
        return false;
      }
      value = m.get(key);
    }
    boolean severity = path.size() == 1 && path.get(0).equals("severity");
    String upper = selector.toUpperCase(Locale.ROOT);
    boolean wantTrue = upper.equals("TRUE");
    boolean wantFalse = upper.equals("FALSE");
    if (value instanceof List<?> list) {
      return listMatches(list, selector, severity);
    }
    return sameString(value, selector, severity) || (wantTrue && Boolean.TRUE.equals(value))
        || (wantFalse && Boolean.FALSE.equals(value));
  }

  /** The list rule: the selector is an element, or true/false and the list holds that boolean. */
  static boolean listMatches(List<?> list, String selector, boolean caseInsensitive) {
    String upper = selector.toUpperCase(Locale.ROOT);
    boolean wantTrue = upper.equals("TRUE");
    boolean wantFalse = upper.equals("FALSE");
    for (Object item : list) {
      if (sameString(item, selector, caseInsensitive)) {
        return true;
      }
      if (wantTrue && pyEqualsBool(item, true)) {
        return true;
      }
      if (wantFalse && pyEqualsBool(item, false)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameString(Object value, String selector, boolean caseInsensitive) {
    if (!(value instanceof String s)) {
      return false;
    }
    return caseInsensitive ? s.toUpperCase(Locale.ROOT).equals(selector.toUpperCase(Locale.ROOT)) : s.equals(selector);
  }

  /** Python {@code True in list}: True == 1 == 1.0. */
  private static boolean pyEqualsBool(Object item, boolean b) {
    if (item instanceof Boolean x) {
      return x == b;
    }
    if (item instanceof Number num) {
      return num.doubleValue() == (b ? 1.0 : 0.0);
    }
    return false;
  }

  /** {@code PurePosixPath(p).name}. */
  static String pathName(String path) {
    String p = PathGlob.normalize(path);
    int slash = p.lastIndexOf('/');
    return slash < 0 ? p : p.substring(slash + 1);
  }

  /** {@code PurePosixPath(p).stem} given the name. */
  static String pathStem(String name) {
    int dot = name.lastIndexOf('.');
    if (dot > 0 && dot < name.length() - 1) {
      return name.substring(0, dot);
    }
    return name;
  }
}
