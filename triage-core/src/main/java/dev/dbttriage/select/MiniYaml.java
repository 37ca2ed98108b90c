package dev.dbttriage.select;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader for the YAML subset selector files use: block mappings and sequences by indentation, plain,
 * single- and double-quoted scalars, flow sequences {@code [a, b]} and flow mappings {@code {a: b}}, comments and
 * {@code ---}. Scalars resolve as PyYAML does for booleans ({@code true/false/yes/no/on/off}), integers, floats and
 * nulls. Anchors, tags and block scalars ({@code |}, {@code >}) are rejected. A text starting with {@code {} is
 * read as JSON. Stateless and thread-safe.
 */
final class MiniYaml {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<int[]> lines = new ArrayList<>(); // [indent, lineNumber]
  private final List<String> texts = new ArrayList<>();
  private final String name;
  private int pos;

  private MiniYaml(String name) {
    this.name = name;
  }

  static Object parse(String text, String name) {
    String trimmed = text.strip();
    if (trimmed.startsWith("{")) {
      try {
        return JSON.readValue(trimmed, Object.class);
      } catch (IOException e) {
        throw new SelectorSyntaxException(name + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), name, -1);
      }
    }
    MiniYaml y = new MiniYaml(name);
    String[] raw = text.split("\r?\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String line = stripComment(raw[i]);
      if (line.isBlank() || line.strip().equals("---") || line.strip().equals("...")) {
        continue;
      }
      if (line.indexOf('\t') >= 0 && line.substring(0, indentOf(line)).indexOf('\t') >= 0) {
        throw y.error(i + 1, "tabs are not allowed for indentation");
      }
      y.lines.add(new int[] {indentOf(line), i + 1});
      y.texts.add(line.strip());
    }
    if (y.lines.isEmpty()) {
      return new LinkedHashMap<String, Object>();
    }
    Object value = y.block(y.lines.get(0)[0]);
    if (y.pos < y.lines.size()) {
      throw y.error(y.lines.get(y.pos)[1], "unexpected indentation");
    }
    return value;
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static String stripComment(String line) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '"' && !single && (i == 0 || line.charAt(i - 1) != '\\')) {
        dbl = !dbl;
      } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private SelectorSyntaxException error(int line, String what) {
    return new SelectorSyntaxException(name + ": line " + line + ": " + what, name, -1);
  }

  private Object block(int indent) {
    String t = texts.get(pos);
    if (t.equals("-") || t.startsWith("- ")) {
      return sequence(indent);
    }
    return mapping(indent);
  }

  private List<Object> sequence(int indent) {
    List<Object> out = new ArrayList<>();
    while (pos < lines.size() && lines.get(pos)[0] == indent) {
      String t = texts.get(pos);
      if (!(t.equals("-") || t.startsWith("- "))) {
        break;
      }
      int lineNo = lines.get(pos)[1];
      String rest = t.equals("-") ? "" : t.substring(2).strip();
      if (rest.isEmpty()) {
        pos++;
        if (pos < lines.size() && lines.get(pos)[0] > indent) {
          out.add(block(lines.get(pos)[0]));
        } else {
          out.add(null);
        }
      } else if (isMappingStart(rest)) {
        // the item is a mapping whose first key sits after the dash
        int itemIndent = indent + (t.length() - rest.length());
        lines.set(pos, new int[] {itemIndent, lineNo});
        texts.set(pos, rest);
        out.add(mapping(itemIndent));
      } else if (rest.startsWith("- ")) {
        int itemIndent = indent + 2;
        lines.set(pos, new int[] {itemIndent, lineNo});
        texts.set(pos, rest);
        out.add(sequence(itemIndent));
      } else {
        pos++;
        out.add(scalarOrFlow(rest, lineNo));
      }
    }
    return out;
  }

  private static boolean isMappingStart(String t) {
    if (t.startsWith("[") || t.startsWith("{")) {
      return false;
    }
    return keyEnd(t) >= 0;
  }

  /** Returns the index of the ':' ending a key, or -1. */
  private static int keyEnd(String t) {
    if (t.startsWith("\"") || t.startsWith("'")) {
      char q = t.charAt(0);
      int close = t.indexOf(q, 1);
      while (close > 0 && q == '"' && t.charAt(close - 1) == '\\') {
        close = t.indexOf(q, close + 1);
      }
      if (close < 0) {
        return -1;
      }
      int colon = close + 1;
      return colon < t.length() && t.charAt(colon) == ':' && (colon + 1 == t.length() || t.charAt(colon + 1) == ' ')
          ? colon : -1;
    }
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) == ':' && (i + 1 == t.length() || t.charAt(i + 1) == ' ')) {
        return i;
      }
    }
    return -1;
  }

  private Map<String, Object> mapping(int indent) {
    Map<String, Object> out = new LinkedHashMap<>();
    while (pos < lines.size() && lines.get(pos)[0] == indent) {
      String t = texts.get(pos);
      int lineNo = lines.get(pos)[1];
      int colon = keyEnd(t);
      if (colon < 0 || t.startsWith("- ") || t.equals("-")) {
        if (t.startsWith("- ") || t.equals("-")) {
          break;
        }
        throw error(lineNo, "expected 'key: value' but found '" + t + "'");
      }
      String key = String.valueOf(scalar(t.substring(0, colon).strip(), lineNo));
      String rest = t.substring(colon + 1).strip();
      pos++;
      Object value;
      if (rest.isEmpty()) {
        if (pos < lines.size() && lines.get(pos)[0] > indent) {
          value = block(lines.get(pos)[0]);
        } else if (pos < lines.size() && lines.get(pos)[0] == indent
            && (texts.get(pos).startsWith("- ") || texts.get(pos).equals("-"))) {
          value = sequence(indent);
        } else {
          value = null;
        }
      } else {
        value = scalarOrFlow(rest, lineNo);
      }
      out.put(key, value);
    }
    return out;
  }

  private Object scalarOrFlow(String text, int lineNo) {
    if (text.startsWith("[") || text.startsWith("{")) {
      int[] at = {0};
      Object v = flow(text, at, lineNo);
      skipSpaces(text, at);
      if (at[0] != text.length()) {
        throw error(lineNo, "unexpected text after flow collection: '" + text.substring(at[0]) + "'");
      }
      return v;
    }
    if (text.startsWith("|") || text.startsWith(">") || text.startsWith("&") || text.startsWith("*")
        || text.startsWith("!")) {
      throw error(lineNo, "block scalars, anchors, aliases and tags are not supported: '" + text + "'");
    }
    return scalar(text, lineNo);
  }

  private static void skipSpaces(String s, int[] at) {
    while (at[0] < s.length() && s.charAt(at[0]) == ' ') {
      at[0]++;
    }
  }

  private Object flow(String s, int[] at, int lineNo) {
    skipSpaces(s, at);
    if (at[0] >= s.length()) {
      throw error(lineNo, "unterminated flow collection");
    }
    char c = s.charAt(at[0]);
    if (c == '[') {
      at[0]++;
      List<Object> list = new ArrayList<>();
      skipSpaces(s, at);
      if (at[0] < s.length() && s.charAt(at[0]) == ']') {
        at[0]++;
        return list;
      }
      while (true) {
        list.add(flow(s, at, lineNo));
        skipSpaces(s, at);
        if (at[0] >= s.length()) {
          throw error(lineNo, "unterminated flow sequence");
        }
        char d = s.charAt(at[0]++);
        if (d == ']') {
          return list;
        }
        if (d != ',') {
          throw error(lineNo, "expected ',' or ']' in flow sequence");
        }
        skipSpaces(s, at);
        if (at[0] < s.length() && s.charAt(at[0]) == ']') {
          at[0]++;
          return list;
        }
      }
    }
    if (c == '{') {
      at[0]++;
      Map<String, Object> map = new LinkedHashMap<>();
      skipSpaces(s, at);
      if (at[0] < s.length() && s.charAt(at[0]) == '}') {
        at[0]++;
        return map;
      }
      while (true) {
        skipSpaces(s, at);
        int start = at[0];
        String key;
        if (s.charAt(start) == '"' || s.charAt(start) == '\'') {
          int end = quotedEnd(s, start);
          key = String.valueOf(scalar(s.substring(start, end), lineNo));
          at[0] = end;
          skipSpaces(s, at);
          if (at[0] >= s.length() || s.charAt(at[0]) != ':') {
            throw error(lineNo, "expected ':' in flow mapping");
          }
        } else {
          while (at[0] < s.length() && s.charAt(at[0]) != ':') {
            at[0]++;
          }
          if (at[0] >= s.length()) {
            throw error(lineNo, "expected ':' in flow mapping");
          }
          key = s.substring(start, at[0]).strip();
        }
        at[0]++;
        map.put(key, flow(s, at, lineNo));
        skipSpaces(s, at);
        if (at[0] >= s.length()) {
          throw error(lineNo, "unterminated flow mapping");
        }
        char d = s.charAt(at[0]++);
        if (d == '}') {
          return map;
        }
        if (d != ',') {
          throw error(lineNo, "expected ',' or '}' in flow mapping");
        }
      }
    }
    int start = at[0];
    if (c == '"' || c == '\'') {
      int end = quotedEnd(s, start);
      at[0] = end;
      return scalar(s.substring(start, end), lineNo);
    }
    while (at[0] < s.length() && ",]}".indexOf(s.charAt(at[0])) < 0) {
      at[0]++;
    }
    return scalar(s.substring(start, at[0]).strip(), lineNo);
  }

  private int quotedEnd(String s, int start) {
    char q = s.charAt(start);
    int i = start + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (q == '"' && c == '\\') {
        i += 2;
        continue;
      }
      if (c == q) {
        if (q == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return s.length();
  }

  private Object scalar(String t, int lineNo) {
    if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
      return t.substring(1, t.length() - 1).replace("''", "'");
    }
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      StringBuilder sb = new StringBuilder();
      for (int i = 1; i < t.length() - 1; i++) {
        char c = t.charAt(i);
        if (c == '\\' && i + 1 < t.length() - 1) {
          char e = t.charAt(++i);
          switch (e) {
            case 'n': sb.append('\n'); break;
            case 't': sb.append('\t'); break;
            case '"': sb.append('"'); break;
            case '\\': sb.append('\\'); break;
            case '/': sb.append('/'); break;
            default: sb.append('\\').append(e);
          }
        } else {
          sb.append(c);
        }
      }
      return sb.toString();
    }
    if (t.startsWith("'") || t.startsWith("\"")) {
      throw error(lineNo, "unterminated quoted string: " + t);
    }
    switch (t) {
      case "": case "~": case "null": case "Null": case "NULL":
        return null;
      case "true": case "True": case "TRUE": case "yes": case "Yes": case "YES": case "on": case "On": case "ON":
        return Boolean.TRUE;
      case "false": case "False": case "FALSE": case "no": case "No": case "NO": case "off": case "Off":
      case "OFF":
        return Boolean.FALSE;
      default:
        break;
    }
    if (t.matches("[-+]?(0|[1-9][0-9_]*)")) {
      try {
        return Long.parseLong(t.replace("_", "").replace("+", ""));
      } catch (NumberFormatException e) {
        return t;
      }
    }
    if (t.matches("[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+][0-9]+)?") && t.matches(".*[0-9].*")) {
      return Double.parseDouble(t.replace("_", ""));
    }
    return t;
  }
}
