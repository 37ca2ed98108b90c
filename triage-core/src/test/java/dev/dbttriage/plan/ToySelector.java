package dev.dbttriage.plan;

import dev.dbttriage.TriageException;
import dev.dbttriage.artifact.Manifest;
import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A test double for the selector engine: bare names with {@code +} operators, {@code unit_test:} and
 * {@code source:}, eager test attachment on both sides, the command's resource types. Enough to exercise
 * the planner's logic; the real engine verifies plans in the integration tests.
 */
final class ToySelector implements SelectionEvaluator {
  private final Map<String, Node> nodes = new HashMap<>();
  private final Map<String, Set<String>> children = new HashMap<>();

  ToySelector(Manifest manifest) {
    manifest.allNodes().forEach(n -> nodes.put(n.uniqueId(), n));
    for (Node n : nodes.values()) {
      for (String p : n.dependsOnNodes()) {
        children.computeIfAbsent(p, k -> new HashSet<>()).add(n.uniqueId());
      }
    }
  }

  @Override
  public Set<String> evaluate(String command, List<String> select, List<String> exclude) {
    Set<String> in = expand(select);
    in.removeAll(expand(exclude));
    Set<ResourceType> types = PlanLineage.runnableTypes(command);
    in.removeIf(id -> !types.contains(nodes.get(id).resourceType()));
    return in;
  }

  private Set<String> expand(List<String> tokens) {
    Set<String> out = new HashSet<>();
    for (String t : tokens) {
      boolean up = t.startsWith("+");
      boolean down = t.endsWith("+");
      String name = t.substring(up ? 1 : 0, down ? t.length() - 1 : t.length());
      Set<String> matched = new HashSet<>();
      for (Node n : nodes.values()) {
        String own = n.resourceType() == ResourceType.UNIT_TEST ? "unit_test:" + n.name()
            : n.resourceType() == ResourceType.SOURCE ? "source:" + n.sourceName().orElse("") + "." + n.name()
            : n.name();
        if (own.equals(name)) {
          matched.add(n.uniqueId());
        }
      }
      if (matched.isEmpty() && name.contains(":") && !name.startsWith("unit_test:") && !name.startsWith("source:")) {
        throw new TriageException("'" + name.substring(0, name.indexOf(':')) + "' is not a valid method name");
      }
      Set<String> sel = new HashSet<>(matched);
      if (down) {
        sel.addAll(walk(matched, true));
      }
      if (up) {
        sel.addAll(walk(matched, false));
      }
      Set<String> tests = new HashSet<>();
      for (String id : sel) {
        for (String c : children.getOrDefault(id, Set.of())) {
          ResourceType ct = nodes.get(c).resourceType();
          if (ct == ResourceType.TEST || ct == ResourceType.UNIT_TEST) {
            tests.add(c);
          }
        }
      }
      out.addAll(sel);
      out.addAll(tests);
    }
    return out;
  }

  private Set<String> walk(Set<String> from, boolean down) {
    Set<String> seen = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(from);
    while (!queue.isEmpty()) {
      String cur = queue.poll();
      Iterable<String> next = down ? children.getOrDefault(cur, Set.of()) : nodes.get(cur).dependsOnNodes();
      for (String n : next) {
        if (nodes.containsKey(n) && seen.add(n)) {
          queue.add(n);
        }
      }
    }
    return seen;
  }
}
