package dev.dbttriage.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The value-matching rules of dbt's fqn, config and file methods. Stateless. */
final class Matchers {
  private Matchers() {}

  /** {@code QualifiedNameSelectorMethod.node_is_match}: full fqn, or fqn without its package. */
  static boolean fqnMatches(String selector, List<String> fqn, boolean versioned) {
    if (fqn.isEmpty()) {
      return false;
    }
    return selectedNode(fqn, selector, versioned)
        || (fqn.size() > 1 && selectedNode(fqn.subList(1, fqn.size()), selector, versioned));
  }

  private static boolean selectedNode(List<String> fqn, String selector, boolean versioned) {
    int n = fqn.size();
    if (versioned && n >= 2) {
      if (fqn.get(n - 2).equals(selector)) {
        return true;
      }
      String[] sel = selector.split("\\.", -1);
      String tail = sel.length >= 2 ? sel[sel.length - 2] + "_" + sel[sel.length - 1] : sel[sel.length - 1];
      if ((fqn.get(n - 2) + "_" + fqn.get(n - 1)).equals(tail)) {
        return true;
      }
    } else if (!versioned && fqn.get(n - 1).equals(selector)) {
      return true;
    }
    List<String> flat = new ArrayList<>();
    for (String segment : fqn) {
      for (String part : segment.split("\\.", -1)) {
        flat.add(part);
      }
    }
    String[] parts = selector.split("\\.", -1);
    if (flat.size() < parts.length) {
      return false;
    }
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.indexOf('*') >= 0 || p.indexOf('?') >= 0 || p.indexOf('[') >= 0 || p.indexOf(']') >= 0) {
        String rest = String.join(".", flat.subList(i, flat.size()));
        String pat = String.join(".", List.of(parts).subList(i, parts.length));
        return Fnmatch.matches(rest, pat);
      }
      if (!flat.get(i).equals(p)) {
        return false;
      }
    }
    return true;
  }

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
      for (Object item : list) {
        if (sameString(item, selector, severity)) {
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
    return sameString(value, selector, severity) || (wantTrue && Boolean.TRUE.equals(value))
        || (wantFalse && Boolean.FALSE.equals(value));
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
