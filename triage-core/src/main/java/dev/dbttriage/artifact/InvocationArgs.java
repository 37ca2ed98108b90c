package dev.dbttriage.artifact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code args} of the invocation that wrote a {@code run_results.json}: the command and its selection.
 *
 * <p>Older files record fewer keys (run_results v1 has no {@code args}); what is missing is empty.
 * {@code select} and {@code exclude} are the tokens as dbt stored them (dbt stores a tuple of strings; older
 * versions a single string, which the reader splits on spaces). Instances are immutable and thread-safe.
 *
 * @param command the dbt command ({@code which}: {@code run}, {@code build}, {@code test}, {@code seed},
 *     {@code snapshot}, {@code compile}, {@code source freshness} is {@code freshness}), if recorded
 * @param select the {@code --select} (or {@code --models}) tokens
 * @param exclude the {@code --exclude} tokens
 * @param selector the {@code --selector} name, if any
 * @param resourceTypes the {@code --resource-type} values
 * @param excludeResourceTypes the {@code --exclude-resource-type} values
 * @param indirectSelection the {@code --indirect-selection} mode, if recorded
 * @param fullRefresh whether {@code --full-refresh} was given
 * @param failFast whether {@code --fail-fast} was given
 * @param state the {@code --state} directory, if any
 * @param defer whether {@code --defer} was given
 * @param raw every recorded argument as plain Java values
 */
public record InvocationArgs(
    Optional<String> command,
    List<String> select,
    List<String> exclude,
    Optional<String> selector,
    List<String> resourceTypes,
    List<String> excludeResourceTypes,
    Optional<String> indirectSelection,
    boolean fullRefresh,
    boolean failFast,
    Optional<String> state,
    boolean defer,
    Map<String, Object> raw) {

  /** No recorded arguments. */
  public static final InvocationArgs NONE = new InvocationArgs(Optional.empty(), List.of(), List.of(),
      Optional.empty(), List.of(), List.of(), Optional.empty(), false, false, Optional.empty(), false, Map.of());

  /**
   * Reads the {@code args} a dbt invocation recorded, as every version wrote them: this is the one reading of
   * them that the readers, the log parser and the commands share.
   *
   * <ul>
   *   <li>dbt Fusion nests most keys under {@code __other__}; a top-level key wins over a nested one;
   *   <li>the command is {@code which}, else {@code command};
   *   <li>{@code select}, else the 0.x {@code models}; {@code --selector} is {@code selector} from dbt 1.5 and
   *       {@code selector_name} (argparse's dest) before; {@code resource_types} or {@code resource_type},
   *       likewise for the exclusion;
   *   <li>tokens are split on whitespace (dbt stored one string in old versions, and unions inside a token), nested
   *       lists (old dbt's tuples for {@code --select a,b}) are flattened;
   *   <li>a flag is true for {@code true} or the string {@code "true"}; strings are trimmed, blank is absent;
   *       {@code indirect_selection} is lower-cased.
   * </ul>
   *
   * @param args the recorded {@code args} as plain Java values; values of an unexpected type are ignored
   * @return the arguments, {@link #raw()} being {@code args} as recorded
   * @throws NullPointerException if {@code args} is null
   */
  public static InvocationArgs of(Map<String, ?> args) {
    Objects.requireNonNull(args, "args");
    Map<String, Object> a = new LinkedHashMap<>();
    if (args.get("__other__") instanceof Map<?, ?> other) {
      other.forEach((k, v) -> a.put(String.valueOf(k), v));
    }
    args.forEach(a::put);
    List<String> select = tokens(a.get("select"));
    return new InvocationArgs(
        str(a.get("which")).or(() -> str(a.get("command"))),
        select.isEmpty() ? tokens(a.get("models")) : select,
        tokens(a.get("exclude")),
        str(a.get("selector")).or(() -> str(a.get("selector_name"))),
        tokens(a.containsKey("resource_types") ? a.get("resource_types") : a.get("resource_type")),
        tokens(a.containsKey("exclude_resource_types") ? a.get("exclude_resource_types")
            : a.get("exclude_resource_type")),
        str(a.get("indirect_selection")).map(m -> m.toLowerCase(Locale.ROOT)),
        flag(a.get("full_refresh")),
        flag(a.get("fail_fast")),
        str(a.get("state")),
        flag(a.get("defer")),
        new LinkedHashMap<>(args));
  }

  /** Whether a recorded flag is set: {@code true} or the string {@code "true"}. */
  private static boolean flag(Object value) {
    return Boolean.TRUE.equals(value) || (value instanceof String s && s.equalsIgnoreCase("true"));
  }

  /** A recorded string, trimmed; empty when absent, blank or not a string. */
  private static Optional<String> str(Object value) {
    return value instanceof String s && !s.isBlank() ? Optional.of(s.trim()) : Optional.empty();
  }

  private static List<String> tokens(Object value) {
    List<String> out = new ArrayList<>();
    collect(value, out);
    return out;
  }

  private static void collect(Object value, List<String> out) {
    if (value instanceof String s) {
      for (String t : s.trim().split("\\s+")) {
        if (!t.isEmpty()) {
          out.add(t);
        }
      }
    } else if (value instanceof Collection<?> c) {
      for (Object o : c) {
        collect(o, out);
      }
    }
  }

  /** Validates and copies the components. */
  public InvocationArgs {
    Objects.requireNonNull(command, "command");
    select = List.copyOf(select);
    exclude = List.copyOf(exclude);
    Objects.requireNonNull(selector, "selector");
    resourceTypes = List.copyOf(resourceTypes);
    excludeResourceTypes = List.copyOf(excludeResourceTypes);
    Objects.requireNonNull(indirectSelection, "indirectSelection");
    Objects.requireNonNull(state, "state");
    raw = PlainValues.copyMap(raw);
  }
}
