package dev.dbttriage.rules.internal;

import dev.dbttriage.classify.MessageObjects;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pulls the objects a message names with named-group patterns. Stateless. */
final class Extract {
  private static final String[] GROUPS = {"rel", "col", "role", "priv", "code", "state", "ref"};
  private static final Pattern SNOWFLAKE_CODE = Pattern.compile("\\b(\\d{6}) \\(([0-9A-Z]{5})\\)");
  private static final Pattern SQLSTATE = Pattern.compile(
      "(?:'C': '|SQLSTATE[:= ]{1,3}\\[?|\\('|\\[)([0-9A-Z]{2}[0-9A-Z]{3})(?:'|\\]|\\b)");
  private static final Pattern ERROR_CLASS = Pattern.compile("\\[([A-Z][A-Z0-9_]{3,}(?:\\.[A-Z0-9_]+)?)\\]");

  private Extract() {}

  static MessageObjects objects(String text, List<Pattern> extractors) {
    MessageObjects o = MessageObjects.empty();
    for (Pattern p : extractors) {
      Matcher m = p.matcher(text);
      if (!m.find()) {
        continue;
      }
      for (String g : GROUPS) {
        String v = group(m, g);
        if (v == null) {
          continue;
        }
        v = unquote(v);
        switch (g) {
          case "rel" -> o = o.relation().isEmpty() ? o.withRelation(v) : o;
          case "col" -> o = o.column().isEmpty() ? o.withColumn(v) : o;
          case "role" -> o = o.role().isEmpty() ? o.withRole(v) : o;
          case "priv" -> o = o.privilege().isEmpty() ? o.withPrivilege(v) : o;
          case "code" -> o = o.errorCode().isEmpty() ? o.withErrorCode(v) : o;
          case "state" -> o = o.sqlState().isEmpty() ? o.withSqlState(v) : o;
          default -> o = o.reference().isEmpty() ? o.withReference(v) : o;
        }
      }
    }
    Matcher sf = SNOWFLAKE_CODE.matcher(text);
    if (sf.find()) {
      o = o.errorCode().isEmpty() ? o.withErrorCode(sf.group(1)) : o;
      o = o.sqlState().isEmpty() ? o.withSqlState(sf.group(2)) : o;
    }
    if (o.sqlState().isEmpty()) {
      Matcher s = SQLSTATE.matcher(text);
      while (s.find()) {
        String st = s.group(1);
        if (st.chars().anyMatch(Character::isDigit) && Character.isDigit(st.charAt(0))
            || st.startsWith("HY") || st.startsWith("IM")) {
          o = o.withSqlState(st);
          break;
        }
      }
    }
    if (o.errorCode().isEmpty()) {
      Matcher e = ERROR_CLASS.matcher(text);
      if (e.find() && !e.group(1).equals("WARNING") && !e.group(1).equals("ERROR")) {
        o = o.withErrorCode(e.group(1));
      }
    }
    return o;
  }

  /** The first {@code kind} group found (TABLE, SCHEMA, DATABASE, CATALOG...), or empty. */
  static String kind(String text, List<Pattern> extractors) {
    for (Pattern p : extractors) {
      Matcher m = p.matcher(text);
      if (m.find()) {
        String v = group(m, "kind");
        if (v != null) {
          return v.strip();
        }
      }
    }
    return "";
  }

  private static String group(Matcher m, String name) {
    try {
      return m.group(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String unquote(String v) {
    String s = v.strip();
    while (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\"")
        || s.startsWith("`") && s.endsWith("`"))) {
      s = s.substring(1, s.length() - 1);
    }
    return s;
  }
}
