package dev.dbttriage.select;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.internal.lineage.LineageIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-engine lookup tables that turn the common selector methods into hash lookups instead of scans over every
 * vertex: tags, packages, resource types, file names, paths, and config values per key path (built on first use
 * of that path). Thread-safe.
 */
final class Indexes {
  private final SelectorEngine e;
  private final Map<String, int[]> byTag;
  private final Map<String, int[]> byPackage;
  private final Map<String, int[]> byResourceType;
  private final Map<String, int[]> byFileName;
  private final Map<String, int[]> byFileStem;
  private final ConcurrentHashMap<List<String>, ConfigColumn> configColumns = new ConcurrentHashMap<>();
  private volatile PathIndex pathIndex;

  Indexes(SelectorEngine engine) {
    this.e = engine;
    LineageIndex g = engine.graph;
    Map<String, List<Integer>> tags = new HashMap<>();
    Map<String, List<Integer>> packages = new HashMap<>();
    Map<String, List<Integer>> types = new HashMap<>();
    Map<String, List<Integer>> names = new HashMap<>();
    Map<String, List<Integer>> stems = new HashMap<>();
    for (int i = 0; i < engine.size; i++) {
      Node n = g.node(i);
      byte col = g.collection(i);
      if (col != LineageIndex.SEMANTIC_MODELS) {
        List<String> t = n.tags();
        if (col == LineageIndex.UNIT_TESTS && !n.config().tags().isEmpty()) {
          t = n.config().tags();
        }
        for (String tag : t) {
          List<Integer> list = tags.computeIfAbsent(tag, k -> new ArrayList<>());
          if (list.isEmpty() || list.get(list.size() - 1) != i) {
            list.add(i);
          }
        }
      }
      packages.computeIfAbsent(n.packageName(), k -> new ArrayList<>()).add(i);
      types.computeIfAbsent(n.resourceTypeName(), k -> new ArrayList<>()).add(i);
      String name = Matchers.pathName(n.originalFilePath());
      names.computeIfAbsent(name, k -> new ArrayList<>()).add(i);
      stems.computeIfAbsent(Matchers.pathStem(name), k -> new ArrayList<>()).add(i);
    }
    byTag = freeze(tags);
    byPackage = freeze(packages);
    byResourceType = freeze(types);
    byFileName = freeze(names);
    byFileStem = freeze(stems);
  }

  private static Map<String, int[]> freeze(Map<String, List<Integer>> m) {
    Map<String, int[]> out = new HashMap<>(m.size() * 2);
    m.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return out;
  }

  /** Sets every vertex whose key fnmatches {@code pattern}. */
  private static void lookup(Map<String, int[]> index, String pattern, BitSet out) {
    if (!Fnmatch.hasWildcard(pattern)) {
      int[] hits = index.get(pattern);
      if (hits != null) {
        for (int i : hits) {
          out.set(i);
        }
      }
      return;
    }
    for (Map.Entry<String, int[]> entry : index.entrySet()) {
      if (Fnmatch.matches(entry.getKey(), pattern)) {
        for (int i : entry.getValue()) {
          out.set(i);
        }
      }
    }
  }

  void tag(String pattern, BitSet out) {
    lookup(byTag, pattern, out);
  }

  void packageName(String pattern, BitSet out) {
    lookup(byPackage, pattern, out);
  }

  void resourceType(String type, BitSet out) {
    int[] hits = byResourceType.get(type);
    if (hits != null) {
      for (int i : hits) {
        out.set(i);
      }
    }
  }

  void file(String pattern, BitSet out) {
    lookup(byFileName, pattern, out);
    lookup(byFileStem, pattern, out);
  }

  // ---- config --------------------------------------------------------------------------------------------

  void config(List<String> path, String selector, BitSet out) {
    ConfigColumn column = configColumns.computeIfAbsent(List.copyOf(path), p -> new ConfigColumn(e, p));
    column.match(selector, path.size() == 1 && path.get(0).equals("severity"), out);
  }

  /** The values of one config key path over the nodes and sources. */
  private static final class ConfigColumn {
    private final Map<String, int[]> byString;
    private final int[] trueOnes;
    private final int[] falseOnes;
    private final int[] listVertices;
    private final List<List<?>> lists;

    ConfigColumn(SelectorEngine e, List<String> path) {
      Map<String, List<Integer>> strings = new LinkedHashMap<>();
      List<Integer> t = new ArrayList<>();
      List<Integer> f = new ArrayList<>();
      List<Integer> lv = new ArrayList<>();
      List<List<?>> ls = new ArrayList<>();
      for (int i = 0; i < e.size; i++) {
        byte col = e.graph.collection(i);
        if (col != LineageIndex.NODES && col != LineageIndex.SOURCES) {
          continue;
        }
        Object value = e.graph.node(i).config().values();
        boolean found = true;
        for (String key : path) {
          if (!(value instanceof Map<?, ?> m) || !m.containsKey(key)) {
            found = false;
            break;
          }
          value = m.get(key);
        }
        if (!found) {
          continue;
        }
        if (value instanceof String s) {
          strings.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
        } else if (Boolean.TRUE.equals(value)) {
          t.add(i);
        } else if (Boolean.FALSE.equals(value)) {
          f.add(i);
        } else if (value instanceof List<?> list) {
          lv.add(i);
          ls.add(list);
        }
      }
      byString = freeze(strings);
      trueOnes = t.stream().mapToInt(Integer::intValue).toArray();
      falseOnes = f.stream().mapToInt(Integer::intValue).toArray();
      listVertices = lv.stream().mapToInt(Integer::intValue).toArray();
      lists = ls;
    }

    void match(String selector, boolean caseInsensitive, BitSet out) {
      if (caseInsensitive) {
        String upper = selector.toUpperCase(Locale.ROOT);
        byString.forEach((k, v) -> {
          if (k.toUpperCase(Locale.ROOT).equals(upper)) {
            Arrays.stream(v).forEach(out::set);
          }
        });
      } else {
        int[] hits = byString.get(selector);
        if (hits != null) {
          Arrays.stream(hits).forEach(out::set);
        }
      }
      String upper = selector.toUpperCase(Locale.ROOT);
      if (upper.equals("TRUE")) {
        Arrays.stream(trueOnes).forEach(out::set);
      } else if (upper.equals("FALSE")) {
        Arrays.stream(falseOnes).forEach(out::set);
      }
      for (int k = 0; k < listVertices.length; k++) {
        if (Matchers.listMatches(lists.get(k), selector, caseInsensitive)) {
          out.set(listVertices[k]);
        }
      }
    }
  }

  // ---- paths ---------------------------------------------------------------------------------------------

  void path(String pattern, BitSet out) {
    PathIndex p = pathIndex;
    if (p == null) {
      p = new PathIndex(e);
      pathIndex = p;
    }
    p.match(e.pathGlob().glob(pattern), out);
  }

  /** Every vertex's file, patch file and ancestor directories as ids into one path table. */
  private static final class PathIndex {
    private final Map<String, Integer> ids = new HashMap<>();
    private final int[][] vertexPaths;
    private final int[][] verticesByPath;

    PathIndex(SelectorEngine e) {
      String[] ofps = e.normalizedPaths();
      String[] patches = e.normalizedPatchPaths();
      vertexPaths = new int[e.size][];
      List<List<Integer>> reverse = new ArrayList<>();
      for (int i = 0; i < e.size; i++) {
        List<String> keys = new ArrayList<>();
        String ofp = ofps[i];
        keys.add(ofp);
        if (patches[i] != null) {
          keys.add(patches[i]);
        }
        if (!ofp.isEmpty() && !ofp.startsWith("/")) {
          for (int slash = ofp.lastIndexOf('/'); slash > 0; slash = ofp.lastIndexOf('/', slash - 1)) {
            keys.add(ofp.substring(0, slash));
          }
          keys.add("");
        }
        int[] vp = new int[keys.size()];
        for (int k = 0; k < vp.length; k++) {
          Integer id = ids.get(keys.get(k));
          if (id == null) {
            id = ids.size();
            ids.put(keys.get(k), id);
            reverse.add(new ArrayList<>());
          }
          vp[k] = id;
          List<Integer> r = reverse.get(id);
          if (r.isEmpty() || r.get(r.size() - 1) != i) {
            r.add(i);
          }
        }
        vertexPaths[i] = vp;
      }
      verticesByPath = new int[reverse.size()][];
      for (int k = 0; k < reverse.size(); k++) {
        verticesByPath[k] = reverse.get(k).stream().mapToInt(Integer::intValue).toArray();
      }
    }

    void match(java.util.Set<String> globbed, BitSet out) {
      for (String path : globbed) {
        Integer id = ids.get(path);
        if (id != null) {
          for (int i : verticesByPath[id]) {
            out.set(i);
          }
        }
      }
    }
  }
}
