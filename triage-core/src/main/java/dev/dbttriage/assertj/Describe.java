package dev.dbttriage.assertj;

import dev.dbttriage.artifact.Node;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Formatting shared by the assertions' failure messages. */
final class Describe {
  /** How many offending nodes a message lists before it summarises the rest. */
  static final int MAX_LISTED = 20;

  private Describe() {}

  /** Lists nodes by unique id, {@code [a, b]}, with the rest summarised past {@link #MAX_LISTED}. */
  static String ids(List<Node> nodes) {
    return list(nodes, Node::uniqueId);
  }

  /** Lists nodes as {@code [id (detail), ...]}. */
  static String idsWith(List<Node> nodes, Function<Node, String> detail) {
    return list(nodes, n -> n.uniqueId() + " (" + detail.apply(n) + ")");
  }

  private static String list(List<Node> nodes, Function<Node, String> label) {
    String shown = nodes.stream().limit(MAX_LISTED).map(label).collect(Collectors.joining(", "));
    if (nodes.size() > MAX_LISTED) {
      shown += ", ... (" + (nodes.size() - MAX_LISTED) + " more)";
    }
    return "[" + shown + "]";
  }

  /** Returns {@code singular} when {@code count} is 1, else {@code plural}. */
  static String verb(int count, String singular, String plural) {
    return count == 1 ? singular : plural;
  }

  /** Quotes a value, or says {@code none}. */
  static String quotedOrNone(java.util.Optional<String> value) {
    return value.map(v -> "\"" + v + "\"").orElse("none");
  }

  /**
   * Returns true when a file path lies under a folder prefix, comparing whole path segments and treating
   * backslashes as slashes: {@code models/marts} covers {@code models/marts/x.sql}, not {@code models/marts_old/x.sql}.
   */
  static boolean isUnder(String path, String prefix) {
    String p = path.replace('\\', '/');
    String folder = prefix.replace('\\', '/');
    while (folder.endsWith("/")) {
      folder = folder.substring(0, folder.length() - 1);
    }
    return folder.isEmpty() || p.equals(folder) || p.startsWith(folder + "/");
  }

  /** Compares two data types ignoring case and whitespace, as warehouses print them differently. */
  static boolean sameType(String a, String b) {
    return normalise(a).equals(normalise(b));
  }

  private static String normalise(String type) {
    return type.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }
}
