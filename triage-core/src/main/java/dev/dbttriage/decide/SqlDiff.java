package dev.dbttriage.decide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells what kind of edit separates two versions of a model's SQL: none, comments and whitespace only, select
 * list items added or removed, or a change of logic. Line based: a reformatted query counts as a logic change,
 * which errs towards a refresh.
 */
final class SqlDiff {
  enum Kind { SAME, COSMETIC, COLUMNS_ADDED, COLUMNS_REMOVED, LOGIC }

  record Result(Kind kind, Set<String> columns, List<String> added, List<String> removed) {}

  private static final Pattern JINJA_COMMENT = Pattern.compile("\\{#.*?#}", Pattern.DOTALL);
  private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");
  private static final Pattern AS_ALIAS = Pattern.compile("^(.+?)\\s+as\\s+\"?([a-z_][a-z0-9_$]*)\"?$");
  private static final Pattern BARE = Pattern.compile("^(?:[a-z_][a-z0-9_$]*\\.)?\"?([a-z_][a-z0-9_$]*)\"?$");
  private static final Set<String> CLAUSE_STARTS = Set.of("from", "join", "left", "right", "inner", "full",
      "cross", "where", "on", "and", "or", "group", "order", "having", "union", "select", "with", "qualify",
      "limit", "case", "when", "then", "else", "end", "using", "window", "partition", "not", "in", "exists",
      "over", "lateral", "natural", "except", "intersect", "distinct", "as", "into", "values");

  private SqlDiff() {}

  static Result compare(String before, String after) {
    if (before.equals(after)) {
      return new Result(Kind.SAME, Set.of(), List.of(), List.of());
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    if (a.equals(b) || String.join(" ", a).replaceAll("\\s+", " ").equals(String.join(" ", b)
        .replaceAll("\\s+", " "))) {
      return new Result(Kind.COSMETIC, Set.of(), List.of(), List.of());
    }
    Result inline = insertionOrDeletion(flat(before), flat(after));
    if (inline != null) {
      return inline;
    }
    Map<String, Integer> counts = new HashMap<>();
    a.forEach(l -> counts.merge(l, 1, Integer::sum));
    List<String> added = new ArrayList<>();
    for (String l : b) {
      Integer n = counts.get(l);
      if (n != null && n > 0) {
        counts.put(l, n - 1);
      } else {
        added.add(l);
      }
    }
    List<String> removed = new ArrayList<>();
    counts.forEach((l, n) -> {
      for (int i = 0; i < n; i++) {
        removed.add(l);
      }
    });
    removed.sort(null);
    if (removed.isEmpty()) {
      Set<String> names = selectItems(added);
      if (names != null) {
        return new Result(Kind.COLUMNS_ADDED, names, added, removed);
      }
    }
    if (added.isEmpty()) {
      Set<String> names = selectItems(removed);
      if (names != null) {
        return new Result(Kind.COLUMNS_REMOVED, names, added, removed);
      }
    }
    return new Result(Kind.LOGIC, Set.of(), added, removed);
  }

  /**
   * A {@code select *} swapped for an explicit select list, or the reverse, and nothing else changed.
   *
   * @param starBefore true when the old SQL had the star and the new one the list
   * @param names the output names of the explicit list
   */
  record StarSwap(boolean starBefore, List<String> names) {}

  private static final Pattern SELECT_STAR = Pattern.compile("^select (distinct )?(\\w+\\.)?\\*$");

  /** Returns the star swap this diff is, if it is exactly one. */
  static java.util.Optional<StarSwap> starSwap(Result r) {
    if (r.kind() != Kind.LOGIC) {
      return java.util.Optional.empty();
    }
    java.util.Optional<List<String>> after = listReplacing(r.removed(), r.added());
    if (after.isPresent()) {
      return java.util.Optional.of(new StarSwap(true, after.get()));
    }
    return listReplacing(r.added(), r.removed()).map(names -> new StarSwap(false, names));
  }

  private static java.util.Optional<List<String>> listReplacing(List<String> star, List<String> list) {
    if (star.size() != 1 || !SELECT_STAR.matcher(star.get(0)).matches() || list.size() < 2) {
      return java.util.Optional.empty();
    }
    List<String> items = new ArrayList<>(list);
    String first = items.remove(0);
    if (!first.equals("select") && !first.equals("select distinct")) {
      return java.util.Optional.empty();
    }
    Set<String> names = selectItems(items);
    return names == null || names.size() != items.size()
        ? java.util.Optional.empty() : java.util.Optional.of(List.copyOf(names));
  }

  /**
   * Returns columns added or removed when one text is the other with select-list items inserted or deleted in
   * one place (such as {@code select {{ key(...) }} as id, * from t}), else null.
   */
  private static Result insertionOrDeletion(String a, String b) {
    List<String> ta = List.of(a.split(" "));
    List<String> tb = List.of(b.split(" "));
    int max = Math.min(ta.size(), tb.size());
    int prefix = 0;
    while (prefix < max && ta.get(prefix).equals(tb.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < max - prefix && ta.get(ta.size() - 1 - suffix).equals(tb.get(tb.size() - 1 - suffix))) {
      suffix++;
    }
    List<String> midA = ta.subList(prefix, ta.size() - suffix);
    List<String> midB = tb.subList(prefix, tb.size() - suffix);
    if (!midA.isEmpty() && !midB.isEmpty()) {
      return null;
    }
    String inserted = trimCommas(String.join(" ", midA.isEmpty() ? midB : midA));
    if (inserted.isEmpty() || !inSelectList(" " + String.join(" ", ta.subList(0, prefix)))) {
      return null;
    }
    List<String> items = splitTopLevel(inserted);
    Set<String> names = selectItems(items);
    if (names == null || names.size() != items.size()) {
      return null;
    }
    return midA.isEmpty()
        ? new Result(Kind.COLUMNS_ADDED, names, items, List.of())
        : new Result(Kind.COLUMNS_REMOVED, names, List.of(), items);
  }

  private static final List<String> CLAUSES = List.of(" select ", " from ", " where ", " group by ", " order by ",
      " partition by ", " on ", " having ", " qualify ", " join ", " using ", " in (", " over (", " values ");

  /** Returns true when the last clause keyword before the end of {@code text} is {@code select}. */
  private static boolean inSelectList(String text) {
    String t = text + " ";
    int best = -1;
    String which = "";
    for (String k : CLAUSES) {
      int i = t.lastIndexOf(k);
      if (i > best) {
        best = i;
        which = k;
      }
    }
    return which.equals(" select ");
  }

  private static String trimCommas(String s) {
    String t = s.trim();
    while (t.startsWith(",")) {
      t = t.substring(1).trim();
    }
    while (t.endsWith(",")) {
      t = t.substring(0, t.length() - 1).trim();
    }
    return t;
  }

  private static List<String> splitTopLevel(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(s.substring(start, i).trim());
        start = i + 1;
      }
    }
    out.add(s.substring(start).trim());
    return out;
  }

  /** Returns the SQL on one line: comments stripped, lower case, single spaces, commas as their own tokens. */
  private static String flat(String sql) {
    String s = JINJA_COMMENT.matcher(sql).replaceAll(" ");
    s = BLOCK_COMMENT.matcher(s).replaceAll(" ");
    s = LINE_COMMENT.matcher(s).replaceAll("");
    return s.toLowerCase(Locale.ROOT).replace(",", " , ").replaceAll("\\s+", " ").trim();
  }

  /** Returns the output names if every line is a select-list item, else null. */
  private static Set<String> selectItems(List<String> lines) {
    Set<String> names = new LinkedHashSet<>();
    for (String l : lines) {
      String first = l.split("[\\s(]", 2)[0];
      if (CLAUSE_STARTS.contains(first) || l.startsWith("{%") || l.startsWith("{{") && !l.contains("as ")
          || l.startsWith(")") || l.startsWith("(") || l.equals("*")) {
        return null;
      }
      Matcher m = AS_ALIAS.matcher(l);
      if (m.matches() && !m.group(1).endsWith("cast(") && balanced(m.group(1))) {
        names.add(m.group(2));
        continue;
      }
      Matcher bare = BARE.matcher(l);
      if (bare.matches()) {
        names.add(bare.group(1));
        continue;
      }
      return null;
    }
    return names.isEmpty() ? null : names;
  }

  private static boolean balanced(String s) {
    int depth = 0;
    for (char c : s.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  /** Returns the normalised non-empty lines: comments stripped, lower case, spaces collapsed, commas trimmed. */
  static List<String> lines(String sql) {
    String s = JINJA_COMMENT.matcher(sql).replaceAll(" ");
    s = BLOCK_COMMENT.matcher(s).replaceAll(" ");
    s = LINE_COMMENT.matcher(s).replaceAll("");
    List<String> out = new ArrayList<>();
    for (String raw : s.split("\\R")) {
      String l = raw.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      while (l.startsWith(",")) {
        l = l.substring(1).trim();
      }
      while (l.endsWith(",")) {
        l = l.substring(0, l.length() - 1).trim();
      }
      if (!l.isEmpty()) {
        out.add(l);
      }
    }
    return out;
  }

  /** Returns true when the SQL selects every column of something ({@code select *}, {@code star(...)}). */
  static boolean selectsStar(String sql) {
    String s = sql.toLowerCase(Locale.ROOT);
    return s.matches("(?s).*select\\s+(distinct\\s+)?(\\w+\\.)?\\*.*") || s.contains("star(")
        || s.matches("(?s).*,\\s*(\\w+\\.)?\\*[\\s,].*");
  }

  /** Returns true when the SQL names the column as a word. */
  static boolean mentions(String sql, String column) {
    return Pattern.compile("(?i)(?<![A-Za-z0-9_])" + Pattern.quote(column) + "(?![A-Za-z0-9_])").matcher(sql)
        .find();
  }
}
