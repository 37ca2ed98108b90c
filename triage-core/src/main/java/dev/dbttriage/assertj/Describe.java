package dev.dbttriage.assertj;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.artifact.ResourceType;
import java.util.ArrayList;
import java.util.Collection;
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

  /** Lists strings, {@code [a, b]}, with the rest summarised past {@link #MAX_LISTED}. */
  static String strings(Collection<String> values) {
    return list(new ArrayList<>(values), s -> s);
  }

  private static <T> String list(List<T> items, Function<T, String> label) {
    String shown = items.stream().limit(MAX_LISTED).map(label).collect(Collectors.joining(", "));
    if (items.size() > MAX_LISTED) {
      shown += ", ... (" + (items.size() - MAX_LISTED) + " more)";
    }
    return "[" + shown + "]";
  }

  /**
   * Returns true when {@code ref} names the resource {@code uniqueId}: the unique id itself, the name (the third
   * segment: {@code orders} for {@code model.shop.orders}, {@code unique_orders_id} for a test, the model name of
   * a versioned model), {@code name.v2} for a versioned model, {@code source_name.table} for a source, or the
   * fourth segment of a unit test ({@code unit_test.pkg.model.name}).
   */
  static boolean refersTo(String uniqueId, String ref) {
    if (uniqueId.equals(ref)) {
      return true;
    }
    String[] parts = uniqueId.split("\\.");
    if (parts.length < 3) {
      return false;
    }
    switch (parts[0]) {
      case "source":
        return parts.length >= 4 && (parts[2] + "." + parts[3]).equals(ref);
      case "unit_test":
        return parts.length >= 4 && parts[3].equals(ref);
      case "model":
        return parts[2].equals(ref) || (parts.length == 4 && (parts[2] + "." + parts[3]).equals(ref));
      default:
        return parts[2].equals(ref);
    }
  }

  /** Returns the ids among {@code ids} that {@code ref} names, as {@link #refersTo} matches them. */
  static List<String> matching(Collection<String> ids, String ref) {
    List<String> found = new ArrayList<>();
    for (String id : ids) {
      if (refersTo(id, ref)) {
        found.add(id);
      }
    }
    return found;
  }

  /** Returns the resource type a unique id starts with, {@link ResourceType#OTHER} when unknown. */
  static ResourceType typeOf(String uniqueId) {
    int dot = uniqueId.indexOf('.');
    return ResourceType.fromDbtName(dot < 0 ? uniqueId : uniqueId.substring(0, dot)).orElse(ResourceType.OTHER);
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
