package dev.dbttriage.select;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Python 3.11 {@code pathlib.Path.glob} over a virtual file tree (the root project's files and their parent
 * directories). Paths are relative, {@code /}-separated; the root is {@code ""}. Immutable and thread-safe.
 */
final class PathGlob {
  private final Set<String> files = new HashSet<>();
  private final Set<String> dirs = new HashSet<>();
  private final Map<String, Set<String>> children = new HashMap<>();

  PathGlob(Iterable<String> filePaths) {
    dirs.add("");
    for (String f : filePaths) {
      String p = normalize(f);
      if (p.isEmpty() || p.startsWith("/")) {
        continue;
      }
      files.add(p);
      String cur = p;
      int slash = cur.lastIndexOf('/');
      while (slash >= 0) {
        String parent = cur.substring(0, slash);
        children.computeIfAbsent(parent, k -> new TreeSet<>()).add(cur.substring(slash + 1));
        dirs.add(parent);
        cur = parent;
        slash = cur.lastIndexOf('/');
      }
      children.computeIfAbsent("", k -> new TreeSet<>()).add(cur);
    }
    // a path recorded both as a file and as a parent directory is a directory
    files.removeAll(dirs);
  }

  /** Normalises like {@code PurePosixPath}: collapses {@code //}, drops {@code .} parts and trailing slashes. */
  static String normalize(String path) {
    if (path.isEmpty()) {
      return "";
    }
    boolean absolute = path.startsWith("/");
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    String joined = String.join("/", parts);
    return absolute ? "/" + joined : joined;
  }

  /**
   * Globs a pattern.
   *
   * @param pattern the pattern
   * @return the matching paths ({@code ""} is the root itself)
   * @throws SelectorSyntaxException for patterns Python rejects (empty, absolute, {@code .}, bad {@code **})
   */
  Set<String> glob(String pattern) {
    if (pattern.isEmpty()) {
      throw new SelectorSyntaxException("Unacceptable pattern: ''", pattern, 0);
    }
    if (pattern.startsWith("/")) {
      throw new SelectorSyntaxException("Non-relative patterns are unsupported", pattern, 0);
    }
    List<String> parts = new ArrayList<>();
    for (String part : pattern.split("/")) {
      if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    if (pattern.endsWith("/")) {
      parts.add("");
    }
    if (parts.isEmpty()) {
      throw new SelectorSyntaxException("tuple index out of range (path pattern '" + pattern + "')", pattern, 0);
    }
    for (String part : parts) {
      if (!part.equals("**") && part.contains("**")) {
        throw new SelectorSyntaxException("Invalid pattern: '**' can only be an entire path component", pattern,
            pattern.indexOf("**"));
      }
    }
    // "**/**" selects what "**" selects (pathlib yields each path once): collapsing the runs keeps a hostile
    // "**/" x 160 from multiplying the walk by the tree's size at each step.
    List<String> collapsed = new ArrayList<>(parts.size());
    for (String part : parts) {
      if (!(part.equals("**") && !collapsed.isEmpty() && collapsed.get(collapsed.size() - 1).equals("**"))) {
        collapsed.add(part);
      }
    }
    Set<String> out = new LinkedHashSet<>();
    select("", collapsed, 0, out, new HashSet<>());
    return out;
  }

  private boolean isDir(String p) {
    return dirs.contains(p);
  }

  private boolean exists(String p) {
    return dirs.contains(p) || files.contains(p);
  }

  private static String child(String parent, String name) {
    return parent.isEmpty() ? name : parent + "/" + name;
  }

  /**
   * Adds the matches of {@code parts[i..]} under {@code path}. Each (path, i) is expanded once, so the work is
   * bounded by the number of directories times the number of pattern parts.
   */
  private void select(String path, List<String> parts, int i, Set<String> out, Set<String> seen) {
    if (!seen.add(i + "\u0000" + path)) {
      return;
    }
    if (i == parts.size()) {
      out.add(path);
      return;
    }
    String pat = parts.get(i);
    if (pat.isEmpty()) {
      // terminating selector after a trailing slash
      out.add(path);
      return;
    }
    boolean dirOnly = i + 1 < parts.size();
    if (pat.equals("**")) {
      List<String> all = new ArrayList<>();
      collectDirs(path, all);
      for (String d : all) {
        select(d, parts, i + 1, out, seen);
      }
      return;
    }
    if (!Fnmatch.hasWildcard(pat)) {
      // A literal part, ".." included: dbt globs Path(root).glob("../seeds/x.csv") on disk and compares the
      // result relative to the root ("../seeds/x.csv") with original_file_path, which integration-test projects
      // (seed-paths: ["../seeds"]) record with the "..". The tree holds those paths as recorded.
      String c = child(path, pat);
      if (dirOnly ? isDir(c) : exists(c)) {
        select(c, parts, i + 1, out, seen);
      }
      return;
    }
    Set<String> names = children.get(path);
    if (names == null) {
      return;
    }
    for (String name : names) {
      if (name.equals("..")) {
        continue; // a directory listing never holds "..": wildcards do not climb out
      }
      String c = child(path, name);
      if (dirOnly && !isDir(c)) {
        continue;
      }
      if (Fnmatch.matches(name, pat)) {
        select(c, parts, i + 1, out, seen);
      }
    }
  }

  private void collectDirs(String dir, List<String> out) {
    out.add(dir);
    Set<String> names = children.get(dir);
    if (names == null) {
      return;
    }
    for (String name : names) {
      String c = child(dir, name);
      if (!name.equals("..") && isDir(c)) {
        collectDirs(c, out);
      }
    }
  }
}
