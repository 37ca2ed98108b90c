package dev.dbttriage.select;

import dev.dbttriage.select.Spec.Criterion;
import dev.dbttriage.select.Spec.Group;
import dev.dbttriage.select.Spec.Method;
import dev.dbttriage.select.Spec.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses CLI strings and YAML definitions into {@link Spec}s, following dbt's grammar. Stateless. */
final class SpecParser {
  static final List<String> DEFAULT_INCLUDES = List.of("fqn:*", "source:*", "exposure:*", "metric:*",
      "semantic_model:*");

  private SpecParser() {}

  /** Parses one criterion, as {@code SelectionCriteria.from_single_spec}. */
  static Criterion criterion(String raw, IndirectSelection mode) {
    int i = 0;
    int n = raw.length();
    if (raw.indexOf('\n') >= 0 || raw.indexOf('\r') >= 0) {
      throw new SelectorSyntaxException("Invalid selector spec \"" + raw + "\"", raw, raw.indexOf('\n'));
    }
    boolean cp = false;
    if (i < n && raw.charAt(i) == '@') {
      cp = true;
      i++;
    }
    boolean parents = false;
    String parentsDepth = "";
    int j = i;
    while (j < n && Character.isDigit(raw.charAt(j))) {
      j++;
    }
    if (j < n && raw.charAt(j) == '+') {
      parents = true;
      parentsDepth = raw.substring(i, j);
      i = j + 1;
    }
    // optional method: [\w.]+ followed by ':'
    String method = null;
    int k = i;
    while (k < n && (Character.isLetterOrDigit(raw.charAt(k)) || raw.charAt(k) == '_' || raw.charAt(k) == '.')) {
      k++;
    }
    if (k > i && k < n && raw.charAt(k) == ':') {
      method = raw.substring(i, k);
      i = k + 1;
    }
    // children suffix: the last '+' followed only by digits
    String rest = raw.substring(i);
    boolean children = false;
    String childrenDepth = "";
    int plus = rest.lastIndexOf('+');
    if (plus >= 0) {
      boolean digits = true;
      for (int d = plus + 1; d < rest.length(); d++) {
        if (!Character.isDigit(rest.charAt(d))) {
          digits = false;
          break;
        }
      }
      if (digits) {
        children = true;
        childrenDepth = rest.substring(plus + 1);
        rest = rest.substring(0, plus);
      }
    }
    String value = rest;
    Method m;
    List<String> args = List.of();
    if (method == null) {
      m = defaultMethod(value);
    } else {
      String[] parts = method.split("\\.", -1);
      m = Method.of(parts[0]);
      if (m == null) {
        throw new SelectorSyntaxException("'" + parts[0] + "' is not a valid method name", raw,
            raw.indexOf(method));
      }
      args = List.of(parts).subList(1, parts.length);
    }
    if (children && cp) {
      throw new SelectorSyntaxException("Invalid node spec " + raw + " - \"@\" prefix and \"+\" suffix are "
          + "incompatible", raw, 0);
    }
    return new Criterion(raw, m, args, value, cp, parents, depth(parentsDepth, raw), children,
        depth(childrenDepth, raw), mode);
  }

  private static int depth(String digits, String raw) {
    if (digits.isEmpty()) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < digits.length(); i++) {
      v = v * 10 + Character.digit(digits.charAt(i), 10);
      if (v > Integer.MAX_VALUE) {
        return Integer.MAX_VALUE;
      }
    }
    return (int) v;
  }

  static Method defaultMethod(String value) {
    if (value.indexOf('/') >= 0) {
      return Method.PATH;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".sql") || lower.endsWith(".py") || lower.endsWith(".csv")) {
      return Method.FILE;
    }
    return Method.FQN;
  }

  /** Parses CLI values into the union of intersections dbt builds ({@code parse_union}). */
  static Group union(List<String> values, boolean expectExists, IndirectSelection mode) {
    List<Spec> members = new ArrayList<>();
    for (String value : values) {
      for (String token : value.split(" ", -1)) {
        List<Spec> parts = new ArrayList<>();
        for (String part : token.split(",", -1)) {
          parts.add(criterion(part, mode));
        }
        members.add(new Group(token, Op.INTERSECTION, parts, mode, expectExists));
      }
    }
    return new Group(String.join(" ", values), Op.UNION, members, mode, false);
  }

  /** Parses select and exclude values into dbt's top-level difference ({@code parse_difference}). */
  static Group difference(List<String> select, List<String> exclude, IndirectSelection mode) {
    Group include = select.isEmpty() ? union(DEFAULT_INCLUDES, false, mode) : union(select, true, mode);
    Group excl = exclude.isEmpty() ? union(List.of(), false, mode) : union(exclude, true, mode);
    return new Group("", Op.DIFFERENCE, List.of(include, excl), IndirectSelection.EAGER, false);
  }

  /** Parses a YAML selector definition ({@code parse_from_definition}). */
  static Spec definition(Object def, boolean rootLevel, IndirectSelection mode) {
    if (def instanceof Map<?, ?> map && (map.containsKey("union") || map.containsKey("intersection")) && rootLevel
        && map.size() > 1) {
      List<String> keys = new ArrayList<>();
      map.keySet().forEach(key -> keys.add(String.valueOf(key)));
      throw new SelectorSyntaxException("Only a single 'union' or 'intersection' key is allowed in a root level "
          + "selector definition; found " + String.join(",", keys) + ".", String.valueOf(def), -1);
    }
    if (def instanceof String s) {
      return criterion(s, mode);
    }
    if (def instanceof Map<?, ?> map) {
      if (map.containsKey("union")) {
        return setDefinition(map, "union", Op.UNION, mode);
      }
      if (map.containsKey("intersection")) {
        return setDefinition(map, "intersection", Op.INTERSECTION, mode);
      }
      return dictDefinition(map, mode);
    }
    throw new SelectorSyntaxException("Expected to find union, intersection, str or dict, instead found "
        + pyType(def) + ": " + Py.repr(def), Py.repr(def), -1);
  }

  private static String pyType(Object o) {
    if (o == null) {
      return "<class 'NoneType'>";
    }
    if (o instanceof List) {
      return "<class 'list'>";
    }
    if (o instanceof Boolean) {
      return "<class 'bool'>";
    }
    if (o instanceof Number n) {
      return n instanceof Double || n instanceof Float ? "<class 'float'>" : "<class 'int'>";
    }
    return "<class 'str'>";
  }

  private static List<Object> listOf(Map<?, ?> map, String key) {
    Object values = map.get(key);
    if (!(values instanceof List<?> list)) {
      throw new SelectorSyntaxException("Invalid value for key \"" + key + "\". Expected a list.", key, -1);
    }
    List<Object> out = new ArrayList<>();
    for (Object v : list) {
      if (!(v instanceof Map) && !(v instanceof String)) {
        throw new SelectorSyntaxException("Invalid value type " + pyType(v) + " in key \"" + key
            + "\", expected dict or str (value: " + v + ").", String.valueOf(v), -1);
      }
      out.add(v);
    }
    return out;
  }

  private static Spec exclusions(Map<?, ?> map, IndirectSelection mode) {
    List<Spec> parts = new ArrayList<>();
    for (Object e : listOf(map, "exclude")) {
      parts.add(definition(e, false, mode));
    }
    if (parts.isEmpty()) {
      return null;
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return new Group("", Op.UNION, parts, IndirectSelection.EAGER, false);
  }

  private static Spec setDefinition(Map<?, ?> map, String key, Op op, IndirectSelection mode) {
    List<Spec> include = new ArrayList<>();
    Spec exclude = null;
    boolean sawExclude = false;
    for (Object d : listOf(map, key)) {
      if (d instanceof Map<?, ?> m && m.containsKey("exclude")) {
        if (sawExclude) {
          throw new SelectorSyntaxException("You cannot provide multiple exclude arguments to the same selector "
              + "set operator: " + m, String.valueOf(m), -1);
        }
        sawExclude = true;
        exclude = exclusions(m, mode);
      } else {
        include.add(definition(d, false, mode));
      }
    }
    Group group = new Group(Py.repr(map), op, include, IndirectSelection.EAGER, false);
    if (exclude == null) {
      return group;
    }
    return new Group(Py.repr(map), Op.DIFFERENCE, List.of(group, exclude), IndirectSelection.EAGER, false);
  }

  private static Spec dictDefinition(Map<?, ?> map, IndirectSelection mode) {
    Object method;
    Object value;
    Spec exclude = null;
    if (map.size() == 1) {
      Map.Entry<?, ?> e = map.entrySet().iterator().next();
      method = e.getKey();
      value = e.getValue();
    } else if (map.containsKey("method") && map.containsKey("value")) {
      method = map.get("method");
      value = map.get("value");
      if (map.containsKey("exclude")) {
        exclude = exclusions(map, mode);
      }
    } else {
      List<String> keys = new ArrayList<>();
      map.keySet().forEach(k -> keys.add("'" + k + "'"));
      throw new SelectorSyntaxException("Expected either 1 key or else \"method\" and \"value\" keys, but got "
          + keys, Py.repr(map), -1);
    }
    String raw = Py.repr(map);
    String methodName = String.valueOf(method);
    String[] parts = methodName.split("\\.", -1);
    Method m = Method.of(parts[0]);
    if (m == null) {
      throw new SelectorSyntaxException("'" + parts[0] + "' is not a valid method name", raw, -1);
    }
    IndirectSelection own = mode;
    Object is = map.get("indirect_selection");
    if (is != null) {
      own = IndirectSelection.fromFlag(String.valueOf(is));
    }
    boolean cp = truthy(map.get("childrens_parents"));
    boolean children = truthy(map.get("children"));
    if (cp && children) {
      throw new SelectorSyntaxException("Invalid node spec " + raw + " - \"@\" prefix and \"+\" suffix are "
          + "incompatible", raw, -1);
    }
    Criterion c = new Criterion(raw, m, List.of(parts).subList(1, parts.length), scalarString(value), cp,
        truthy(map.get("parents")), yamlDepth(map.get("parents_depth")), children,
        yamlDepth(map.get("children_depth")), own);
    if (exclude == null) {
      return c;
    }
    return new Group(raw, Op.DIFFERENCE, List.of(c, exclude), IndirectSelection.EAGER, false);
  }

  private static String scalarString(Object value) {
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value == null) {
      return "None";
    }
    return String.valueOf(value);
  }

  private static boolean truthy(Object o) {
    if (o == null) {
      return false;
    }
    if (o instanceof Boolean b) {
      return b;
    }
    if (o instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (o instanceof String s) {
      return !s.isEmpty();
    }
    if (o instanceof List<?> l) {
      return !l.isEmpty();
    }
    if (o instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return true;
  }

  /** dbt's {@code _match_to_int}: a falsy value (0, "", null) means no limit. */
  private static int yamlDepth(Object o) {
    if (!truthy(o)) {
      return -1;
    }
    if (o instanceof Number n) {
      return n.intValue();
    }
    String s = String.valueOf(o).strip();
    try {
      return Integer.parseInt(s.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new SelectorSyntaxException("Invalid node spec - could not handle parent depth " + o, s, -1);
    }
  }
}
