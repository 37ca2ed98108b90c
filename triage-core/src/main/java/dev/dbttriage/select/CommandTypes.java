package dev.dbttriage.select;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The resources a dbt command runs out of a selection: its resource types (after {@code --resource-type} and
 * {@code --exclude-resource-type}), and whether it drops empty nodes and ephemeral models. Immutable once built.
 */
final class CommandTypes {
  static final List<String> DEFAULT_LS_TYPES = List.of("model", "snapshot", "seed", "test", "source", "exposure",
      "metric", "saved_query", "semantic_model", "unit_test", "function");
  static final List<String> RESOURCE_TYPE_CHOICES = List.of("metric", "semantic_model", "saved_query", "source",
      "analysis", "function", "model", "test", "unit_test", "exposure", "snapshot", "seed", "default", "all");
  static final List<String> BUILD_TYPES = List.of("model", "snapshot", "seed", "test", "unit_test", "saved_query",
      "exposure", "function");
  static final List<String> COMPILE_TYPES = List.of("model", "test", "snapshot", "analysis", "operation", "seed",
      "doc", "rpc", "sql_operation", "function");

  private final SelectionRequest request;
  private Set<String> allowedTypes;
  private boolean dropEmpty;
  private boolean dropEphemeral;

  private CommandTypes(SelectionRequest request) {
    this.request = request;
  }

  /**
   * Resolves a request's command, {@code --resource-type} and {@code --exclude-resource-type} as dbt does.
   *
   * @throws SelectorSyntaxException on an unknown resource type or {@code --models} with resource types
   */
  static CommandTypes of(SelectionRequest request) {
    CommandTypes t = new CommandTypes(request);
    t.resolve();
    return t;
  }

  private void resolve() {
    SelectionCommand cmd = request.command();
    dropEmpty = cmd != SelectionCommand.LS;
    dropEphemeral = cmd == SelectionCommand.RUN || cmd == SelectionCommand.BUILD;
    if (request.models() && !request.resourceTypes().isEmpty()) {
      throw new SelectorSyntaxException("\"models\" and \"resource_type\" are mutually exclusive arguments",
          "--resource-type", -1);
    }
    switch (cmd) {
      case LS:
        if (request.models()) {
          allowedTypes = Set.of("model");
        } else {
          allowedTypes = fromArgs(union(DEFAULT_LS_TYPES, List.of("analysis")), DEFAULT_LS_TYPES);
        }
        break;
      case TEST:
        allowedTypes = fromArgs(List.of("test", "unit_test"), List.of("test", "unit_test"));
        allowedTypes.retainAll(Set.of("test", "unit_test"));
        break;
      case BUILD:
        allowedTypes = fromArgs(BUILD_TYPES, BUILD_TYPES);
        break;
      case RUN:
        allowedTypes = Set.of("model");
        break;
      case SEED:
        allowedTypes = Set.of("seed");
        break;
      case SNAPSHOT:
        allowedTypes = Set.of("snapshot");
        break;
      case COMPILE:
        allowedTypes = new HashSet<>(COMPILE_TYPES);
        break;
      case FRESHNESS:
        allowedTypes = Set.of("source");
        break;
      default:
        throw new IllegalStateException(cmd.toString());
    }
  }

  private static List<String> union(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private Set<String> fromArgs(List<String> all, List<String> defaults) {
    Set<String> types = new HashSet<>();
    List<String> given = new ArrayList<>();
    for (String v : request.resourceTypes()) {
      for (String part : v.split(" ")) {
        if (!part.isEmpty()) {
          given.add(checkChoice(part, "--resource-type", RESOURCE_TYPE_CHOICES));
        }
      }
    }
    if (given.isEmpty()) {
      types.addAll(defaults);
    } else {
      for (String t : given) {
        if (t.equals("all")) {
          types.addAll(all);
        } else if (t.equals("default")) {
          types.addAll(defaults);
        } else {
          types.add(t);
        }
      }
    }
    for (String v : request.excludeResourceTypes()) {
      for (String part : v.split(" ")) {
        if (!part.isEmpty()) {
          String t = checkChoice(part, "--exclude-resource-type", RESOURCE_TYPE_CHOICES.subList(0, 13));
          if (t.equals("default")) {
            throw new SelectorSyntaxException("'default' is not a valid NodeType", t, -1);
          }
          types.remove(t);
        }
      }
    }
    return types;
  }

  private static String checkChoice(String value, String flag, List<String> choices) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (!choices.contains(lower)) {
      List<String> quoted = new ArrayList<>();
      choices.forEach(c -> quoted.add("'" + c + "'"));
      throw new SelectorSyntaxException("Invalid value for '" + flag + "': '" + value + "' is not one of "
          + String.join(", ", quoted) + ".", value, -1);
    }
    return lower;
  }

  /** Returns the selected vertices the command runs: its resource types, without empty or ephemeral ones. */
  BitSet filter(SelectorEngine e, BitSet selected) {
    boolean[] allowed = new boolean[e.typeNames.size()];
    for (int t = 0; t < allowed.length; t++) {
      allowed[t] = allowedTypes.contains(e.typeNames.get(t));
    }
    BitSet out = new BitSet(e.size);
    for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
      if (allowed[e.typeCode[i]] && !(dropEmpty && e.empty[i]) && !(dropEphemeral && e.ephemeralModel[i])) {
        out.set(i);
      }
    }
    return out;
  }
}
