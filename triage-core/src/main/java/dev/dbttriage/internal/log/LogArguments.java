package dev.dbttriage.internal.log;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of an invocation as a log prints them, turned into the {@code args} map a
 * {@code run_results.json} records: from a command line ({@code dbt build --select a b --target prod}, dbt
 * 1.5+'s {@code invocation_command} or an orchestrator's), from the Python dictionary dbt 1.0 to 1.4 print
 * ({@code {'which': 'run', 'select': ['a']}}) or from the {@code Namespace(...)} of dbt 0.x.
 *
 * <p>Only the keys a triage reads are kept: the command, the selection, the target, profile and vars, and the
 * flags that change what a re-run does.
 */
final class LogArguments {
  private static final Set<String> KEYS = Set.of("which", "select", "models", "exclude", "selector", "target",
      "profile", "vars", "full_refresh", "fail_fast", "state", "defer", "defer_state", "favor_state",
      "resource_types", "exclude_resource_types", "indirect_selection", "empty");

  private LogArguments() {}

  /** Reads a dbt command line; returns an empty map when it is not one. */
  static Map<String, Object> fromCommandLine(String commandLine) {
    List<String> words = dev.dbttriage.internal.text.Words.split(commandLine);
    int at = -1;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("dbt") || w.endsWith("/dbt") || w.endsWith("\\dbt") || w.endsWith("dbt.exe")) {
        at = i;
        break;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (at < 0) {
      return out;
    }
    int i = at + 1;
    List<String> sub = new ArrayList<>();
    while (i < words.size() && !words.get(i).startsWith("-") && sub.size() < 2) {
      sub.add(words.get(i));
      i++;
      if (!sub.get(0).equals("source")) {
        break;
      }
    }
    if (sub.isEmpty()) {
      return out;
    }
    out.put("which", sub.get(0).equals("source") && sub.size() > 1 && sub.get(1).equals("freshness")
        ? "freshness" : sub.get(0));
    String key = null;
    List<String> values = null;
    for (; i < words.size(); i++) {
      String w = words.get(i);
      if (w.startsWith("-") && w.length() > 1 && !w.equals("-")) {
        key = null;
        values = null;
        String flag = w;
        String inline = null;
        int eq = w.indexOf('=');
        if (w.startsWith("--") && eq > 0) {
          flag = w.substring(0, eq);
          inline = w.substring(eq + 1);
        }
        switch (flag) {
          case "--select", "-s", "--models", "-m", "--model" -> key = "select";
          case "--exclude" -> key = "exclude";
          case "--resource-type", "--resource-types" -> key = "resource_types";
          case "--exclude-resource-type", "--exclude-resource-types" -> key = "exclude_resource_types";
          case "--selector", "--target", "-t", "--profile", "--vars", "--state", "--defer-state",
              "--indirect-selection" -> key = flag.equals("-t") ? "target"
                  : flag.substring(2).replace('-', '_');
          case "--full-refresh", "-f" -> out.put("full_refresh", Boolean.TRUE);
          case "--fail-fast", "-x" -> out.put("fail_fast", Boolean.TRUE);
          case "--defer" -> out.put("defer", Boolean.TRUE);
          case "--favor-state" -> out.put("favor_state", Boolean.TRUE);
          case "--empty" -> out.put("empty", Boolean.TRUE);
          default -> { }
        }
        if (key != null && List.of("select", "exclude", "resource_types", "exclude_resource_types").contains(key)) {
          @SuppressWarnings("unchecked")
          List<String> list = (List<String>) out.computeIfAbsent(key, k -> new ArrayList<String>());
          values = list;
          if (inline != null) {
            values.add(inline);
          }
        } else if (key != null && inline != null) {
          out.put(key, inline);
          key = null;
        }
        continue;
      }
      if (values != null) {
        values.add(w);
      } else if (key != null) {
        out.put(key, w);
        key = null;
      }
    }
    return out;
  }

  /**
   * Reads the keys a triage needs from dbt's printed arguments: a Python dict ({@code {'which': 'run', ...}})
   * or a {@code Namespace(which='run', ...)}.
   */
  static Map<String, Object> fromPrinted(String text) {
    Map<String, Object> out = new LinkedHashMap<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      // find a key: 'key': or key=
      int keyStart;
      int keyEnd;
      int valueAt;
      char c = text.charAt(i);
      if (c == '\'' && i + 1 < n) {
        int close = text.indexOf('\'', i + 1);
        if (close < 0) {
          break;
        }
        if (close + 2 < n && text.charAt(close + 1) == ':' && text.charAt(close + 2) == ' ') {
          keyStart = i + 1;
          keyEnd = close;
          valueAt = close + 3;
        } else {
          i = close + 1;
          continue;
        }
      } else if (Character.isLetter(c) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1))
          && text.charAt(i - 1) != '_' && text.charAt(i - 1) != '\'')) {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
          j++;
        }
        if (j < n && text.charAt(j) == '=' && (j + 1 >= n || text.charAt(j + 1) != '=')) {
          keyStart = i;
          keyEnd = j;
          valueAt = j + 1;
        } else {
          i = j;
          continue;
        }
      } else {
        i++;
        continue;
      }
      String key = text.substring(keyStart, keyEnd);
      int[] end = new int[1];
      Object value = literal(text, valueAt, end);
      if (KEYS.contains(key) && value != null && !out.containsKey(key)) {
        out.put(key.equals("models") ? "select" : key, value);
      }
      i = Math.max(end[0], valueAt);
    }
    return out;
  }

  /** Parses a Python literal at {@code at}: a quoted string, a list or tuple of them, True, False or None. */
  private static Object literal(String text, int at, int[] end) {
    int n = text.length();
    if (at >= n) {
      end[0] = n;
      return null;
    }
    char c = text.charAt(at);
    if (c == '\'' || c == '"') {
      int close = at + 1;
      StringBuilder b = new StringBuilder();
      while (close < n && text.charAt(close) != c) {
        if (text.charAt(close) == '\\' && close + 1 < n) {
          close++;
        }
        b.append(text.charAt(close));
        close++;
      }
      end[0] = Math.min(n, close + 1);
      return b.toString();
    }
    if (c == '[' || c == '(') {
      char closeChar = c == '[' ? ']' : ')';
      List<Object> items = new ArrayList<>();
      int i = at + 1;
      while (i < n && text.charAt(i) != closeChar) {
        char d = text.charAt(i);
        if (d == '\'' || d == '"' || d == '[' || d == '(') {
          int[] e = new int[1];
          Object item = literal(text, i, e);
          if (item instanceof String s) {
            items.add(s);
          } else if (item instanceof List<?> l) {
            l.forEach(x -> items.add(String.valueOf(x)));
          }
          i = e[0];
        } else {
          i++;
        }
      }
      end[0] = Math.min(n, i + 1);
      return items;
    }
    int j = at;
    while (j < n && text.charAt(j) != ',' && text.charAt(j) != '}' && text.charAt(j) != ')') {
      j++;
    }
    end[0] = j;
    String word = text.substring(at, j).strip();
    return switch (word) {
      case "True" -> Boolean.TRUE;
      case "False" -> Boolean.FALSE;
      default -> null;
    };
  }
}
